package nl.luister.customer;

import java.time.Instant;
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
class LinkConfirmationsIntegrationTests {

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
	LinkConfirmations confirmations;

	@Autowired
	JdbcClient jdbc;

	long mastodon;
	long mail;
	long mailPerson;
	long mastodonPerson;
	int ids;

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("confirm-mastodon", Channel.MASTODON);
		mail = sources.importSource("confirm-mail", Channel.EMAIL);
		topics.reload();
		ingest(mail, Channel.EMAIL, "anna@example.nl", "Where is my parcel?");
		ingest(mastodon, Channel.MASTODON, "anna_v", "KoerierSnel again late");
		mailPerson = customers.personOf("email", "anna@example.nl").orElseThrow();
		mastodonPerson = customers.personOf("mastodon", "anna_v").orElseThrow();
	}

	@Test
	void theCodeArrivingFromTheOtherAccountLinksBothWithAnAuditEntry() {
		var issued = confirmations.create(mailPerson, null);

		ingest(mastodon, Channel.MASTODON, "anna_v", "here is my code " + issued.code().toLowerCase() + " thanks");

		assertThat(customers.personOf("mastodon", "anna_v")).contains(mailPerson);
		assertThat(jdbc.sql("select evidence from person_merges").query(String.class).list()).containsExactly("CONFIRMED");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'person.confirmation.confirmed'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCodeWorksOnce() {
		var issued = confirmations.create(mailPerson, null);
		long identity = identity("mastodon", "anna_v");

		assertThat(confirmations.confirm(issued.id(), secret(issued), identity)).isEqualTo(LinkConfirmations.Outcome.CONFIRMED);
		assertThat(confirmations.confirm(issued.id(), secret(issued), identity)).isEqualTo(LinkConfirmations.Outcome.USED);
	}

	@Test
	void wrongSecretsLockTheCodeAfterFiveAttempts() {
		var issued = confirmations.create(mailPerson, null);
		long identity = identity("mastodon", "anna_v");

		for (int i = 1; i < LinkConfirmations.MAX_FAILED; i++)
			assertThat(confirmations.confirm(issued.id(), "AAAAAAAA", identity)).isEqualTo(LinkConfirmations.Outcome.WRONG_CODE);
		assertThat(confirmations.confirm(issued.id(), "AAAAAAAA", identity)).isEqualTo(LinkConfirmations.Outcome.LOCKED);
		assertThat(confirmations.confirm(issued.id(), secret(issued), identity)).isEqualTo(LinkConfirmations.Outcome.LOCKED);
		assertThat(customers.personOf("mastodon", "anna_v")).contains(mastodonPerson);
	}

	@Test
	void anExpiredCodeLinksNothing() {
		var issued = confirmations.create(mailPerson, null);
		jdbc.sql("update link_confirmations set expires_at = now() - interval '1 minute'").update();

		assertThat(confirmations.confirm(issued.id(), secret(issued), identity("mastodon", "anna_v"))).isEqualTo(LinkConfirmations.Outcome.EXPIRED);
		assertThat(customers.personOf("mastodon", "anna_v")).contains(mastodonPerson);
	}

	@Test
	void aCodeForAPersonMergedAwayMeanwhileLinksToTheirSurvivor() {
		var issued = confirmations.create(mailPerson, null);
		long third = jdbc.sql("insert into persons (display_name) values ('x') returning id").query(Long.class).single();
		jdbc.sql("update persons set merged_into = ? where id = ?").params(third, mailPerson).update();

		ingest(mastodon, Channel.MASTODON, "anna_v", "code " + issued.code());
		ingest(mastodon, Channel.MASTODON, "anna_v", "still stored");

		assertThat(jdbc.sql("select count(*) from mentions where text = 'still stored'").query(Long.class).single()).isEqualTo(1);
		assertThat(customers.personOf("mastodon", "anna_v")).contains(third);
	}

	@Test
	void aCodeThatWouldMakeAMergeLoopIsRefusedWithoutFailingTheBatch() {
		var issued = confirmations.create(mastodonPerson, null);
		// the person the code was made for is merged into the one the code now arrives from: linking back would loop,
		// but the survivor is followed, so it is the same person and nothing is merged
		jdbc.sql("update persons set merged_into = ? where id = ?").params(mailPerson, mastodonPerson).update();
		jdbc.sql("update identities set person_id = ? where person_id = ?").params(mailPerson, mastodonPerson).update();

		ingest(mail, Channel.EMAIL, "anna@example.nl", "code " + issued.code());
		ingest(mail, Channel.EMAIL, "anna@example.nl", "still stored");

		assertThat(jdbc.sql("select count(*) from mentions where text = 'still stored'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from person_merges").query(Long.class).single()).isZero();
	}

	@Test
	void theCodeFromTheSamePersonIsUsedUpWithoutAMerge() {
		var issued = confirmations.create(mastodonPerson, null);

		assertThat(confirmations.confirm(issued.id(), secret(issued), identity("mastodon", "anna_v"))).isEqualTo(LinkConfirmations.Outcome.ALREADY_LINKED);
		assertThat(jdbc.sql("select count(*) from person_merges").query(Long.class).single()).isZero();
	}

	private static String secret(LinkConfirmations.Issued issued) {
		return issued.code().substring(issued.code().lastIndexOf('-') + 1);
	}

	private long identity(String channel, String handle) {
		return jdbc.sql("select id from identities where channel = ? and lower(handle) = lower(?)").params(channel, handle).query(Long.class).single();
	}

	private void ingest(long source, Channel channel, String handle, String text) {
		ingestion.ingestPushed(source, List.of(new RawMention("m" + (++ids), channel, new RawMention.Author(handle, null, null), null, text, null,
				Instant.now(), null)));
		pipeline.drainAll();
	}
}
