package nl.luister.notice;

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
 * Sends Luister's own notices (alerts, source health, themes sent to a colleague, weekly reports) over the SMTP server
 * set under {@code luister.notify.mail.*}: a plain-text part, optionally an HTML part with inline images, and
 * attachments; marked {@code Auto-Submitted: auto-generated} so no mailbox answers it. Not a customer channel: replies
 * to customers go through their mailbox source. Thread-safe.
 */
@Component
public class NoticeMail {

	/**
	 * Where notices are sent from. {@code host} empty: e-mail notices are off and each one fails with that reason.
	 *
	 * @param port     default 587
	 * @param security {@code starttls} (default: required), {@code tls} (SMTPS) or {@code none}
	 * @param from     default {@code luister@localhost}
	 */
	@ConfigurationProperties("luister.notify.mail")
	public record Settings(String host, Integer port, String security, String from, String username, String password) {

		@Override
		public String toString() {
			return "Settings[" + host + ":" + port + " (" + security + "), " + username + ", password ****]";
		}
	}

	private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^@\\s<>\"'\\r\\n,;]+@[^@\\s<>\"'\\r\\n,;]+\\.[^@\\s<>\"'\\r\\n,;]+");

	private final Settings settings;

	NoticeMail(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Whether {@code address} can be a notice's recipient: one plain address (name@host.tld), no display name, no
	 * second address, no line break that could add a header.
	 */
	public static boolean isAddress(String address) {
		return address != null && ADDRESS.matcher(address).matches();
	}

	/** Whether an SMTP server is set. */
	public boolean configured() {
		return settings.host() != null && !settings.host().isBlank();
	}

	/**
	 * Sends one notice with a plain-text and an HTML part ({@code html} null: plain text only); the caller escapes
	 * untrusted text in the HTML.
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
		String security = settings.security() == null || settings.security().isBlank() ? "starttls" : settings.security().strip().toLowerCase(java.util.Locale.ROOT);
		String protocol = security.equals("tls") ? "smtps" : "smtp";
		Properties p = new Properties();
		p.put("mail.transport.protocol", protocol);
		p.put("mail." + protocol + ".host", settings.host());
		p.put("mail." + protocol + ".port", String.valueOf(settings.port() == null ? 587 : settings.port()));
		p.put("mail." + protocol + ".connectiontimeout", "10000");
		p.put("mail." + protocol + ".timeout", "20000");
		p.put("mail." + protocol + ".writetimeout", "20000");
		p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
		if (security.equals("starttls")) {
			p.put("mail.smtp.starttls.enable", "true");
			p.put("mail.smtp.starttls.required", "true");
		}
		Authenticator auth = null;
		if (settings.username() != null && !settings.username().isBlank()) {
			p.put("mail." + protocol + ".auth", "true");
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
		message.setSubject(subject.replaceAll("[\\r\\n\\t]+", " "), "UTF-8");
		message.setSentDate(new java.util.Date());
		message.setHeader("Auto-Submitted", "auto-generated");
		if (html == null) {
			message.setText(text, "UTF-8");
			Transport.send(message);
			return;
		}
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
