package nl.luister.channel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled runner, with its real tick, against a feed on loopback. */
@SpringBootTest(properties = "luister.pipeline.enabled=false")
class SourceRunnerIntegrationTests {

	@Autowired
	SourceAdmin sources;

	FeedServer server;

	@BeforeEach
	void start() {
		server = FeedServer.start();
		server.serveResource("/feed.xml", "feeds/koeriersnel-rss2.xml", "application/rss+xml; charset=utf-8");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void theRunnerPollsDueSourcesByItselfAndLeavesPausedOnesAlone() {
		SourceRecord paused = sources.create(null, "rss", "Paused runner", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);
		sources.pause(paused.id(), true);
		SourceRecord active = sources.create(null, "rss", "Active runner", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> sources.get(active.id()).health() == SourceRecord.Health.CONNECTED);

		assertThat(sources.get(active.id()).itemsTotal()).isEqualTo(3);
		assertThat(sources.get(paused.id()).health()).isEqualTo(SourceRecord.Health.PAUSED);
		assertThat(sources.get(paused.id()).lastSuccessAt()).isNull();
	}

}
