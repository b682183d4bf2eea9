package nl.luister.customer;

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
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class IncrementalTiersIntegrationTests {

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	Customers customers;

	@Autowired
	InfluenceTiers tiers;

	@Autowired
	JdbcClient jdbc;

	long mastodon;
	Instant now = Instant.now();

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		jdbc.sql("delete from influence_cuts").update();
		mastodon = sources.importSource("tiers-mastodon", Channel.MASTODON);
		topics.reload();
	}

	@Test
	void aNewHighlyFollowedAuthorGetsTheTopTierWithoutAFullRun() {
		List<RawMention> crowd = new ArrayList<>();
		for (int i = 0; i < 200; i++) crowd.add(post("c" + i, "user" + i, i * 10, null));
		ingest(crowd.toArray(RawMention[]::new));
		tiers.recompute(Instant.now());
		assertThat(jdbc.sql("select count(*) from influence_cuts").query(Long.class).single()).isEqualTo(1);

		ingest(post("star-1", "star", 2_000_000, null));

		Person star = customers.person(customers.personOf("mastodon", "star").orElseThrow());
		assertThat(star.tier()).isEqualTo(5);
		assertThat(star.tierBasis().followers()).isEqualTo(2_000_000);
		assertThat(star.tierBasis().followersTopPercent()).isEqualTo(1);
		Person quiet = customers.person(customers.personOf("mastodon", "user0").orElseThrow());
		assertThat(quiet.tier()).isEqualTo(1);
	}

	@Test
	void beforeTheFirstFullRunNewPersonsHaveNoTier() {
		ingest(post("1", "anna", 5000, null));

		assertThat(customers.person(customers.personOf("mastodon", "anna").orElseThrow()).tier()).isNull();
	}

	@Test
	void aReplyUpdatesThePersonRepliedTo() {
		List<RawMention> crowd = new ArrayList<>();
		for (int i = 0; i < 50; i++) crowd.add(post("c" + i, "user" + i, 10, null));
		ingest(crowd.toArray(RawMention[]::new));
		tiers.recompute(Instant.now());

		ingest(post("r1", "replier", 10, "c7"), post("r2", "replier2", 10, "c7"));

		assertThat(customers.person(customers.personOf("mastodon", "user7").orElseThrow()).tierBasis().repliesReceived()).isEqualTo(2);
	}

	@Test
	void incrementalTiersAgreeWithAFullRunForAnUnchangedWorkspace() {
		List<RawMention> crowd = new ArrayList<>();
		for (int i = 0; i < 300; i++) crowd.add(post("c" + i, "user" + i, (i * 7919) % 100_000, null));
		ingest(crowd.toArray(RawMention[]::new));
		tiers.recompute(Instant.now());
		List<Integer> full = jdbc.sql("select tier from persons order by id").query(Integer.class).list();

		long[] all = jdbc.sql("select id from mentions").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
		tiers.updateIncrementally(all, Instant.now());

		assertThat(jdbc.sql("select tier from persons order by id").query(Integer.class).list()).isEqualTo(full);
	}

	private void ingest(RawMention... items) {
		ingestion.ingestPushed(mastodon, List.of(items));
		pipeline.drainAll();
	}

	private RawMention post(String id, String handle, int followers, String inReplyTo) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(handle, handle, followers), null, "KoerierSnel", null, now.minusSeconds(60),
				inReplyTo);
	}
}
