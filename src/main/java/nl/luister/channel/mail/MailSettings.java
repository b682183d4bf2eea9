package nl.luister.channel.mail;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Settings of one mailbox: where to read (IMAP) and where to send replies (SMTP). Bound from the source's
 * stored JSON; the passwords are stored with it, are masked when sources are listed and never appear in
 * {@link #toString()}.
 *
 * @param imapHost     the IMAP server; required
 * @param imapPort     its port; 993 with TLS, else 143, when {@code null}
 * @param imapSecurity {@link Security#TLS} when {@code null}
 * @param username     the login of the mailbox; required
 * @param password     its password; required
 * @param folder       the folder to read; {@code INBOX} when {@code null}
 * @param smtpHost     the SMTP server replies go out through; {@code null} when this mailbox only receives
 * @param smtpPort     its port; 465 with TLS, 587 with STARTTLS, else 25, when {@code null}
 * @param smtpSecurity {@link Security#STARTTLS} when {@code null}
 * @param smtpUsername the SMTP login; the IMAP login when {@code null}
 * @param smtpPassword the SMTP password; the IMAP password when {@code null}
 * @param fromAddress  the address replies are sent from; the login when {@code null} and it is an address
 */
public record MailSettings(String imapHost, Integer imapPort, Security imapSecurity, String username, String password,
		String folder, String smtpHost, Integer smtpPort, Security smtpSecurity, String smtpUsername,
		String smtpPassword, String fromAddress) {

	public MailSettings {
		if (imapHost == null || imapHost.isBlank()) throw new IllegalArgumentException("imapHost is required");
		if (username == null || username.isBlank()) throw new IllegalArgumentException("username is required");
		if (password == null || password.isEmpty()) throw new IllegalArgumentException("password is required");
		imapHost = imapHost.strip();
		username = username.strip();
		if (imapSecurity == null) imapSecurity = Security.TLS;
		if (imapPort == null) imapPort = imapSecurity == Security.TLS ? 993 : 143;
		checkPort(imapPort, "imapPort");
		if (folder == null || folder.isBlank()) folder = "INBOX";
		smtpHost = smtpHost == null || smtpHost.isBlank() ? null : smtpHost.strip();
		if (smtpSecurity == null) smtpSecurity = Security.STARTTLS;
		if (smtpPort == null) smtpPort = smtpSecurity == Security.TLS ? 465 : smtpSecurity == Security.STARTTLS ? 587 : 25;
		checkPort(smtpPort, "smtpPort");
		if (smtpUsername == null || smtpUsername.isBlank()) smtpUsername = username;
		if (smtpPassword == null || smtpPassword.isEmpty()) smtpPassword = password;
		if (fromAddress == null || fromAddress.isBlank()) fromAddress = username.contains("@") ? username : null;
		else fromAddress = fromAddress.strip();
	}

	/** Settings that read {@code folder} at an IMAP server and send through an SMTP server with the same login. */
	public static MailSettings of(String imapHost, int imapPort, Security imapSecurity, String username, String password,
			String smtpHost, Integer smtpPort, Security smtpSecurity, String fromAddress) {
		return new MailSettings(imapHost, imapPort, imapSecurity, username, password, null, smtpHost, smtpPort,
				smtpSecurity, null, null, fromAddress);
	}

	private static void checkPort(int port, String name) {
		if (port < 1 || port > 65_535) throw new IllegalArgumentException(name + " must be between 1 and 65535 (got " + port + ")");
	}

	/** Where IMAP is read; never shows the passwords. */
	@Override
	public String toString() {
		return "MailSettings[" + username + " at " + imapHost + ":" + imapPort + " (" + imapSecurity + "), folder "
				+ folder + ", smtp " + (smtpHost == null ? "none" : smtpHost + ":" + smtpPort + " (" + smtpSecurity + ")")
				+ ", password ****]";
	}

	/** How the connection to a mail server is protected. */
	public enum Security {
		/** TLS from the first byte (IMAPS 993, SMTPS 465). */
		TLS,
		/** Plain connection upgraded with STARTTLS, which is required (IMAP 143, submission 587). */
		STARTTLS,
		/** No encryption: only for servers on the same machine or in tests. */
		NONE;

		@JsonCreator
		public static Security parse(String name) {
			if (name == null || name.isBlank()) return null;
			String n = name.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
			return switch (n) {
				case "TLS", "SSL", "SSLTLS", "IMAPS", "SMTPS" -> TLS;
				case "STARTTLS" -> STARTTLS;
				case "NONE", "PLAIN", "OFF" -> NONE;
				default -> throw new IllegalArgumentException("unknown security '" + name + "' (expected tls, starttls or none)");
			};
		}
	}
}
