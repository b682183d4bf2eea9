/** Luister's own e-mail to people (alerts, source health, themes, reports), over the SMTP server of {@code luister.notify.mail.*}. */
package nl.luister.notice;
