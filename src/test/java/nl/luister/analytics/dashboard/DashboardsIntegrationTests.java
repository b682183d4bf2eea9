package nl.luister.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import nl.luister.TestWorkspace;
import nl.luister.analytics.rollup.Rollups;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class DashboardsIntegrationTests {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
	static final Instant NOW = Instant.now();

	@Autowired
	Dashboards dashboards;

	@Autowired
	Rollups rollups;

	@Autowired
	nl.luister.monitor.backfill.Backfills backfills;

	@Autowired
	nl.luister.analytics.rollup.CaseRollups caseRollups;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	long source;
	long brand;
	long rival;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		brand = topics.create("KoerierSnel", "koeriersnel").id();
		rival = topics.create("PakketPiet", "pakketpiet").id();
		source = sources.importSource("dash", Channel.FORUM);
	}

	private static RawMention post(String id, Channel channel, String author, String text, String url, Instant at) {
		return new RawMention(id, channel, new RawMention.Author(author, author, 100), null, text, url, at, null);
	}

	void ingestSample() {
		ingestion.ingestPushed(source, List.of(
				post("1", Channel.FORUM, "anna", "KoerierSnel is mijn pakket kwijt, slechte service, waardeloos", "https://www.forum.example.nl/t/1", NOW.minus(Duration.ofHours(30))),
				post("2", Channel.FORUM, "anna", "KoerierSnel alweer te laat, ik ben boos", "https://forum.example.nl/t/2", NOW.minus(Duration.ofHours(29))),
				post("3", Channel.BLOG, "=HYPERLINK(\"http://evil\")", "KoerierSnel geweldig, top service, bedankt!", "https://blog.example.com/p?x=1", NOW.minus(Duration.ofHours(5))),
				post("4", Channel.TWITTER, "carla", "KoerierSnel en PakketPiet vergeleken", null, NOW.minus(Duration.ofHours(4))),
				post("5", Channel.TWITTER, "dirk", "PakketPiet is sneller", "https://x.example/dirk/5", NOW.minus(Duration.ofHours(3))),
				post("6", Channel.TWITTER, "eva", "niets over merken", null, NOW.minus(Duration.ofHours(2)))));
		pipeline.drainAll();
	}

	@Test
	void thePipelineCountsWhatARecountFromTheMentionsFinds() {
		ingestSample();
		List<Map<String, Object>> before = snapshot();
		assertThat(before).isNotEmpty();
		assertThat(before).anySatisfy(row -> assertThat(row.get("t")).isEqualTo("5"));
		LocalDate today = LocalDate.now(AMSTERDAM);
		rollups.rebuild(today.minusDays(3), today.plusDays(1));
		assertThat(snapshot()).isEqualTo(before);
		// and a second recount changes nothing
		rollups.rebuild(today.minusDays(3), today.plusDays(1));
		assertThat(snapshot()).isEqualTo(before);
	}

	private List<Map<String, Object>> snapshot() {
		return jdbc.sql("""
				select 'h' as t, topic_id, bucket::text as k, channel as c, language as l, mentions, negative, neutral, positive, complaints, null::int as f from rollup_hour
				union all select 'd', topic_id, day::text, channel, language, mentions, negative, neutral, positive, complaints, null from rollup_day
				union all select 's', topic_id, day::text, site, '', mentions, negative, 0, positive, 0, null from rollup_site_day
				union all select 'a', topic_id, day::text, channel, handle, mentions, negative, 0, positive, 0, followers from rollup_author_day
				union all select '5', topic_id, bucket::text, '', '', mentions, negative, 0, 0, 0, null from rollup_5m
				order by 1, 2, 3, 4, 5""").query().listOfRows();
	}

	@Test
	void volumeSentimentShareAndWhereComeFromTheRollups() {
		ingestSample();
		Period week = Period.lastDays(7, Period.Bucket.DAY, AMSTERDAM, NOW);
		Series all = dashboards.volume(Dashboards.Filter.all(), week);
		assertThat(all.total("mentions")).isEqualTo(6);
		Series ours = dashboards.volume(new Dashboards.Filter(brand, null, null), week);
		assertThat(ours.total("mentions")).isEqualTo(4);
		assertThat(ours.total("negative")).isGreaterThanOrEqualTo(1);
		assertThat(ours.total("negative") + ours.total("neutral") + ours.total("positive")).isEqualTo(4);
		assertThat(dashboards.volume(new Dashboards.Filter(brand, "twitter", null), week).total("mentions")).isEqualTo(1);
		assertThat(dashboards.volume(new Dashboards.Filter(brand, null, "xx"), week).total("mentions")).isZero();

		Series hours = dashboards.volume(new Dashboards.Filter(brand, null, null), Period.lastDays(2, Period.Bucket.HOUR, AMSTERDAM, NOW));
		assertThat(hours.total("mentions")).isEqualTo(4);
		assertThat(hours.buckets()).hasSize(49);

		Series share = dashboards.topics(Map.of(brand, "KoerierSnel"), week);
		assertThat(share.total("KoerierSnel")).isEqualTo(4);

		var sites = dashboards.sites(brand, week, 10);
		assertThat(sites).extracting(Dashboards.Place::name).containsExactly("forum.example.nl", "blog.example.com");
		assertThat(sites.getFirst().mentions()).isEqualTo(2);
		assertThat(sites.getFirst().negativeShare()).isEqualTo(1.0);
		assertThat(dashboards.authors(brand, week, 10)).extracting(Dashboards.Place::name).first().isEqualTo("anna");
	}

	@Test
	void aDayBucketOverTheAutumnClockChangeHoldsItsTwentyFiveHours() {
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, text, published_at, sentiment, language) values
				(?, 'early', 'forum', 'x', '2026-10-24T22:30:00Z', 'NEGATIVE', 'nl'),
				(?, 'late', 'forum', 'x', '2026-10-25T22:30:00Z', 'POSITIVE', 'nl'),
				(?, 'next', 'forum', 'x', '2026-10-25T23:30:00Z', 'NEUTRAL', 'en')""").params(source, source, source).update();
		rollups.rebuild(LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 30));
		Series s = dashboards.volume(Dashboards.Filter.all(), Period.days(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26), Period.Bucket.DAY, AMSTERDAM));
		assertThat(s.values().get("mentions")).containsExactly(0, 2, 1);
		assertThat(s.values().get("negative")).containsExactly(0, 1, 0);
		Series empty = dashboards.volume(Dashboards.Filter.all(), Period.days(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), null, AMSTERDAM));
		assertThat(empty.buckets()).hasSize(31);
		assertThat(empty.total("mentions")).isZero();
	}

	@Test
	void webcareFiguresCountFirstResponsesResolutionsAgentsAndTheBacklog() {
		Instant t = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
		long admin = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		long a = caseAt("email", t, t.plus(Duration.ofMinutes(120)));
		long team = jdbc.sql("insert into teams (name) values ('Dutch webcare') returning id").query(Long.class).single();
		jdbc.sql("update cases set team_id = ? where id = ?").params(team, a).update();
		long b = caseAt("email", t.plus(Duration.ofHours(1)), null);
		caseAt("twitter", t.plus(Duration.ofHours(2)), null);
		reply(a, admin, t.plus(Duration.ofMinutes(10)));
		reply(b, admin, t.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
		Period day = Period.lastDays(1, Period.Bucket.HOUR, AMSTERDAM, NOW);
		List<Dashboards.ChannelFigures> figures = dashboards.webcare(day);
		Dashboards.ChannelFigures total = figures.getFirst();
		assertThat(total.channel()).isNull();
		assertThat(total.cases()).isEqualTo(3);
		assertThat(total.answered()).isEqualTo(2);
		assertThat(total.firstResponseAvg()).isEqualTo(20.0);
		assertThat(total.resolved()).isEqualTo(1);
		assertThat(total.resolutionMedian()).isEqualTo(120.0);
		assertThat(figures).extracting(Dashboards.ChannelFigures::channel).containsExactly(null, "email", "twitter");
		assertThat(figures.get(2).answeredShare()).isZero();
		assertThat(dashboards.agents(day)).extracting(Dashboards.AgentFigures::replies).containsExactly(2L);
		assertThat(dashboards.teams(day)).containsExactly(new Dashboards.TeamFigures("Dutch webcare", 1, 1), new Dashboards.TeamFigures("", 1, 0));
		Series backlog = dashboards.backlog(day);
		double[] open = backlog.values().get("open");
		assertThat(open[open.length - 1]).isEqualTo(2);
		assertThat(backlog.total("opened")).isEqualTo(3);
		assertThat(backlog.total("resolved")).isEqualTo(1);
	}

	@Test
	void longerPeriodsReadTheCaseRollupsWithTheSameCountsAndBinnedMedians() {
		Instant t = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
		long admin = jdbc.sql("select id from users where username = 'admin'").query(Long.class).single();
		long a = caseAt("email", t, t.plus(Duration.ofMinutes(120)));
		long team = jdbc.sql("insert into teams (name) values ('Dutch webcare') returning id").query(Long.class).single();
		jdbc.sql("update cases set team_id = ? where id = ?").params(team, a).update();
		long b = caseAt("email", t.plus(Duration.ofHours(1)), null);
		caseAt("twitter", t.plus(Duration.ofHours(2)), null);
		caseAt("twitter", t.minus(Duration.ofDays(20)), null);
		reply(a, admin, t.plus(Duration.ofMinutes(10)));
		reply(b, admin, t.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
		LocalDate today = LocalDate.now(AMSTERDAM);
		caseRollups.refresh(today.minusDays(35), today);
		Period week = Period.lastDays(7, Period.Bucket.DAY, AMSTERDAM, NOW);
		Dashboards.ChannelFigures total = dashboards.webcare(week).getFirst();
		assertThat(total.channel()).isNull();
		assertThat(total.cases()).isEqualTo(3);
		assertThat(total.answered()).isEqualTo(2);
		assertThat(total.firstResponseAvg()).isEqualTo(20.0);
		assertThat(total.firstResponseMedian()).as("within the bins around 10 and 30 minutes").isBetween(5.0, 30.0);
		assertThat(total.resolutionMedian()).isBetween(120.0, 180.0);
		assertThat(dashboards.agents(week)).extracting(Dashboards.AgentFigures::replies).containsExactly(2L);
		assertThat(dashboards.teams(week)).containsExactly(new Dashboards.TeamFigures("Dutch webcare", 1, 1), new Dashboards.TeamFigures("", 1, 0));
		Series backlog = dashboards.backlog(week);
		double[] open = backlog.values().get("open");
		assertThat(open[open.length - 1]).isEqualTo(3);
		assertThat(open[0]).as("the case opened 20 days ago was open all week").isEqualTo(1);
		assertThat(backlog.total("opened")).isEqualTo(3);
		// recounting again changes nothing
		caseRollups.refresh(today.minusDays(35), today);
		assertThat(dashboards.webcare(week).getFirst().cases()).isEqualTo(3);
	}

	@Test
	void aBackfilledTopicShowsInTheDashboardsOnceTheBackfillEnds() {
		ingestSample();
		long late = topics.create("Laat", "vergeleken OR sneller").id();
		Period week = Period.lastDays(7, Period.Bucket.DAY, AMSTERDAM, NOW);
		assertThat(dashboards.volume(new Dashboards.Filter(late, null, null), week).total("mentions")).isZero();
		var job = backfills.start(late, 7, false, null);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !backfills.find(job.id()).orElseThrow().running());
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> dashboards.volume(new Dashboards.Filter(late, null, null), week).total("mentions") == 2);
	}

	@Test
	void compactionKeepsEachDaysTopSitesAndAuthors() {
		LocalDate day = LocalDate.of(2026, 1, 15);
		for (int i = 1; i <= 5; i++)
			for (int j = 0; j < i; j++)
				jdbc.sql("insert into mentions (source_id, external_id, channel, author_handle, text, url, published_at) values (?, ?, 'forum', ?, 'x', ?, '2026-01-15T12:00:00Z')")
					.params(source, "c" + i + "-" + j, "author" + i, "https://site" + i + ".example/" + j).update();
		rollups.rebuild(day, day);
		assertThat(rollups.compact(day, day, 2)).isEqualTo(6);
		assertThat(jdbc.sql("select site from rollup_site_day where topic_id = 0 order by mentions desc").query(String.class).list())
			.containsExactly("site5.example", "site4.example");
		assertThat(jdbc.sql("select handle from rollup_author_day where topic_id = 0 order by mentions desc").query(String.class).list())
			.containsExactly("author5", "author4");
		assertThat(jdbc.sql("select sum(mentions) from rollup_day where topic_id = 0").query(Long.class).single()).as("volumes stay whole").isEqualTo(15);
	}

	private long caseAt(String channel, Instant opened, Instant resolved) {
		return jdbc.sql("insert into cases (status, channel, source_id, opened_at, last_activity_at, resolved_at) values (?, ?, ?, ?, ?, ?) returning id")
			.params(resolved == null ? "OPEN" : "RESOLVED", channel, source, Timestamp.from(opened), Timestamp.from(opened),
					resolved == null ? null : Timestamp.from(resolved))
			.query(Long.class).single();
	}

	private void reply(long caseId, long author, Instant at) {
		jdbc.sql("insert into replies (case_id, author_id, text, state, created_at, sent_at) values (?, ?, 'hallo', 'SENT', ?, ?)")
			.params(caseId, author, Timestamp.from(at), Timestamp.from(at)).update();
	}

	@Test
	void thePageShowsChartsAndTablesAndExportsEveryChartAsSafeCsv() throws Exception {
		ingestSample();
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(get("/dashboards").param("topic", String.valueOf(brand)).param("days", "7").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart=\"{&quot;x&quot;:[")))
			.andExpect(content().string(containsString("forum.example.nl")))
			.andExpect(content().string(containsString("=HYPERLINK(&quot;http://evil&quot;)")))
			.andExpect(content().string(containsString("/dashboards/export.csv?topic=" + brand + "&amp;days=7&amp;chart=volume")));
		mvc.perform(get("/dashboards").param("from", "2026-13-40").param("to", "2026-01-01").header("Accept-Language", "nl").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die keuze werkte niet")));
		mvc.perform(get("/dashboards").param("days", "365").param("bucket", "hour").with(admin))
			.andExpect(status().isOk()).andExpect(content().string(containsString("choose a bigger bucket")));

		mvc.perform(get("/dashboards/export.csv").param("chart", "volume").param("topic", String.valueOf(brand)).param("days", "7").with(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"luister-volume-")))
			.andExpect(content().string(containsString("bucket,mentions,negative,neutral,positive,complaints\r\n")));
		String authors = mvc.perform(get("/dashboards/export.csv").param("chart", "authors").param("topic", String.valueOf(brand)).param("days", "7").with(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(authors).contains("\"'=HYPERLINK(\"\"http://evil\"\")\",blog,1").doesNotContain("\n=HYPERLINK");
		mvc.perform(get("/dashboards/export.csv").param("chart", "webcare").with(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("channel,cases,answered")));
		mvc.perform(get("/dashboards/export.csv").param("chart", "secrets").with(admin)).andExpect(status().isBadRequest());
		mvc.perform(get("/dashboards").with(admin)).andExpect(status().isOk()).andExpect(content().string(not(containsString("forum.example.nl"))));
	}
}
