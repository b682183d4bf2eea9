package nl.luister.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import nl.luister.LuisterApplication;
import nl.luister.analytics.dashboard.Dashboards;
import nl.luister.analytics.dashboard.Period;
import nl.luister.analytics.rollup.Rollups;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times every dashboard query over the rollups of N generated mentions (default 10,000,000) spread over the last
 * year: 20 topics (a mention matches none, one or two), 9 channels, 5 languages, a negative/neutral/positive mix,
 * 5,000 sites and 300,000 authors with a skewed (Zipf-like) activity, a daily and weekly rhythm; plus N/20 cases with
 * replies by 25 agents. The mentions go through {@link Rollups#add} — the code the pipeline runs for every batch —
 * a day at a time; the mentions themselves are not stored (no dashboard query reads them). Then the case rollups are
 * counted and the nightly compaction runs, as in a workspace that has been running for a year. Each query runs 30
 * times with varying topics and periods; p50, p95 and max are printed.
 *
 * <p>Run with {@code ./luister bench-dashboards [N]}. Not a test: timing lives here, never in pass/fail tests.
 */
public final class DashboardBench {

	static final String[] CHANNELS = { "twitter", "mastodon", "bluesky", "forum", "blog", "review", "news", "email", "other" };
	static final String[] LANGUAGES = { "nl", "nl", "nl", "en", "en", "de", "fr", "und" };
	static final String[] SENTIMENTS = { "NEGATIVE", "NEGATIVE", "NEUTRAL", "NEUTRAL", "NEUTRAL", "POSITIVE" };

	public static void main(String[] args) {
		long n = args.length > 0 && !args[0].isBlank() ? Long.parseLong(args[0].strip()) : 10_000_000L;
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.ofEntries(Map.entry("luister.database.ephemeral", "true"), Map.entry("luister.sources.scheduling", "false"),
				Map.entry("luister.pipeline.enabled", "false"), Map.entry("luister.alerts.enabled", "false"),
				Map.entry("luister.analytics.rollups.scheduled", "false"), Map.entry("luister.admin-password", "bench-only-password"),
				Map.entry("logging.level.root", "WARN"), Map.entry("spring.main.banner-mode", "off"), Map.entry("server.port", "0")));
		try (ConfigurableApplicationContext ctx = app.run()) {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			Rollups rollups = ctx.getBean(Rollups.class);
			Dashboards dashboards = ctx.getBean(Dashboards.class);
			ZoneId zone = rollups.zone();
			System.out.printf("Luister dashboard bench: %,d mentions over 365 days, Java %s, %d cores%n", n, Runtime.version(),
					Runtime.getRuntime().availableProcessors());
			List<Long> topics = new ArrayList<>();
			for (int t = 1; t <= 20; t++)
				topics.add(jdbc.sql("insert into topics (name, query) values (?, ?) returning id").params("topic " + t, "t" + t).query(Long.class).single());
			long t0 = System.nanoTime();
			Random random = new Random(42);
			LocalDate today = LocalDate.now(zone);
			LocalDate first = today.minusDays(364);
			double[] weights = new double[365];
			double sum = 0;
			for (int d = 0; d < 365; d++) {
				LocalDate day = first.plusDays(d);
				weights[d] = (day.getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0) * (1 + 0.3 * Math.sin(d / 20.0)) * (random.nextDouble() < 0.02 ? 4 : 1);
				sum += weights[d];
			}
			long made = 0;
			for (int d = 0; d < 365; d++) {
				LocalDate day = first.plusDays(d);
				long count = d == 364 ? n - made : Math.round(n * weights[d] / sum);
				Instant start = day.atStartOfDay(zone).toInstant();
				List<Rollups.Fact> facts = new ArrayList<>((int) Math.min(count, 200_000));
				for (long i = 0; i < count; i++) {
					// busier in the day than at night
					double hour = 24 * Math.pow(random.nextDouble(), 0.8);
					Set<Long> matched = new HashSet<>();
					double r = random.nextDouble();
					if (r < 0.6) matched.add(topics.get(zipf(random, 20) - 1));
					if (r < 0.15) matched.add(topics.get(zipf(random, 20) - 1));
					String channel = CHANNELS[zipf(random, CHANNELS.length) - 1];
					facts.add(new Rollups.Fact(start.plusSeconds((long) (hour * 3600)), channel, LANGUAGES[random.nextInt(LANGUAGES.length)],
							SENTIMENTS[random.nextInt(SENTIMENTS.length)], random.nextDouble() < 0.2,
							random.nextDouble() < 0.7 ? "https://site" + zipf(random, 5000) + ".example/p/" + i : null,
							"author" + zipf(random, 300_000), random.nextInt(10_000), matched));
				}
				rollups.add(facts);
				made += count;
				if (d % 30 == 29) System.out.printf("  %,d mentions counted (%s) in %.0f s%n", made, day, (System.nanoTime() - t0) / 1e9);
			}
			long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('bench', 'import', 'bench', 'twitter') returning id")
				.query(Long.class).single();
			jdbc.sql("insert into users (username, password_hash, role, display_name) select 'agent' || g, 'x', 'AGENT', 'Agent ' || g from generate_series(1, 25) g").update();
			long cases = n / 20;
			jdbc.sql("""
					insert into cases (status, channel, source_id, opened_at, last_activity_at, resolved_at)
					select case when r < 0.9 then 'RESOLVED' else 'OPEN' end, (array['twitter','mastodon','email','forum','review'])[1 + (g % 5)], ?,
					       t, t, case when r < 0.9 then t + (random() * 48) * interval '1 hour' end
					from (select g, random() as r, now() - random() * interval '365 days' as t from generate_series(1, ?) g) s""")
				.params(source, cases).update();
			jdbc.sql("""
					insert into replies (case_id, author_id, text, state, created_at, sent_at)
					select c.id, (select min(id) from users) + (c.id % 25), 'x', 'SENT', c.opened_at + random() * interval '3 hours', c.opened_at + random() * interval '3 hours'
					from cases c where random() < 0.85""").update();
			long c0 = System.nanoTime();
			ctx.getBean(nl.luister.analytics.rollup.CaseRollups.class).refresh(today.minusDays(400), today);
			long c1 = System.nanoTime();
			ctx.getBean(nl.luister.analytics.rollup.CaseRollups.class).refresh(today.minusDays(35), today);
			long c2 = System.nanoTime();
			long removed = rollups.compact(first, today.minusDays(8), 200);
			long c3 = System.nanoTime();
			System.out.printf("case rollups: a year in %.1f s, the last 35 days (the minute job) in %.2f s; nightly compaction of %,d site/author rows in %.1f s%n",
					(c1 - c0) / 1e9, (c2 - c1) / 1e9, removed, (c3 - c2) / 1e9);
			jdbc.sql("analyze").update();
			long rows = jdbc.sql("select (select count(*) from rollup_hour) + (select count(*) from rollup_day) + (select count(*) from rollup_site_day) + (select count(*) from rollup_author_day)")
				.query(Long.class).single();
			System.out.printf("generated %,d mentions into %,d rollup rows (hour %,d, day %,d, sites %,d, authors %,d), %,d cases in %.0f s%n", n, rows,
					count(jdbc, "rollup_hour"), count(jdbc, "rollup_day"), count(jdbc, "rollup_site_day"), count(jdbc, "rollup_author_day"), cases,
					(System.nanoTime() - t0) / 1e9);

			Instant now = Instant.now();
			Random pick = new Random(7);
			Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
			queries.put("volume, all mentions, 30 days by day", () -> dashboards.volume(Dashboards.Filter.all(), Period.lastDays(30, null, zone, now)));
			queries.put("volume, all mentions, 365 days by week", () -> dashboards.volume(Dashboards.Filter.all(), Period.lastDays(365, null, zone, now)));
			queries.put("volume, one topic, 48 hours by hour", () -> dashboards.volume(new Dashboards.Filter(topic(topics, pick), null, null),
					Period.lastDays(2, null, zone, now)));
			queries.put("volume, one topic + channel + language, 90 days by day", () -> dashboards.volume(
					new Dashboards.Filter(topic(topics, pick), "twitter", "nl"), Period.lastDays(90, null, zone, now)));
			queries.put("volume, one topic, 365 days by day", () -> dashboards.volume(new Dashboards.Filter(topic(topics, pick), null, null),
					Period.lastDays(365, Period.Bucket.DAY, zone, now)));
			queries.put("share of voice, 6 topics, 90 days by day", () -> {
				Map<Long, String> six = new LinkedHashMap<>();
				for (int i = 0; i < 6; i++) six.put(topics.get(i), "topic " + (i + 1));
				return dashboards.topics(six, Period.lastDays(90, null, zone, now));
			});
			queries.put("top sites, one topic, 30 days", () -> dashboards.sites(topic(topics, pick), Period.lastDays(30, null, zone, now), 10));
			queries.put("top sites, busiest topic, 365 days", () -> dashboards.sites(topics.getFirst(), Period.lastDays(365, null, zone, now), 10));
			queries.put("top authors, one topic, 30 days", () -> dashboards.authors(topic(topics, pick), Period.lastDays(30, null, zone, now), 10));
			queries.put("top authors, busiest topic, 90 days", () -> dashboards.authors(topics.getFirst(), Period.lastDays(90, null, zone, now), 10));
			queries.put("top authors, busiest topic, 365 days", () -> dashboards.authors(topics.getFirst(), Period.lastDays(365, null, zone, now), 10));
			queries.put("webcare per channel, 30 days", () -> dashboards.webcare(Period.lastDays(30, null, zone, now)));
			queries.put("webcare per channel, 365 days", () -> dashboards.webcare(Period.lastDays(365, null, zone, now)));
			queries.put("backlog + first response, 90 days by day", () -> dashboards.backlog(Period.lastDays(90, null, zone, now)));
			queries.put("replies per agent, 365 days", () -> dashboards.agents(Period.lastDays(365, null, zone, now)));
			queries.put("replies and resolved per team, 365 days", () -> dashboards.teams(Period.lastDays(365, null, zone, now)));
			queries.put("replies and resolved per team, 48 hours", () -> dashboards.teams(Period.lastDays(2, Period.Bucket.HOUR, zone, now)));
			System.out.println();
			System.out.println("| query | p50 | p95 | max |");
			System.out.println("|---|---|---|---|");
			for (var q : queries.entrySet()) {
				for (int i = 0; i < 3; i++) q.getValue().get();
				double[] ms = new double[30];
				for (int i = 0; i < ms.length; i++) {
					long s = System.nanoTime();
					q.getValue().get();
					ms[i] = (System.nanoTime() - s) / 1e6;
				}
				Arrays.sort(ms);
				System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms |%n", q.getKey(), ms[14], ms[28], ms[29]);
			}
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static long topic(List<Long> topics, Random random) {
		return topics.get(random.nextInt(topics.size()));
	}

	/** 1..n, rank k with weight about 1/k. */
	static int zipf(Random random, int n) {
		double u = random.nextDouble();
		return (int) Math.min(n, Math.max(1, Math.floor(Math.exp(u * Math.log(n + 1)))));
	}
}
