package nl.luister.monitor.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class BackfillResumeIntegrationTests {

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	TopicExclusions exclusions;

	@Autowired
	Backfills backfills;

	@Autowired
	BackfillJobs jobs;

	@Autowired
	JdbcClient jdbc;

	Topic topic;

	@BeforeEach
	void storeMentionsBeforeTheTopicExists() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		exclusions.reload();
		long source = sources.importSource("backfill-resume", Channel.FORUM);
		List<RawMention> items = new ArrayList<>();
		for (int i = 0; i < 1_200; i++) {
			items.add(new RawMention("m" + i, Channel.FORUM, new RawMention.Author("author" + i, null, 1), null,
					"Bericht " + i + " over PostSnel en een pakket", null, Instant.now().minus(Duration.ofHours(1)), null));
		}
		ingestion.ingestPushed(source, items);
		pipeline.drainAll();
		topic = topics.create("PostSnel", "PostSnel");
	}

	@Test
	void aJobLeftRunningResumesAfterItsLastCommittedBatch() {
		long id = jobs.create(topic.id(), 1, false, Instant.now().minus(Duration.ofDays(1)), null);
		long firstId = jdbc.sql("select min(id) from mentions").query(Long.class).single();
		// as if the application stopped after committing the first 500
		jobs.advance(id, firstId + 499, 500, 0, 0);

		backfills.run(id);

		BackfillJob job = backfills.find(id).orElseThrow();
		assertThat(job.state()).isEqualTo(BackfillJob.State.DONE);
		assertThat(job.examined()).isEqualTo(1_200);
		assertThat(job.matched()).isEqualTo(700);
		assertThat(job.percent()).isEqualTo(100);
		assertThat(jdbc.sql("select min(mention_id) from mention_topics").query(Long.class).single()).isEqualTo(firstId + 500);
	}

	@Test
	void aCancelledJobStopsAndAddsNothingMore() {
		long id = jobs.create(topic.id(), 1, true, Instant.now().minus(Duration.ofDays(1)), null);
		assertThat(backfills.cancel(id)).isTrue();

		backfills.run(id);

		assertThat(backfills.find(id).orElseThrow().state()).isEqualTo(BackfillJob.State.CANCELLED);
		assertThat(jdbc.sql("select count(*) from mention_topics").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isZero();
		assertThat(backfills.cancel(id)).isFalse();
	}
}
