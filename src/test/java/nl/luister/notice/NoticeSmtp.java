package nl.luister.notice;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail, loopback, a free port) for the tests of Luister's own notices (alerts, themes,
 * reports), started once for the test JVM. Tests purge its mailboxes before each test.
 */
public final class NoticeSmtp {

	public static final GreenMail SMTP = start();

	private NoticeSmtp() {
	}

	private static GreenMail start() {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		return smtp;
	}

	/** Points {@code luister.notify.mail.*} at this server. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("luister.notify.mail.host", () -> "127.0.0.1");
		registry.add("luister.notify.mail.port", () -> SMTP.getSmtp().getPort());
	}
}
