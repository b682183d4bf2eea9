package nl.luister.cases;

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
class CaseThreadingIntegrationTests {

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
	JdbcClient jdbc;

	long mastodon;
	long forum;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("threading-mastodon", Channel.MASTODON);
		forum = sources.importSource("threading-forum", Channel.FORUM);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
	}

	@Test
	void replyToAMessageOfACaseJoinsThatCaseEvenWithoutTopicWords() {
		ingest(mastodon, post("1", "anna_v", "KoerierSnel, mijn pakket is kwijt", T0, null),
				post("2", "bram", "Same here, no parcel for days", T0.plusSeconds(60), "1"));

		List<CaseSummary> open = cases.inbox(InboxFilter.openCases());
		assertThat(open).hasSize(1);
		assertThat(open.getFirst().mentionCount()).isEqualTo(2);
	}

	@Test
	void sameAuthorOnSameChannelWithinTheWindowJoinsTheirCase() {
		ingest(mastodon, post("1", "anna_v", "KoerierSnel, mijn pakket is kwijt", T0, null),
				post("2", "anna_v", "KoerierSnel, nog steeds niets!", T0.plus(java.time.Duration.ofHours(71)), null));

		assertThat(cases.inbox(InboxFilter.openCases())).singleElement().extracting(CaseSummary::mentionCount).isEqualTo(2);
	}

	@Test
	void sameAuthorAfterTheWindowOrOnAnotherChannelOpensANewCase() {
		ingest(mastodon, post("1", "anna_v", "KoerierSnel, mijn pakket is kwijt", T0, null),
				post("2", "anna_v", "KoerierSnel alweer te laat", T0.plus(java.time.Duration.ofHours(73)), null));
		ingest(forum, onForum(post("3", "anna_v", "Ervaringen met KoerierSnel?", T0.plusSeconds(10), null)));

		assertThat(cases.inbox(InboxFilter.openCases())).hasSize(3);
	}

	@Test
	void newMessageReopensAResolvedCase() {
		ingest(mastodon, post("1", "anna_v", "KoerierSnel, mijn pakket is kwijt", T0, null));
		long id = cases.inbox(InboxFilter.openCases()).getFirst().id();
		cases.changeStatus(id, CaseStatus.RESOLVED, null);
		assertThat(cases.inbox(InboxFilter.openCases())).isEmpty();

		ingest(mastodon, post("2", "anna_v", "KoerierSnel het is toch niet opgelost", T0.plusSeconds(3600), null));

		CaseSummary reopened = cases.summary(id);
		assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(cases.detail(id).history()).extracting(CaseDetail.HistoryEntry::kind).contains("opened", "status", "reopened");
	}

	@Test
	void aMessageAddressedToTheOrganisationOpensACaseWithoutATopic() {
		RawMention overheard = post("1", "dirk", "Mijn bestelling is nog steeds niet binnen", T0, null);
		RawMention addressed = new RawMention("2", Channel.MASTODON, new RawMention.Author("els", null, 3), null,
				"Mijn bestelling is nog steeds niet binnen", null, T0, null, true);
		ingest(mastodon, overheard, addressed);

		assertThat(cases.inbox(InboxFilter.openCases())).singleElement().extracting(CaseSummary::authorHandle).isEqualTo("els");
		assertThat(jdbc.sql("select addressed from mentions where external_id = '2'").query(Boolean.class).single()).isTrue();
	}

	@Test
	void filtersTheInboxByStatusChannelAndTopic() {
		ingest(mastodon, post("1", "anna_v", "KoerierSnel pakket kwijt", T0, null));
		ingest(forum, onForum(post("2", "carla", "KoerierSnel was snel!", T0, null)));
		long topicId = topics.all().getFirst().id();

		assertThat(cases.inbox(new InboxFilter(InboxFilter.OPEN_STATUSES, null, Channel.FORUM, null, false, 50)))
			.singleElement().extracting(CaseSummary::authorHandle).isEqualTo("carla");
		assertThat(cases.inbox(new InboxFilter(InboxFilter.OPEN_STATUSES, topicId, null, null, false, 50))).hasSize(2);
		assertThat(cases.inbox(new InboxFilter(java.util.Set.of(CaseStatus.RESOLVED), null, null, null, false, 50))).isEmpty();
	}

	private void ingest(long source, RawMention... items) {
		ingestion.ingestPushed(source, List.of(items));
		pipeline.drainAll();
	}

	private static RawMention onForum(RawMention m) {
		return new RawMention(m.externalId(), Channel.FORUM, m.author(), m.title(), m.text(), m.url(), m.publishedAt(), m.inReplyTo());
	}

	private static RawMention post(String id, String author, String text, Instant at, String inReplyTo) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, inReplyTo);
	}
}
