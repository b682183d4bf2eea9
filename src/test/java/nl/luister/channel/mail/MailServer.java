package nl.luister.channel.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** GreenMail IMAP and SMTP servers on loopback with random ports, and a support mailbox to read. */
final class MailServer implements AutoCloseable {

	static final String ADDRESS = "support@koeriersnel.test";
	static final String LOGIN = "support";
	static final String PASSWORD = "s3cret-mailbox-password";

	final GreenMail greenMail;
	final GreenMailUser mailbox;
	final Session session = Session.getInstance(new Properties());
	private int sequence;

	private MailServer() {
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
				new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort() });
		this.greenMail.start();
		this.mailbox = this.greenMail.setUser(ADDRESS, LOGIN, PASSWORD);
	}

	static MailServer start() {
		return new MailServer();
	}

	int imapPort() {
		return greenMail.getImap().getPort();
	}

	int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	MailSettings settings() {
		return MailSettings.of("127.0.0.1", imapPort(), MailSettings.Security.NONE, LOGIN, PASSWORD, "127.0.0.1", smtpPort(),
				MailSettings.Security.NONE, ADDRESS);
	}

	MailSettings settingsWithPassword(String password) {
		return MailSettings.of("127.0.0.1", imapPort(), MailSettings.Security.NONE, LOGIN, password, "127.0.0.1", smtpPort(),
				MailSettings.Security.NONE, ADDRESS);
	}

	static MailSettings unreachable() {
		return MailSettings.of("127.0.0.1", closedPort(), MailSettings.Security.NONE, LOGIN, PASSWORD, "127.0.0.1", closedPort(),
				MailSettings.Security.NONE, ADDRESS);
	}

	/** A plain-text message from a customer, ready to change further. */
	MimeMessage message(String from, String subject, String text) {
		try {
			MimeMessage m = new MimeMessage(session);
			m.setFrom(new InternetAddress(from));
			m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(ADDRESS));
			m.setSubject(subject, "UTF-8");
			m.setText(text, "UTF-8");
			m.setSentDate(Date.from(Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * ++sequence)));
			m.setHeader("Message-ID", "<msg-" + sequence + "-" + System.nanoTime() + "@customer.test>");
			return m;
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Puts the message into the support mailbox's INBOX, keeping its Message-ID. */
	void deliver(MimeMessage message) {
		try {
			String id = message.getHeader("Message-ID", null);
			message.saveChanges();
			if (id != null) message.setHeader("Message-ID", id);
			else message.removeHeader("Message-ID");
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
		mailbox.deliver(message);
	}

	/** Delivers raw RFC 5322 text as it is. */
	void deliverRaw(String raw) {
		try {
			mailbox.deliver(new MimeMessage(session, new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		greenMail.stop();
	}
}
