package nl.luister.channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A feed on loopback that fails for a while and comes back: admins hear of the outage once (in the app and by
 * e-mail through GreenMail) and of the recovery, and what was published during the outage is fetched exactly once.
 */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false",
		"luister.health.notify-after=PT1S", "luister.health.check-interval=PT1H", "luister.health.notify-to=ops@koeriersnel.test",
		"luister.notify.mail.security=none", "luister.notify.mail.from=luister@koeriersnel.test" })
class SourceHealthIntegrationTests {

	static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	static {
		SMTP.start();
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("luister.notify.mail.host", () -> "127.0.0.1");
		registry.add("luister.notify.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@Autowired
	SourceAdmin sources;

	@Autowired
	SourceHealth health;

	@Autowired
	JdbcClient jdbc;

	FeedServer server;

	@BeforeEach
	void start() throws Exception {
		TestWorkspace.reset(jdbc);
		SMTP.purgeEmailFromAllMailboxes();
		server = FeedServer.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void anOutageIsReportedOnceAndAfterRecoveryWhatWasMissedIsFetchedExactlyOnce() throws Exception {
		serve(1, 2);
		SourceRecord feed = sources.create(null, "rss", "Pakketpraat", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);
		assertThat(sources.pollNow(feed.id())).isEqualTo(2);

		server.status("/feed.xml", 503);
		sources.pollNow(feed.id());
		assertThat(sources.get(feed.id()).health()).isEqualTo(SourceRecord.Health.FAILING);
		assertThat(sources.get(feed.id()).problem()).isEqualTo(SourceProblem.BAD_ANSWER);

		// reported once the outage is longer than notify-after, and only once
		await().atMost(Duration.ofSeconds(20)).until(() -> health.reportOutages() == 1);
		sources.pollNow(feed.id());
		assertThat(health.reportOutages()).isZero();
		assertThat(health.openNotices()).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("FAILING");
			assertThat(n.sourceName()).isEqualTo("Pakketpraat");
			assertThat(n.detail()).contains("503");
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 1);
		MimeMessage failing = SMTP.getReceivedMessages()[0];
		assertThat(failing.getSubject()).isEqualTo("Luister: source 'Pakketpraat' is failing");
		assertThat(failing.getAllRecipients()[0].toString()).isEqualTo("ops@koeriersnel.test");
		assertThat(failing.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");

		// items 3 to 5 are published while the feed is down; it comes back with them
		serve(1, 5);
		assertThat(sources.pollNow(feed.id())).isEqualTo(3);
		assertThat(sources.pollNow(feed.id())).isZero();

		assertThat(jdbc.sql("select external_id from mention_log where source_id = ? order by external_id").param(feed.id()).query(String.class).list())
			.containsExactly("https://feed.example/1", "https://feed.example/2", "https://feed.example/3", "https://feed.example/4", "https://feed.example/5");
		assertThat(sources.get(feed.id()).health()).isEqualTo(SourceRecord.Health.CONNECTED);
		assertThat(health.openNotices()).extracting(SourceHealth.Notice::kind).containsExactly("RECOVERED", "FAILING");
		await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length == 2);
		assertThat(SMTP.getReceivedMessages()[1].getSubject()).isEqualTo("Luister: source 'Pakketpraat' works again");

		health.dismiss(health.openNotices().getFirst().id());
		assertThat(health.openNotices()).hasSize(1);
	}

	@Test
	void aShortHiccupIsNotReported() {
		serve(1, 1);
		SourceRecord feed = sources.create(null, "rss", "Hiccup", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);
		server.status("/feed.xml", 500);
		sources.pollNow(feed.id());
		serve(1, 1);
		sources.pollNow(feed.id());

		assertThat(health.reportOutages()).isZero();
		assertThat(health.openNotices()).isEmpty();
	}

	/** A feed holding items {@code from}..{@code to}, newest first, one hour apart. */
	private void serve(int from, int to) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title><link>https://feed.example/</link><description>d</description>");
		Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
		for (int i = to; i >= from; i--) {
			xml.append("<item><title>KoerierSnel ").append(i).append("</title><link>https://feed.example/").append(i).append("</link>")
				.append("<guid>https://feed.example/").append(i).append("</guid><pubDate>")
				.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(t0.plus(Duration.ofHours(i)).atOffset(ZoneOffset.UTC)))
				.append("</pubDate><description>post ").append(i).append("</description></item>");
		}
		xml.append("</channel></rss>");
		server.serve("/feed.xml", xml.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
	}

}
