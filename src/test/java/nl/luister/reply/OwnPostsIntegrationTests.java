package nl.luister.reply;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.OwnedAccounts;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class OwnPostsIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	CaseManagement cases;

	@Autowired
	OwnedAccounts owned;

	@Autowired
	JdbcClient jdbc;

	long twitter;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		twitter = sources.importSource("own-twitter", Channel.TWITTER);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		owned.add(Channel.TWITTER, "@KoerierSnel_help", "webcare");
	}

	@Test
	void aPostOfAnOwnedAccountIsOurReplyInTheCaseNotACustomerMessage() {
		ingest(post("1", "anna_v", "@KoerierSnel_help mijn pakket is kwijt", T0, null, true),
				post("2", "koeriersnel_HELP", "@anna_v Stuur ons een DM met je trackingcode", T0.plusSeconds(60), "1", false));

		long caseId = jdbc.sql("select case_id from mentions where external_id = '1'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(1);
		CaseDetail detail = cases.detail(caseId);
		assertThat(detail.summary().mentionCount()).isEqualTo(1);
		assertThat(detail.summary().status()).isEqualTo(CaseStatus.PENDING);
		assertThat(detail.thread()).hasSize(2).last().isInstanceOfSatisfying(CaseDetail.OurReply.class, r -> {
			assertThat(r.state()).isEqualTo("POSTED_OUTSIDE");
			assertThat(r.author()).isEqualTo("koeriersnel_HELP");
			assertThat(r.text()).contains("trackingcode");
		});
	}

	@Test
	void theCustomersAnswerToOurOutsideReplyJoinsTheCaseInTheSameBatch() {
		ingest(post("1", "anna_v", "@KoerierSnel_help mijn pakket is kwijt", T0, null, true),
				post("2", "KoerierSnel_help", "@anna_v Stuur ons een DM", T0.plusSeconds(60), "1", false),
				post("3", "bram", "@KoerierSnel_help @anna_v zelfde hier", T0.plusSeconds(120), "2", false));

		assertThat(jdbc.sql("select count(distinct case_id) from mentions").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from replies where state = 'POSTED_OUTSIDE'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPostMarkedOwnByItsConnectorIsOursEvenWithoutAListedAccount() {
		ingest(post("1", "anna_v", "@KoerierSnel mijn pakket is kwijt", T0, null, true),
				post("2", "someone_else", "we kijken ernaar", T0.plusSeconds(60), "1", false).asOwn());

		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select posted_by from replies").query(String.class).single()).isEqualTo("someone_else");
	}

	@Test
	void aPostOfAnOwnedAccountThatAnswersNoCaseOpensNothing() {
		ingest(post("1", "KoerierSnel_help", "KoerierSnel bezorgt vanaf vandaag ook op zondag!", T0, null, false));

		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from mention_log").query(Long.class).single()).isZero();
	}

	@Test
	void aReplyLuisterSentIsNotRecordedTwiceWhenTheChannelShowsIt() {
		ingest(post("1", "anna_v", "@KoerierSnel_help mijn pakket is kwijt", T0, null, true));
		long caseId = jdbc.sql("select case_id from mentions where external_id = '1'").query(Long.class).single();
		jdbc.sql("insert into replies (case_id, text, state, external_id) values (?, 'Stuur ons een DM', 'SENT', 'sent-9')").param(caseId).update();

		ingest(post("sent-9", "KoerierSnel_help", "Stuur ons een DM", T0.plusSeconds(60), "1", false));
		ingest(post("sent-9", "KoerierSnel_help", "Stuur ons een DM", T0.plusSeconds(60), "1", false));

		assertThat(jdbc.sql("select count(*) from replies").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void ownedAccountsNamedInConnectorSettingsAreKnown() {
		sources.create("m", "mastodon", "Mastodon", Channel.MASTODON,
				"{\"instance\": \"https://social.example\", \"accessToken\": \"t\", \"account\": \"@koeriersnel\"}", 60);
		sources.create("b", "bluesky", "Bluesky", Channel.BLUESKY,
				"{\"service\": \"https://bsky.example\", \"handle\": \"koeriersnel.bsky.social\", \"appPassword\": \"p\"}", 60);

		OwnedAccounts.Known known = owned.known();

		assertThat(known.owns(Channel.MASTODON, "KoerierSnel")).isTrue();
		assertThat(known.owns(Channel.MASTODON, "koeriersnel@social.example")).isTrue();
		assertThat(known.owns(Channel.BLUESKY, "koeriersnel.bsky.social")).isTrue();
		assertThat(known.owns(Channel.TWITTER, "koeriersnel_help")).isTrue();
		assertThat(known.owns(Channel.FORUM, "koeriersnel_help")).as("owned per channel").isFalse();
		assertThat(known.owns(Channel.MASTODON, "anna")).isFalse();
	}

	private void ingest(RawMention... items) {
		ingestion.ingestPushed(twitter, List.of(items));
		pipeline.drainAll();
	}

	static RawMention post(String id, String handle, String text, Instant at, String inReplyTo, boolean addressed) {
		return new RawMention(id, Channel.TWITTER, new RawMention.Author(handle, null, null), null, text, null, at, inReplyTo, addressed);
	}
}
