/** Complaint themes: significant terms and phrases of a topic against a baseline period, with examples, to send on. */
package nl.luister.analytics.themes;
