/**
 * The e-mail connector: reads a support mailbox over IMAP ({@link nl.luister.channel.mail.MailSource}) and sends
 * replies over SMTP ({@link nl.luister.channel.mail.MailSender}) with threading headers and signed Message-IDs.
 */
package nl.luister.channel.mail;
