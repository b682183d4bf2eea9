package nl.luister.channel.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import nl.luister.channel.Batch;

/**
 * Reads N messages from a GreenMail IMAP mailbox on loopback through {@link MailSource} and reports how many
 * messages per second the connector turns into mentions: a third plain text, a third HTML only, a third
 * plain text with a 100 KB attachment (stored). Not a test: timing lives here, never in pass/fail tests.
 * Run: {@code java -cp target/test-classes:target/classes:<test class path> nl.luister.channel.mail.MailBench [N]}.
 */
public final class MailBench {

	private MailBench() {
	}

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
		Path home = Files.createTempDirectory("luister-mail-bench");
		try (MailServer server = MailServer.start()) {
			byte[] attachment = new byte[100 * 1024];
			new java.util.Random(1).nextBytes(attachment);
			for (int i = 0; i < n; i++) {
				MimeMessage m = server.message("klant" + (i % 500) + "@example.test", "Vraag " + i, "Waar blijft pakket " + i + "? ".repeat(20));
				if (i % 3 == 1) m.setContent("<html><body><p>Waar blijft <b>pakket " + i + "</b>?</p><img src=\"https://t.example/p.gif\"></body></html>", "text/html; charset=utf-8");
				if (i % 3 == 2) {
					MimeMultipart mixed = new MimeMultipart("mixed");
					MimeBodyPart text = new MimeBodyPart();
					text.setText("Zie foto " + i, "UTF-8");
					mixed.addBodyPart(text);
					attachment[0] = (byte) i;
					attachment[1] = (byte) (i >> 8);
					mixed.addBodyPart(MailSourceTests.attachment("foto" + i + ".jpg", "image/jpeg", attachment.clone()));
					m.setContent(mixed);
				}
				server.deliver(m);
			}
			MailSource source = new MailSource(new MailReader(new AttachmentStore(home.resolve("attachments"), 10L * 1024 * 1024),
					new MailSigning("bench-signing-secret-value".getBytes())), Clock.systemUTC());
			for (int round = 1; round <= 2; round++) {
				long start = System.nanoTime();
				String cursor = null;
				int items = 0;
				int fetches = 0;
				while (true) {
					Batch batch = source.fetch(server.settings(), cursor);
					fetches++;
					items += batch.items().size() + batch.skipped().size();
					if (batch.next().equals(cursor)) break;
					cursor = batch.next();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf(java.util.Locale.ROOT, "round %d: %,d messages in %d fetches, %.2f s = %,.0f messages/s%n", round, items,
						fetches, seconds, items / seconds);
			}
		}
	}
}
