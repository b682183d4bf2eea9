package nl.luister.channel.mail;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * Jakarta Mail sessions with timeouts and TLS as a mailbox's settings ask, and failures put in plain words.
 * Server identity is always checked; STARTTLS, when chosen, is required rather than attempted.
 */
final class MailSessions {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

	private MailSessions() {
	}

	static Session imap(MailSettings s) {
		return session(s.imapSecurity() == MailSettings.Security.TLS ? "imaps" : "imap", s.imapSecurity());
	}

	static Session smtp(MailSettings s) {
		Session session = session(s.smtpSecurity() == MailSettings.Security.TLS ? "smtps" : "smtp", s.smtpSecurity());
		String protocol = s.smtpSecurity() == MailSettings.Security.TLS ? "smtps" : "smtp";
		session.getProperties().put("mail." + protocol + ".auth", "true");
		return session;
	}

	private static Session session(String protocol, MailSettings.Security security) {
		Properties p = new Properties();
		String prefix = "mail." + protocol + ".";
		p.put(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
		p.put(prefix + "timeout", Long.toString(READ_TIMEOUT.toMillis()));
		p.put(prefix + "writetimeout", Long.toString(READ_TIMEOUT.toMillis()));
		p.put(prefix + "ssl.checkserveridentity", "true");
		if (security == MailSettings.Security.STARTTLS) {
			p.put(prefix + "starttls.enable", "true");
			p.put(prefix + "starttls.required", "true");
		}
		if (protocol.startsWith("imap")) {
			// the folder is opened read-only; peek so that reading never marks a message as seen either
			p.put(prefix + "peek", "true");
			p.put(prefix + "partialfetch", "true");
			p.put(prefix + "fetchsize", Integer.toString(1024 * 1024));
		}
		return Session.getInstance(p);
	}

	/** What went wrong talking to {@code host:port}, in words an admin can act on. */
	static String describe(MessagingException e, String what, String host, int port, String username) {
		String where = host + ":" + port;
		if (e instanceof AuthenticationFailedException) {
			String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + MailReader.oneLine(e.getMessage()) + ")";
			return "the mail server refused the login for " + username + " at " + where + detail
					+ ": check the user name and password";
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) return "the " + what + " server '" + host + "' was not found (unknown host name)";
			if (cause instanceof ConnectException) return "could not connect to the " + what + " server at " + where + ": connection refused";
			if (cause instanceof NoRouteToHostException) return "could not reach the " + what + " server at " + where + ": no route to host";
			if (cause instanceof SocketTimeoutException) return "the " + what + " server at " + where + " did not answer in time";
			if (cause instanceof SSLException ssl) {
				return "the secure connection to the " + what + " server at " + where + " failed (" + ssl.getMessage()
						+ "): check the security setting (tls, starttls or none) and the server's certificate";
			}
			if (cause instanceof FileNotFoundException) break;
		}
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : MailReader.oneLine(e.getMessage());
		if (message.toLowerCase(java.util.Locale.ROOT).contains("starttls")) {
			return "the " + what + " server at " + where + " does not offer STARTTLS (" + message + "): choose tls or, only on a trusted network, none";
		}
		return "the " + what + " server at " + where + " failed: " + message;
	}
}
