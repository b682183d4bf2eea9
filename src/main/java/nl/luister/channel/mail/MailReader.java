package nl.luister.channel.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.rss.HtmlText;

/**
 * Turns one e-mail into a {@link RawMention} addressed to the organisation, or says why it is skipped.
 *
 * <p>Text: the first {@code text/plain} part that is not an attachment, else the first {@code text/html} part
 * turned into plain text with jsoup (nothing is fetched: remote images and styles are never loaded). Every
 * other leaf part is an attachment: listed with its name, type and size below the text, and stored by
 * {@link AttachmentStore} when within the limit. Auto-replies, bounces, list mail, Luister's own replies,
 * messages that pretend to be Luister's and mail from the mailbox's own address are skipped, so they never
 * open cases or start a reply loop. Stateless apart from the store; thread-safe.
 */
final class MailReader {

	static final int MAX_TEXT = 200_000;

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	private static final Pattern OUT_OF_OFFICE = Pattern.compile(
			"^(out of (the )?office|automatic reply|auto(matic)?[ -]?reply|autosvar|afwezig|automatisch antwoord|abwesenheit|absence|vacation|on vacation)\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private final AttachmentStore attachments;
	private final MailSigning signing;

	MailReader(AttachmentStore attachments, MailSigning signing) {
		this.attachments = attachments;
		this.signing = signing;
	}

	/**
	 * Reads one message.
	 *
	 * @param ownAddress  the mailbox's own address (mail from it is a loop), or {@code null}
	 * @param receivedAt  when the server received it, or {@code null}
	 * @param fallbackNow the time to use when the message has no date at all
	 */
	Outcome read(MimeMessage message, String ownAddress, Instant receivedAt, Instant fallbackNow) throws MessagingException, IOException {
		String messageId = messageId(message);
		String subject = subject(message);
		InternetAddress from = from(message);
		if (from == null) return Outcome.skip("has no valid From address" + (subject == null ? "" : " (subject '" + subject + "')"));

		switch (signing.verify(messageId)) {
			case LUISTER -> {
				return Outcome.skip("is a reply Luister sent itself (" + messageId + "), not a customer message");
			}
			case FORGED -> {
				return Outcome.skip("claims to be a Luister reply (Message-ID " + messageId + ") but its signature does not"
						+ " verify: a forged agent reply from " + from.getAddress());
			}
			case NOT_LUISTER -> {
			}
		}
		// mail from the mailbox's own address that answers a thread is an agent who replied from a mail client:
		// our reply in that thread; without a thread to answer it is a loop
		boolean own = ownAddress != null && from.getAddress().equalsIgnoreCase(ownAddress) && inReplyTo(message) != null;
		String automatic = automatic(message, from, subject, own ? null : ownAddress);
		if (automatic != null) return Outcome.skip(automatic + " from " + from.getAddress());

		if (messageId == null) messageId = "sha256:" + fingerprint(message, from, subject, receivedAt);
		String inReplyTo = inReplyTo(message);
		if (inReplyTo != null && signing.verify(inReplyTo) == MailSigning.Verdict.FORGED) inReplyTo = null;

		Body body = new Body();
		collect(message, body, 0);
		String text = body.plain != null ? body.plain : body.html != null ? HtmlText.toPlainText(body.html) : "";
		text = normaliseLineBreaks(text).strip();
		if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT) + "\n[… the rest of this long message is cut]";
		if (!body.attachments.isEmpty()) text = (text.isEmpty() ? "" : text + "\n\n") + footer(body.attachments);

		Instant publishedAt = message.getSentDate() != null ? message.getSentDate().toInstant()
				: receivedAt != null ? receivedAt : fallbackNow;
		String name = from.getPersonal() == null || from.getPersonal().isBlank() ? null : oneLine(from.getPersonal());
		RawMention mention = new RawMention(messageId, Channel.EMAIL,
				new RawMention.Author(from.getAddress().toLowerCase(Locale.ROOT), name, null), subject, text, null,
				publishedAt, inReplyTo, true);
		return new Outcome(own ? mention.asOwn() : mention, null);
	}

