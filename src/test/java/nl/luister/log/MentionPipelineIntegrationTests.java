package nl.luister.log;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class MentionPipelineIntegrationTests {

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	MentionLog mentionLog;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	long source;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		source = sources.importSource("pipeline-test", Channel.MASTODON);
		topics.reload();
		topics.create("Parcels", "pakket* OR parcel*");
	}

	@Test
	void crashBetweenClaimAndCommitLosesNothingAndDoublesNothing() {
		ingestion.ingestPushed(source, List.of(mention("a", "mijn pakket is kwijt"), mention("b", "parcel late again")));

		assertThatThrownBy(() -> mentionLog.drain(10, batch -> {
			pipeline.process(batch);
			throw new IllegalStateException("crash after processing, before commit");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(count("mentions")).isZero();
		assertThat(count("cases")).isZero();
		assertThat(mentionLog.backlog()).isEqualTo(2);

		pipeline.drainAll();
		assertThat(count("mentions")).isEqualTo(2);
		// same author, same channel, same hour: one case with both messages
		assertThat(jdbc.sql("select mention_count from cases").query(Integer.class).single()).isEqualTo(2);
		assertThat(mentionLog.backlog()).isZero();

		// the same items delivered again are recognised and stored once
		var again = ingestion.ingestPushed(source, List.of(mention("a", "mijn pakket is kwijt")));
		assertThat(again.duplicates()).isEqualTo(1);
		pipeline.drainAll();
		assertThat(count("mentions")).isEqualTo(2);
	}

	@Test
	void onlyMatchedMentionsOpenCases() {
		ingestion.ingestPushed(source, List.of(mention("a", "Waar blijft mijn pakket?"), mention("b", "Lekker weertje vandaag")));
		pipeline.drainAll();

		assertThat(count("mentions")).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from mentions where case_id is not null").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from mention_topics").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aTopicDeletedWhileABatchIsMatchedDoesNotFailTheBatch() {
		// the matcher still holds the topic, the table no longer does: the race of a delete during a batch
		jdbc.sql("delete from topics").update();
		ingestion.ingestPushed(source, List.of(mention("a", "mijn pakket is kwijt")));

		pipeline.drainAll();

		assertThat(mentionLog.backlog()).isZero();
		assertThat(count("mentions")).isEqualTo(1);
		assertThat(count("mention_topics")).isZero();
		assertThat(jdbc.sql("select topic_id from cases").query(Long.class).optional()).isEmpty();
	}

	@Test
	void anEntryThatCannotBeProcessedIsSetAsideAndTheRestGoesOn() {
		// a real failure inside the database for one row, as a constraint or an index limit would give
		jdbc.sql("""
				create or replace function reject_poison() returns trigger language plpgsql as $$
				begin if new.text like '%POISON%' then raise exception 'poisoned row'; end if; return new; end $$""").update();
		jdbc.sql("create trigger reject_poison before insert on mentions for each row execute function reject_poison()").update();
		try {
			ingestion.ingestPushed(source, List.of(mention("a", "pakket een"), mention("b", "POISON pakket"), mention("c", "pakket drie")));
			jdbc.sql("insert into mention_log (source_id, external_id, payload) values (?, 'unreadable', '{\"foo\": 1}'::jsonb)").param(source).update();

			pipeline.drainAll();

			assertThat(jdbc.sql("select external_id from mentions order by external_id").query(String.class).list()).containsExactly("a", "c");
			assertThat(mentionLog.backlog()).isZero();
			assertThat(mentionLog.quarantined()).isEqualTo(2);
			assertThat(jdbc.sql("select error from mention_log where external_id = 'b'").query(String.class).single()).contains("poisoned row");
			assertThat(jdbc.sql("select error from mention_log where external_id = 'unreadable'").query(String.class).single()).contains("cannot be read");
		}
		finally {
			jdbc.sql("drop trigger reject_poison on mentions").update();
		}
	}

	@Test
	void cutsAnOverlongTextInsteadOfFailing() {
		ingestion.ingestPushed(source, List.of(mention("long", "pakket " + "woord ".repeat(100_000))));
		pipeline.drainAll();

		String text = jdbc.sql("select text from mentions").query(String.class).single();
		assertThat(text).hasSize(RawMention.MAX_TEXT_CHARS).endsWith("…");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static RawMention mention(String id, String text) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author("anna_v", "Anna", 10), null, text, null,
				Instant.parse("2026-11-20T10:00:00Z"), null);
	}
}
