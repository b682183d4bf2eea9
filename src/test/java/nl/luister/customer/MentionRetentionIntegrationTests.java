package nl.luister.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.audit.AuditLog;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class MentionRetentionIntegrationTests {

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	MentionRetention configured;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	long mastodon;
	Instant now = Instant.now();

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("retention-mastodon", Channel.MASTODON);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		// five old messages (a case of their own) and one fresh one
		for (int i = 0; i < 5; i++) post("old" + i, "oldie", "KoerierSnel kwijt, mijn adres is Dorpsstraat 1", now.minus(Duration.ofDays(400 + i)));
		post("new", "fresh", "KoerierSnel snel!", now.minus(Duration.ofDays(2)));
		jdbc.sql("insert into case_notes (case_id, text) select id, 'called her at 06-12345678' from cases").update();
	}

	@Test
	void withoutAMaximumAgeNothingIsTouched() {
		assertThat(configured.run(now).mentions()).isZero();
		assertThat(jdbc.sql("select count(*) from mentions where expired_at is not null").query(Long.class).single()).isZero();
	}

	@Test
	void anonymisingKeepsTheRowsButNotTheirContentInBatches() {
		MentionRetention.Result r = retention(RetentionProperties.Mode.ANONYMISE, 2).run(now);

		assertThat(r.mentions()).isEqualTo(5);
		assertThat(r.batches()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isEqualTo(6);
		assertThat(jdbc.sql("select count(*) from mentions where text like '%Dorpsstraat%' or author_handle = 'oldie'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from mentions where author_handle = 'fresh' and text like 'KoerierSnel%'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from rollup_author_day where handle = 'oldie'").query(Long.class).single())
			.as("the dashboards' author lists forget them too").isZero();
		assertThat(jdbc.sql("select count(*) from rollup_author_day where handle = 'fresh'").query(Long.class).single()).isPositive();
		assertShellsAndAudit();
		assertThat(retention(RetentionProperties.Mode.ANONYMISE, 2).run(now).mentions()).as("a second run finds nothing").isZero();
	}

	@Test
	void deletingRemovesTheRowsAndKeepsTheCaseShell() {
		jdbc.sql("insert into replies (case_id, mention_id, text, state) select case_id, id, 'Sorry Anna!', 'SENT' from mentions where external_id = 'old0'").update();

		MentionRetention.Result r = retention(RetentionProperties.Mode.DELETE, 2).run(now);

		assertThat(r.mentions()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select text from replies").query(String.class).single()).isEqualTo(MentionRetention.EXPIRED);
		assertShellsAndAudit();
	}

	private void assertShellsAndAudit() {
		assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select author_handle from cases where snippet = '[expired]'").query(String.class).list()).containsExactly("[expired]");
		assertThat(jdbc.sql("select count(*) from case_notes").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'retention.run'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select detail::text from audit_log where action = 'retention.run'").query(String.class).single())
			.doesNotContain("oldie").contains("\"mentions\": 5");
	}

	private MentionRetention retention(RetentionProperties.Mode mode, int batch) {
		return new MentionRetention(jdbc, new RetentionProperties(Duration.ofDays(365), mode, batch), audit, transactions, events);
	}

	private void post(String id, String handle, String text, Instant at) {
		ingestion.ingestPushed(mastodon, List.of(new RawMention(id, Channel.MASTODON, new RawMention.Author(handle, handle, 10), null, text, null, at, null)));
		pipeline.drainAll();
	}
}
