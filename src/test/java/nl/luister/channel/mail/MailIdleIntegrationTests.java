package nl.luister.channel.mail;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IMAP IDLE against GreenMail: the runner never polls here (scheduling is off and the poll interval is a day), so
 * a mail that shows up was fetched because the server announced it during IDLE.
 */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false", "luister.mail.idle.enabled=true",
		"luister.mail.idle.reissue=PT0.3S", "luister.mail.idle.rescan=PT1H", "luister.mail.idle.initial-delay=PT1H" })
class MailIdleIntegrationTests {

	@Autowired
	SourceAdmin sources;

	@Autowired
	MailIdle idle;

	@Autowired
	JdbcClient jdbc;

	MailServer server;

	@BeforeEach
	void start() {
		TestWorkspace.reset(jdbc);
		server = MailServer.start();
	}

	@AfterEach
	void stop() {
		idle.stop();
		idle.start();
		server.close();
	}

	@Test
	void aMailDeliveredWhileIdlingIsFetchedWithoutWaitingForThePollInterval() {
		server.deliver(server.message("anna@example.test", "Pakket kwijt", "Waar is mijn pakket?"));
		SourceRecord mailbox = sources.create(null, "mail", "Support", Channel.EMAIL, settings(), 86_400);

		idle.refresh();
		await().atMost(Duration.ofSeconds(30)).until(() -> idle.idling(mailbox.id()));
		assertThat(messages(mailbox)).as("what was there before IDLE began is fetched on connecting").isEqualTo(1);

		server.deliver(server.message("bram@example.test", "Nog een vraag", "Bezorgen jullie op zondag?"));

		await().atMost(Duration.ofSeconds(30)).until(() -> messages(mailbox) == 2);
	}

	@Test
	void idleIsReissuedPeriodicallyAndStillAnnouncesMail() {
		SourceRecord mailbox = sources.create(null, "mail", "Support", Channel.EMAIL, settings(), 86_400);
		idle.refresh();
		await().atMost(Duration.ofSeconds(30)).until(() -> idle.idleCommands(mailbox.id()) >= 3);

		server.deliver(server.message("carla@example.test", "Retour", "Hoe stuur ik iets terug?"));

		await().atMost(Duration.ofSeconds(30)).until(() -> messages(mailbox) == 1);
	}

	@Test
	void aPausedMailboxStopsIdling() {
		SourceRecord mailbox = sources.create(null, "mail", "Support", Channel.EMAIL, settings(), 86_400);
		idle.refresh();
		await().atMost(Duration.ofSeconds(30)).until(() -> idle.idling(mailbox.id()));

		sources.pause(mailbox.id(), true);
		idle.refresh();

		assertThat(idle.idling(mailbox.id())).isFalse();
	}

	private long messages(SourceRecord source) {
		return jdbc.sql("select count(*) from mention_log where source_id = ?").param(source.id()).query(Long.class).single();
	}

	private String settings() {
		return "{\"imapHost\": \"127.0.0.1\", \"imapPort\": " + server.imapPort() + ", \"imapSecurity\": \"none\", \"username\": \""
				+ MailServer.LOGIN + "\", \"password\": \"" + MailServer.PASSWORD + "\", \"fromAddress\": \"" + MailServer.ADDRESS + "\"}";
	}
}
