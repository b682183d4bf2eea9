package nl.luister.alert;

import java.util.List;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sends Luister's own notices (alerts, themes sent to a colleague) over the SMTP server set under {@code luister.notify.mail.*}: a plain-text
 * and an HTML part. Not a customer channel: replies to customers go through their mailbox source. Thread-safe.
 */
@Component
public class NoticeMail {

	/**
	 * Where notices are sent from. {@code host} empty: e-mail notices are off and each one fails with that reason.
	 */
	@ConfigurationProperties("luister.notify.mail")
	record Settings(String host, Integer port, String from, String username, String password, Boolean starttls) {
	}

	private final Settings settings;

	NoticeMail(Settings settings) {
		this.settings = settings;
	}

	/** Whether an SMTP server is set. */
	public boolean configured() {
		return settings.host() != null && !settings.host().isBlank();
	}

	/**
	 * Sends one notice with a plain-text and an HTML part; the caller escapes untrusted text in the HTML.
	 *
	 * @throws MessagingException when no server is set, it cannot be reached, or it refuses the message or the recipient
	 */
	public void send(String to, String subject, String text, String html) throws MessagingException {
		send(to, subject, text, html, List.of(), List.of());
	}

	/** A file sent with a notice: inline (an image the HTML shows as {@code cid:<contentId>}) or attached. */
	public record Part(String contentId, String fileName, String contentType, byte[] bytes) {
	}

	/**
	 * Sends a notice with images the HTML shows inline and files attached (e.g. the report's chart and its PDF).
	 *
	 * @throws MessagingException when no server is set, it cannot be reached, or it refuses the message or the recipient
	 */
	public void send(String to, String subject, String text, String html, List<Part> inline, List<Part> attachments) throws MessagingException {
		if (!configured()) throw new MessagingException("no SMTP server for notices: set luister.notify.mail.host (and port, from)");
		Properties p = new Properties();
		p.put("mail.smtp.host", settings.host());
		p.put("mail.smtp.port", String.valueOf(settings.port() == null ? 25 : settings.port()));
		p.put("mail.smtp.connectiontimeout", "10000");
		p.put("mail.smtp.timeout", "10000");
		p.put("mail.smtp.writetimeout", "10000");
		if (Boolean.TRUE.equals(settings.starttls())) p.put("mail.smtp.starttls.enable", "true");
		Authenticator auth = null;
		if (settings.username() != null && !settings.username().isBlank()) {
			p.put("mail.smtp.auth", "true");
			auth = new Authenticator() {
				@Override
				protected PasswordAuthentication getPasswordAuthentication() {
					return new PasswordAuthentication(settings.username(), settings.password());
				}
			};
		}
		Session session = Session.getInstance(p, auth);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(settings.from() == null ? "luister@localhost" : settings.from(), true));
		message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
		// setSubject encodes; line breaks are taken out so a topic name cannot add headers
		message.setSubject(subject.replaceAll("[\\r\\n]+", " "), "UTF-8");
		message.setHeader("Auto-Submitted", "auto-generated");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setText(html, "UTF-8", "html");
		MimeMultipart alternative = new MimeMultipart("alternative", plain, rich);
		if (inline.isEmpty() && attachments.isEmpty()) {
			message.setContent(alternative);
			Transport.send(message);
			return;
		}
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternative);
		MimeMultipart related = new MimeMultipart("related", body);
		for (Part part : inline) {
			MimeBodyPart image = new MimeBodyPart();
			image.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(part.bytes(), part.contentType())));
			image.setContentID("<" + part.contentId() + ">");
			image.setDisposition(MimeBodyPart.INLINE);
			image.setFileName(part.fileName());
			related.addBodyPart(image);
		}
		MimeBodyPart top = new MimeBodyPart();
		top.setContent(related);
		MimeMultipart mixed = new MimeMultipart("mixed", top);
		for (Part part : attachments) {
			MimeBodyPart file = new MimeBodyPart();
			file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(part.bytes(), part.contentType())));
			file.setDisposition(MimeBodyPart.ATTACHMENT);
			file.setFileName(part.fileName());
			mixed.addBodyPart(file);
		}
		message.setContent(mixed);
		Transport.send(message);
	}
}
