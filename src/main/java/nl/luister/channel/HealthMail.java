package nl.luister.channel;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a source-health notice by e-mail over the configured SMTP server, marked {@code Auto-Submitted:
 * auto-generated} so no mailbox answers it. Called on the health check's thread or after a commit; thread-safe.
 *
 * @throws MessagingException when the server cannot be reached or refuses the message (the caller records it)
 */
final class HealthMail {

	private final HealthProperties.Smtp smtp;

	HealthMail(HealthProperties.Smtp smtp) {
		this.smtp = smtp;
	}

	boolean configured() {
		return smtp.host() != null && !smtp.host().isBlank();
	}

	void send(List<String> to, String subject, String text) throws MessagingException {
		if (!configured() || to.isEmpty()) return;
		String security = smtp.security().strip().toLowerCase(Locale.ROOT);
		String protocol = security.equals("tls") ? "smtps" : "smtp";
		Properties p = new Properties();
		p.put("mail." + protocol + ".connectiontimeout", "15000");
		p.put("mail." + protocol + ".timeout", "30000");
		p.put("mail." + protocol + ".writetimeout", "30000");
		p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
		if (security.equals("starttls")) {
			p.put("mail.smtp.starttls.enable", "true");
			p.put("mail.smtp.starttls.required", "true");
		}
		boolean auth = smtp.username() != null && !smtp.username().isBlank();
		p.put("mail." + protocol + ".auth", Boolean.toString(auth));
		Session session = Session.getInstance(p);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(smtp.from(), true));
		for (String address : to) {
			try {
				message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
			}
			catch (AddressException e) {
				// one wrong address in the settings must not keep the notice from the others
			}
		}
		if (message.getAllRecipients() == null) return;
		// subjects hold source names an admin typed: one line, no header injection
		message.setSubject(subject.replaceAll("[\\r\\n\\t]+", " "), "UTF-8");
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setSentDate(new Date());
		message.setText(text, "UTF-8");
		message.saveChanges();
		try (Transport transport = session.getTransport(protocol)) {
			if (auth) transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
			else transport.connect(smtp.host(), smtp.port(), null, null);
			transport.sendMessage(message, message.getAllRecipients());
		}
	}
}
