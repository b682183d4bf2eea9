package nl.luister.channel;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseSummary;
import nl.luister.cases.InboxFilter;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed served on loopback, polled by the runner, matched and threaded into the inbox. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
class FeedToInboxIntegrationTests {

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	CaseManagement cases;

	@Autowired
	JdbcClient jdbc;

	FeedServer server;

	@BeforeEach
	void start() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		server = FeedServer.start();
		server.serveResource("/feed.xml", "feeds/koeriersnel-rss2.xml", "application/rss+xml; charset=utf-8");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void feedItemsMatchingATopicBecomeCasesAndTheCursorIsKept() {
		topics.create("Bezorging", "KoerierSnel AND (pakket* OR parcel*)");
		SourceRecord source = sources.create(null, "rss", "Pakketpraat", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		int added = sources.pollNow(source.id());
		pipeline.drainAll();

		assertThat(added).isEqualTo(3);
		SourceRecord after = sources.get(source.id());
		assertThat(after.health()).isEqualTo(SourceRecord.Health.CONNECTED);
		assertThat(after.cursor()).isNotBlank();
		assertThat(after.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
		assertThat(cases.inbox(InboxFilter.openCases())).extracting(CaseSummary::snippet)
			.anyMatch(s -> s.contains("Geen briefje"))
			.allMatch(s -> !s.contains("<"));

		// polling again adds nothing: the cursor remembers what was read
		assertThat(sources.pollNow(source.id())).isZero();
	}

	@Test
	void aFailingSourceIsMarkedWithItsReasonAndBacksOffWhileOthersGoOn() {
		server.status("/broken.xml", 500);
		SourceRecord broken = sources.create(null, "rss", "Broken", Channel.FORUM, "{\"url\": \"" + server.url("/broken.xml") + "\"}", 60);
		SourceRecord healthy = sources.create(null, "rss", "Healthy", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		sources.pollNow(broken.id());
		sources.pollNow(broken.id());
		int added = sources.pollNow(healthy.id());

		SourceRecord failing = sources.get(broken.id());
		assertThat(failing.health()).isEqualTo(SourceRecord.Health.FAILING);
		assertThat(failing.failures()).isEqualTo(2);
		assertThat(failing.lastError()).contains("500");
		assertThat(failing.cursor()).isNull();
		assertThat(failing.nextAttemptAt()).isAfter(Instant.now().plusSeconds(50));
		assertThat(added).isEqualTo(3);
		assertThat(sources.get(healthy.id()).health()).isEqualTo(SourceRecord.Health.CONNECTED);
	}

	@Test
	void refusesSettingsItsConnectorCannotRead() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> sources.create(null, "rss", "No url", Channel.BLOG, "{\"channel\": \"blog\"}", 60))
			.isInstanceOf(IllegalArgumentException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> sources.create(null, "telepathy", "X", Channel.BLOG, "{}", 60))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown source type");
	}
}
