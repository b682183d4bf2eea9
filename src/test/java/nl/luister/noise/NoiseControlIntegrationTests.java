package nl.luister.noise;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import nl.luister.monitor.ExclusionKind;
import nl.luister.monitor.Stemming;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.backfill.BackfillJob;
import nl.luister.monitor.backfill.Backfills;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class NoiseControlIntegrationTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final String STORM = "KoerierSnel heeft mijn pakket al drie dagen kwijt en niemand van de klantenservice reageert";

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
	NearDuplicates duplicates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	long social;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		exclusions.reload();
		social = sources.importSource("noise-social", Channel.MASTODON);
	}

	@Test
	void aCopyPasteStormOfTenThousandBecomesOneCaseAndIngestGoesOn() {
		Topic brand = topics.create("Brand", "KoerierSnel");
		List<RawMention> storm = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			String text = (i % 3 == 0) ? "RT @boos: " + STORM : (i % 3 == 1) ? STORM + " #boycot" : STORM.toUpperCase();
			storm.add(mention("s" + i, "user" + i, text, NOW.minusSeconds(10_000 - i)));
		}
		ingestion.ingestPushed(social, storm);
		ingestion.ingestPushed(social, List.of(mention("after", "anna_v", "KoerierSnel bezorgde vandaag een kapotte televisie bij mij thuis", NOW)));
		pipeline.drainAll();

		assertThat(count("select count(*) from mentions")).isEqualTo(10_001);
		assertThat(count("select count(*) from mention_topics where topic_id = " + brand.id())).isEqualTo(10_001);
		assertThat(count("select count(*) from cases")).isEqualTo(2);
		long stormCase = jdbc.sql("select case_id from mentions where external_id = 's0'").query(Long.class).single();
		assertThat(duplicates.similarCount(stormCase)).isEqualTo(9_999);
		assertThat(count("select count(*) from duplicate_groups")).isEqualTo(2);
	}

	@Test
	void anAddressedCopyFromAnotherPersonStillOpensItsOwnCase() {
		topics.create("Brand", "KoerierSnel");
		ingestion.ingestPushed(social, List.of(mention("1", "anna", STORM, NOW.minusSeconds(60)), mention("2", "bram", "RT @anna: " + STORM, NOW.minusSeconds(30)),
				new RawMention("3", Channel.MASTODON, new RawMention.Author("carla", null, 5), null, STORM, null, NOW, null, true)));
		pipeline.drainAll();

		assertThat(count("select count(*) from cases")).isEqualTo(2);
		assertThat(jdbc.sql("select case_id from mentions where external_id = '2'").query(Long.class).optional()).isEmpty();
		assertThat(jdbc.sql("select author_handle from cases order by id").query(String.class).list()).containsExactly("anna", "carla");
	}

	@Test
	void nfcAndNfdCopiesJoinOneGroupAndEmptyOrHugeTextsPassThrough() {
		String text = "Één ster voor KoerierSnel: ná drie dagen nog geen pakket ontvangen in het café";
		ingestion.ingestPushed(social, List.of(mention("nfc", "a", Normalizer.normalize(text, Normalizer.Form.NFC), NOW.minusSeconds(5)),
				mention("nfd", "b", Normalizer.normalize(text, Normalizer.Form.NFD), NOW), mention("empty", "c", "", NOW),
				mention("huge", "d", "pakket ".repeat(90_000), NOW)));
		pipeline.drainAll();

		assertThat(count("select count(*) from mentions")).isEqualTo(4);
		assertThat(count("select count(*) from duplicate_members")).isEqualTo(1);
	}

	@Test
	void aSyndicatedTeaserWithItsOwnHeadlineJoinsTheArticleOfAnEarlierBatchAndAnotherArticleDoesNot() {
		topics.create("Brand", "KoerierSnel");
		long news = sources.importSource("noise-news", Channel.NEWS);
		String article = SyndicatedCopiesTests.ARTICLE;
		ingestion.ingestPushed(news, List.of(new RawMention("full", Channel.NEWS, new RawMention.Author("nu.nl", null, 0), SyndicatedCopiesTests.HEADLINE,
				article + " Lees verder op nu.nl", "https://nu.example/a/1", NOW.minusSeconds(600), null)));
		pipeline.drainAll();
		String teaser = "UTRECHT (ANP) - " + String.join(" ", java.util.Arrays.copyOf(article.split(" "), 28)) + "… Read more";
		ingestion.ingestPushed(news, List.of(
				new RawMention("teaser", Channel.NEWS, new RawMention.Author("rtl", null, 0), "Storing legt KoerierSnel plat", teaser,
						"https://rtl.example/a/2", NOW.minusSeconds(60), null),
				new RawMention("other", Channel.NEWS, new RawMention.Author("rtl", null, 0), "Nieuwe depots voor KoerierSnel",
						"KoerierSnel opent volgend jaar drie nieuwe depots in Overijssel en Gelderland, waar in totaal tweehonderd mensen "
								+ "komen te werken. Lees verder op nu.nl", "https://rtl.example/a/3", NOW, null)));
		pipeline.drainAll();

		long full = jdbc.sql("select id from mentions where external_id = 'full'").query(Long.class).single();
		assertThat(jdbc.sql("select m.external_id from duplicate_members dm join mentions m on m.id = dm.mention_id where dm.group_id = ?")
			.param(full).query(String.class).list()).containsExactly("teaser");
		assertThat(count("select count(*) from duplicate_keys where group_id = " + full)).isPositive();
		assertThat(count("select count(*) from cases")).isEqualTo(2);
	}

	@Test
	void excludedAuthorsWordsAndDomainsDoNotMatchAndThePreviewSaysWhy() {
		Topic brand = topics.create("Brand", "KoerierSnel");
		exclusions.add(brand.id(), ExclusionKind.OWN_ACCOUNT, "@KoerierSnel_help");
		exclusions.add(null, ExclusionKind.JOB_AD, "vacature");
		exclusions.add(brand.id(), ExclusionKind.DOMAIN, "https://www.spam.example/");
		ingestion.ingestPushed(social, List.of(mention("own", "koeriersnel_HELP", "KoerierSnel helpt je graag verder met je pakket", NOW),
				mention("job", "hr", "Vacature: chauffeur bij KoerierSnel gezocht", NOW),
				new RawMention("spam", Channel.MASTODON, new RawMention.Author("x", null, 1), null, "KoerierSnel goedkoop", "https://shop.spam.example/a", NOW, null),
				mention("real", "anna", "KoerierSnel is mijn pakket kwijt", NOW)));
		pipeline.drainAll();

		assertThat(jdbc.sql("select m.external_id from mention_topics mt join mentions m on m.id = mt.mention_id").query(String.class).list())
			.containsExactly("real");
		TopicManagement.Preview preview = topics.preview(brand.id(), "KoerierSnel", Stemming.NONE, 10);
		assertThat(preview.matches()).isEqualTo(1);
		assertThat(preview.excluded()).isEqualTo(3);
		assertThat(preview.excludedSample()).extracting(x -> x.exclusion().kind())
			.containsExactlyInAnyOrder(ExclusionKind.OWN_ACCOUNT, ExclusionKind.JOB_AD, ExclusionKind.DOMAIN);
	}

	@Test
	void backfillTagsOldMentionsWithinTheDaysOnlyOnceAndOpensCasesOnlyWhenAsked() {
		ingestion.ingestPushed(social, List.of(mention("recent", "anna", "Mijn pakket van PostSnel is zoek", NOW.minus(Duration.ofDays(2))),
				mention("old", "bram", "Ook bij PostSnel een pakket zoek", NOW.minus(Duration.ofDays(20))),
				mention("other", "carla", "Fijne dag verder", NOW.minus(Duration.ofDays(1)))));
		pipeline.drainAll();
		Topic topic = topics.create("PostSnel", "PostSnel");

		BackfillJob first = awaitDone(backfills.start(topic.id(), 7, false, null));
		assertThat(first.percent()).isEqualTo(100);
		assertThat(first.total()).isEqualTo(2);
		assertThat(first.matched()).isEqualTo(1);
		assertThat(tagged(topic)).containsExactly("recent");
		assertThat(count("select count(*) from cases")).isZero();

		BackfillJob again = awaitDone(backfills.start(topic.id(), 7, false, null));
		assertThat(again.matched()).isZero();
		assertThat(count("select count(*) from mention_topics")).isEqualTo(1);

		BackfillJob withCases = awaitDone(backfills.start(topic.id(), 30, true, null));
		assertThat(withCases.matched()).isEqualTo(1);
		assertThat(withCases.casesTouched()).isEqualTo(2);
		assertThat(tagged(topic)).containsExactlyInAnyOrder("recent", "old");
		assertThat(count("select count(*) from cases")).isEqualTo(2);

		BackfillJob twice = awaitDone(backfills.start(topic.id(), 30, true, null));
		assertThat(twice.matched()).isZero();
		assertThat(twice.casesTouched()).isZero();
		assertThat(count("select count(*) from cases")).isEqualTo(2);
	}

	@Test
	void explainHighlightsMatchedWordsOfHostileTextAsText() throws Exception {
		topics.create("Brand", "pakket NEAR/3 kwijt");
		ingestion.ingestPushed(social, List.of(mention("x", "anna", "<script>alert('x')</script> mijn pakket is <b>kwijt</b>", NOW)));
		pipeline.drainAll();
		long caseId = jdbc.sql("select id from cases").query(Long.class).single();

		String html = mvc.perform(get("/cases/" + caseId + "/explain").with(user(users.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<mark>pakket</mark>", "<mark>kwijt</mark>", "&lt;script&gt;", "(pakket NEAR/3 kwijt)");
		assertThat(html).doesNotContain("<script>alert", "<b>");
		String page = mvc.perform(get("/topics/" + jdbc.sql("select id from topics").query(Long.class).single() + "/edit")
				.with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("backfill-days");
	}

	@Test
	void theApiStartsBackfillsAndKeepsExclusionLists() throws Exception {
		Topic topic = topics.create("Brand", "KoerierSnel");
		ingestion.ingestPushed(social, List.of(mention("1", "anna", "KoerierSnel kwijt", NOW)));
		pipeline.drainAll();
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(post("/api/exclusions").with(admin).contentType("application/json").content("{\"kind\": \"job-ad\", \"value\": \"vacature\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/topics/" + topic.id() + "/exclusions").with(admin).contentType("application/json")
				.content("{\"kind\": \"nonsense\", \"value\": \"x\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/exclusions").with(admin)).andExpect(jsonPath("$[0].kind").value("job-ad"));
		String started = mvc.perform(post("/api/topics/" + topic.id() + "/backfills").with(admin).contentType("application/json")
				.content("{\"days\": 3}"))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(started.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		BackfillJob done = awaitDone(backfills.find(id).orElseThrow());
		assertThat(done.percent()).isEqualTo(100);
		mvc.perform(get("/api/backfills/" + id).with(admin)).andExpect(jsonPath("$.state").value("DONE"));
		String fragment = mvc.perform(get("/backfills/" + id).with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("backfill-done", "value=\"100\"").doesNotContain("every 1s");
		String page = mvc.perform(get("/topics/" + topic.id() + "/edit").header("Accept-Language", "nl").with(admin))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Klaar: 1 vermeldingen").doesNotContain("??");
		mvc.perform(post("/api/topics/" + topic.id() + "/backfills").with(admin).contentType("application/json").content("{\"days\": 0}"))
			.andExpect(status().isBadRequest());
	}

	private BackfillJob awaitDone(BackfillJob job) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !backfills.find(job.id()).orElseThrow().running());
		BackfillJob done = backfills.find(job.id()).orElseThrow();
		assertThat(done.state()).isEqualTo(BackfillJob.State.DONE);
		return done;
	}

	private List<String> tagged(Topic topic) {
		return jdbc.sql("select m.external_id from mention_topics mt join mentions m on m.id = mt.mention_id where mt.topic_id = ? order by m.id")
			.param(topic.id()).query(String.class).list();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static RawMention mention(String id, String author, String text, Instant at) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, null);
	}
}
