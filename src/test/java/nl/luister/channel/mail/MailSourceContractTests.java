package nl.luister.channel.mail;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import nl.luister.channel.Source;
import nl.luister.channel.SourceContractTests;

/** Runs the source contract against a GreenMail IMAP mailbox; the malformed item is a message without a sender. */
class MailSourceContractTests extends SourceContractTests<MailSettings> {

	@TempDir
	Path home;

	MailServer server;

	@BeforeEach
	void start() {
		server = MailServer.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Override
	protected Source<MailSettings> source() {
		MailSigning signing = new MailSigning("contract-test-signing-secret".getBytes());
		return new MailSource(new MailReader(new AttachmentStore(home.resolve("attachments"), 1024 * 1024), signing), Clock.systemUTC());
	}

	@Override
	protected MailSettings serveFixture() {
		server.deliver(server.message("Anna de Vries <anna@example.test>", "Pakket kwijt", "Mijn pakket is niet aangekomen."));
		server.deliver(server.message("bram@example.test", "Bezorging", "Wanneer komt de bezorger?"));
		server.deliverRaw("""
				Message-ID: <no-sender@example.test>
				Subject: nobody sent this
				Date: Fri, 20 Nov 2026 10:00:00 +0000
				Content-Type: text/plain; charset=utf-8

				A message without a From header.
				""");
		var html = server.message("carla@example.test", "Factuur", "");
		try {
			html.setContent("<p>Mijn <b>factuur</b> klopt niet.</p><img src=\"https://tracker.example/p.gif\">", "text/html; charset=utf-8");
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
		server.deliver(html);
		return server.settings();
	}

	@Override
	protected void addNewItems() {
		server.deliver(server.message("dirk@example.test", "Nog een vraag", "Kan ik mijn adres wijzigen?"));
	}

	@Override
	protected MailSettings unreachable() {
		return MailServer.unreachable();
	}

	@Override
	protected int goodItems() {
		return 3;
	}
}