	/** Why this message was written by a machine rather than a customer, or {@code null}. */
	static String automatic(MimeMessage message, InternetAddress from, String subject, String ownAddress) throws MessagingException {
		String autoSubmitted = header(message, "Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "automatic message (Auto-Submitted: " + oneLine(autoSubmitted) + ")";
		}
		if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null || header(message, "X-Autoresponder") != null) {
			return "auto-reply (X-Autoreply)";
		}
		String precedence = header(message, "Precedence");
		if (precedence != null) {
			String p = precedence.strip().toLowerCase(Locale.ROOT);
			if (p.equals("bulk") || p.equals("auto_reply") || p.equals("list") || p.equals("junk")) {
				return "bulk, list or auto-reply mail (Precedence: " + p + ")";
			}
		}
		if (message.isMimeType("multipart/report")) return "delivery or read report (multipart/report: a bounce)";
		String local = from.getAddress().toLowerCase(Locale.ROOT);
		int at = local.indexOf('@');
		if (at >= 0) local = local.substring(0, at);
		if (local.equals("mailer-daemon") || local.equals("postmaster")) return "bounce (sender " + from.getAddress() + ")";
		if (subject != null && OUT_OF_OFFICE.matcher(subject.strip()).matches()) return "out-of-office reply ('" + subject + "')";
		if (ownAddress != null && from.getAddress().equalsIgnoreCase(ownAddress)) {
			return "sent from this mailbox's own address (a mail loop)";
		}
		return null;
	}

	/** The Subject decoded (RFC 2047) on one line: CR, LF and other control characters become spaces. */
	static String subject(MimeMessage message) throws MessagingException {
		String subject;
		try {
			subject = message.getSubject();
		}
		catch (MessagingException e) {
			subject = message.getHeader("Subject", null);
		}
		if (subject == null) return null;
		String line = oneLine(subject);
		return line.isEmpty() ? null : line;
	}

	static String oneLine(String text) {
		return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").replaceAll(" {2,}", " ").strip();
	}

	/** The Message-ID with angle brackets, or {@code null}. */
	static String messageId(MimeMessage message) throws MessagingException {
		return firstId(header(message, "Message-ID"));
	}

	/** In-Reply-To, else the last entry of References (the message answered), with angle brackets. */
	static String inReplyTo(MimeMessage message) throws MessagingException {
		String inReplyTo = firstId(header(message, "In-Reply-To"));
		if (inReplyTo != null) return inReplyTo;
		String references = header(message, "References");
		if (references == null) return null;
		String last = null;
		Matcher m = MESSAGE_ID.matcher(references);
		while (m.find()) last = m.group();
		return last;
	}

	private static String firstId(String value) {
		if (value == null || value.isBlank()) return null;
		Matcher m = MESSAGE_ID.matcher(value);
		if (m.find()) return m.group();
		String bare = value.strip();
		return bare.contains(" ") || bare.isEmpty() ? null : "<" + bare + ">";
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String value = message.getHeader(name, ",");
		return value == null ? null : value.strip();
	}

	private static InternetAddress from(MimeMessage message) {
		Address[] from;
		try {
			from = message.getFrom();
		}
		catch (MessagingException e) {
			return null;
		}
		if (from == null) return null;
		for (Address a : from) {
			if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")
					&& oneLine(ia.getAddress()).equals(ia.getAddress())) {
				return ia;
			}
		}
		return null;
	}

	private void collect(Part part, Body body, int depth) throws MessagingException, IOException {
		if (depth > 20) return;
		if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					collect(child, body, depth + 1);
				}
				return;
			}
		}
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
		if (!attachment && part.isMimeType("text/plain") && body.plain == null) {
			body.plain = text(part);
			return;
		}
		if (!attachment && part.isMimeType("text/html") && body.html == null) {
			body.html = text(part);
			return;
		}
		if (!attachment && part.isMimeType("text/*") && (body.plain != null || body.html != null)) return;
		body.attachments.add(attachment(part));
	}

	private Attachment attachment(Part part) throws MessagingException {
		String name = fileName(part);
		String type = contentType(part);
		long declared = part.getSize();
		// the size IMAP reports is of the encoded part: base64 is 4/3 of the bytes, so this skips the download
		if (declared > 0 && declared / 4 * 3 > attachments.maxBytes() + 4096) {
			return new Attachment(name, type, declared / 4 * 3, null, "not stored: too large");
		}
		try (InputStream in = part.getInputStream()) {
			AttachmentStore.Stored stored = attachments.store(in);
			if (stored.tooLarge()) return new Attachment(name, type, Math.max(stored.size(), declared / 4 * 3), null, "not stored: too large");
			return new Attachment(name, type, stored.size(), stored.path(), null);
		}
		catch (IOException | MessagingException e) {
			return new Attachment(name, type, declared, null, "not stored: could not be read (" + e.getMessage() + ")");
		}
	}

	/** The name the sender gave, for display only: decoded, on one line, without any folder part. */
	static String fileName(Part part) {
		String name;
		try {
			name = part.getFileName();
			if (name != null) name = MimeUtility.decodeText(name);
		}
		catch (MessagingException | IOException e) {
			name = null;
		}
		if (name == null || name.isBlank()) return "(unnamed)";
		name = oneLine(name);
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		if (slash >= 0) name = name.substring(slash + 1);
		if (name.isBlank() || name.equals(".") || name.equals("..")) return "(unnamed)";
		return name.length() > 200 ? name.substring(0, 200) + "…" : name;
	}

	private static String contentType(Part part) {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException e) {
			return "application/octet-stream";
		}
	}

	/** The text of a text part; an unknown or broken charset falls back to UTF-8 with replacement characters. */
	private static String text(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String s) return s;
		}
		catch (IOException e) {
			// unsupported charset: read the bytes ourselves below
		}
		Charset charset = StandardCharsets.UTF_8;
		try {
			String name = new ContentType(part.getContentType()).getParameter("charset");
			if (name != null) charset = Charset.forName(MimeUtility.javaCharset(name));
		}
		catch (ParseException | RuntimeException e) {
			charset = StandardCharsets.UTF_8;
		}
		try (InputStream in = part.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toString(charset);
		}
	}

	private static String normaliseLineBreaks(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	static String footer(List<Attachment> attachments) {
		StringBuilder out = new StringBuilder("Attachments:");
		for (Attachment a : attachments) {
			out.append("\n- ").append(a.name()).append(" (").append(a.contentType()).append(", ")
				.append(a.note() != null && a.size() > 0 && a.note().contains("too large") ? "about " : "")
				.append(a.size() < 0 ? "size unknown" : size(a.size())).append(")");
			if (a.storedPath() != null) out.append(" stored as ").append(a.storedPath());
			else out.append(' ').append(a.note());
		}
		return out.toString();
	}

	static String size(long bytes) {
		if (bytes < 1024) return bytes + " B";
		if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	private static String fingerprint(MimeMessage message, InternetAddress from, String subject, Instant receivedAt)
			throws MessagingException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String key = from.getAddress() + "\n" + subject + "\n" + header(message, "Date") + "\n" + receivedAt + "\n" + message.getSize();
			return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	/** The mention of a message, or why it was skipped. */
	record Outcome(RawMention mention, String skipped) {
		static Outcome skip(String reason) {
			return new Outcome(null, reason);
		}
	}

	/** One attachment as listed below the text; {@code storedPath} is relative to the attachment store. */
	record Attachment(String name, String contentType, long size, String storedPath, String note) {
	}

	private static final class Body {
		String plain;
		String html;
		final List<Attachment> attachments = new ArrayList<>();
	}
}
