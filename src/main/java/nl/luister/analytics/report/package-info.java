/** The weekly report: volume, sentiment, themes, alerts and webcare figures of a week, by e-mail and as PDF. */
package nl.luister.analytics.report;
