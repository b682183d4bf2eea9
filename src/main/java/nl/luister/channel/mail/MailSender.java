package nl.luister.channel.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.reply.ReplySender;


/**
 * Sends a reply by e-mail over the mailbox's SMTP server to the case's customer: subject {@code Re: <subject>},
 * {@code In-Reply-To} the answered message and {@code References} the case's mail thread, so the customer's
 * mail program threads it. Its Message-ID is Luister's signed id of the reply ({@link MailSigning}), the same on
 * every attempt, and is returned as the reply's external id: a customer's answer to it joins the case.
 *
 * <p>A human reply is not marked Auto-Submitted, but asks Exchange not to send out-of-office answers to it
 * ({@code X-Auto-Response-Suppress}). Luister never answers mail automatically. Called from the outbox worker;
 * thread-safe. A wrong login or an address the server rejects fails for good; an unreachable server is retried.
 */
public final class MailSender implements ReplySender {

	private static final int MAX_REFERENCES = 20;

	private final MailSigning signing;
	private final JsonMapper json;
	private final MailThreads threads;

	MailSender(MailSigning signing, JsonMapper json, MailThreads threads) {
		this.signing = signing;
		this.json = json;
		this.threads = threads;
	}

	@Override
	public String type() {
		return "mail";
	}

	@Override
	public String send(OutgoingReply reply) {
		MailSettings settings = settings(reply);
		if (settings.smtpHost() == null) throw new DeliveryFailed("this mailbox has no SMTP server set, so it cannot send replies", false);
		if (settings.fromAddress() == null) throw new DeliveryFailed("this mailbox has no from address set", false);
		InternetAddress to = address(reply.recipientHandle(), "the customer's address");
		InternetAddress from = address(settings.fromAddress(), "the from address");
		String messageId = signing.messageId(reply.caseId(), reply.replyId());
		Session session = MailSessions.smtp(settings);
		try {
			MimeMessage message = new LuisterMessage(session, messageId);
			message.setFrom(from);
			message.setRecipient(MimeMessage.RecipientType.TO, to);
			message.setSubject(subject(reply.inReplyToExternalId() == null ? null
					: threads.subject(reply.sourceId(), reply.inReplyToExternalId())), "UTF-8");
			if (reply.inReplyToExternalId() != null && reply.inReplyToExternalId().startsWith("<")) {
				message.setHeader("In-Reply-To", reply.inReplyToExternalId());
			}
			String references = references(threads.thread(reply.caseId(), reply.sourceId(), reply.replyId(), MAX_REFERENCES),
					reply.inReplyToExternalId());
			if (!references.isEmpty()) message.setHeader("References", references);
			message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
			message.setSentDate(new java.util.Date());
			message.setText(reply.text(), "UTF-8");
			message.saveChanges();
			String protocol = settings.smtpSecurity() == MailSettings.Security.TLS ? "smtps" : "smtp";
			try (Transport transport = session.getTransport(protocol)) {
				transport.connect(settings.smtpHost(), settings.smtpPort(), settings.smtpUsername(), settings.smtpPassword());
				transport.sendMessage(message, message.getAllRecipients());
			}
			return messageId;
		}
		catch (AuthenticationFailedException e) {
			throw new DeliveryFailed(MailSessions.describe(e, "SMTP", settings.smtpHost(), settings.smtpPort(), settings.smtpUsername()), false);
		}
		catch (SendFailedException e) {
			throw new DeliveryFailed("the mail server did not accept the message for " + to.getAddress() + ": "
					+ MailReader.oneLine(String.valueOf(e.getMessage())), false);
		}
		catch (MessagingException e) {
			throw new DeliveryFailed(MailSessions.describe(e, "SMTP", settings.smtpHost(), settings.smtpPort(), settings.smtpUsername()), true);
		}
	}

	private MailSettings settings(OutgoingReply reply) {
		try {
			return json.readValue(reply.sourceSettings() == null ? "{}" : reply.sourceSettings(), MailSettings.class);
		}
		catch (JacksonException | IllegalArgumentException e) {
			throw new DeliveryFailed("the settings of this mail source are not valid: " + e.getMessage(), false);
		}
	}

	private static InternetAddress address(String value, String what) {
		if (value == null || value.isBlank()) throw new DeliveryFailed(what + " is missing", false);
		if (!MailReader.oneLine(value).equals(value.strip())) throw new DeliveryFailed(what + " contains line breaks", false);
		try {
			InternetAddress address = new InternetAddress(value.strip(), true);
			address.validate();
			return address;
		}
		catch (AddressException e) {
			throw new DeliveryFailed(what + " '" + value.strip() + "' is not a valid e-mail address", false);
		}
	}

	/** {@code Re: } and the answered message's subject, without piling up {@code Re:} prefixes. */
	static String subject(String original) {
		String s = original == null ? "" : MailReader.oneLine(original);
		while (s.toLowerCase(Locale.ROOT).matches("^(re|aw|antw|sv|vs)\\s*:.*")) s = s.substring(s.indexOf(':') + 1).strip();
		return s.isEmpty() ? "Re: your message" : "Re: " + s;
	}

	/** The references, oldest first, with the answered message last; only well-formed ids on one line. */
	private static String references(List<String> thread, String answered) {
		List<String> ordered = new ArrayList<>(thread);
		if (answered != null && answered.startsWith("<")) {
			ordered.remove(answered);
			ordered.add(answered);
		}
		return String.join(" ", ordered.stream().filter(id -> id.matches("<[^<>\\s]+>")).toList());
	}

	/** A message that keeps the Message-ID it was given instead of the one Jakarta Mail would make. */
	private static final class LuisterMessage extends MimeMessage {

		private final String messageId;

		LuisterMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
