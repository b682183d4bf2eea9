package nl.luister.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.luister.LuisterApplication;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.rules.BusinessHours;
import nl.luister.rules.Rule;
import nl.luister.rules.RuleActions;
import nl.luister.rules.RuleConditions;
import nl.luister.rules.RuleEngine;
import nl.luister.rules.RuleManagement;
import nl.luister.triage.CaseFacts;
import nl.luister.triage.SeverityScoring;
import nl.luister.triage.Triage;
import nl.luister.triage.Triaged;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times triage: (1) in memory, severity scoring plus 20 rules plus the recommendation per case, on one thread;
 * (2) end to end on the embedded database, {@link Triage#caseTouched} in batches of 500 over N generated cases
 * (default 20,000) with persons, tiers, two messages each and the same 20 rules switched on (facts in one statement,
 * outcomes in one, the rule log and notifications). Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.bench.TriageBench -Dexec.classpathScope=test -Dexec.args=20000}.
 * Not a test: timing lives here, never in pass/fail tests.
 */
public final class TriageBench {

	public static void main(String[] args) {
		int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 20_000;
		System.out.printf("Luister triage bench: %,d cases, Java %s, %d cores%n", n, Runtime.version(), Runtime.getRuntime().availableProcessors());
		inMemory(1_000_000);
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0", "luister.outbox.tick", "PT24H"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			endToEnd(ctx, n);
		}
	}

	static List<Rule> rules(long assignee) {
		List<Rule> rules = new ArrayList<>();
		BusinessHours office = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
				"Europe/Amsterdam", false);
		String[][] words = { { "kwijt", "lost" }, { "advocaat", "lawyer", "rechter" }, { "boos", "angry", "woedend" }, { "refund", "geld terug" } };
		for (int i = 0; i < 20; i++) {
			RuleConditions when = new RuleConditions(i % 4 == 0 ? Set.of(Channel.MASTODON, Channel.TWITTER) : null, null,
					i % 3 == 0 ? Set.of("nl") : null, i % 2 == 0 ? Set.of("negative") : null, i % 5 == 0 ? Set.of("complaint") : null,
					i % 6 == 0 ? 3 : null, i % 2 == 1 ? List.of(words[i % 4]) : null, i == 7 ? 1 : null, i % 10 == 9 ? office : null, null);
			RuleActions then = new RuleActions(i % 4 == 0 ? 1 + i % 5 : null, List.of("t" + i), i == 13, i == 17, i == 19 ? assignee : null,
					i % 7 == 0, null);
			rules.add(new Rule(i + 1, "rule " + i, i, true, when, then, null));
		}
		return rules;
	}

	static List<CaseFacts> facts(int n, Random random) {
		String[] texts = { "KoerierSnel mijn pakket is kwijt, ik ben boos", "Where is my parcel? Lost again", "Top service, bedankt!",
				"Ik stap naar de advocaat als dit niet opgelost wordt", "Can I get a refund please", "Bezorgen jullie op zondag?" };
		Channel[] channels = { Channel.MASTODON, Channel.EMAIL, Channel.TWITTER, Channel.FORUM };
		String[] sentiments = { "NEGATIVE", "NEUTRAL", "POSITIVE" };
		List<CaseFacts> facts = new ArrayList<>(n);
		Instant base = Instant.parse("2026-11-16T00:00:00Z");
		for (int i = 0; i < n; i++) {
			facts.add(new CaseFacts(i, channels[random.nextInt(channels.length)], 1 + random.nextInt(3), "WEBCARE", Set.of((long) random.nextInt(6)),
					random.nextBoolean() ? "nl" : "en", sentiments[random.nextInt(3)], random.nextInt(3) == 0, random.nextInt(3) == 0,
					random.nextInt(5) == 0, 1 + random.nextInt(5), random.nextInt(10) == 0 ? "gold" : null, (long) i, random.nextInt(20) == 0 ? 1 : 0,
					null, random.nextInt(8), 1 + random.nextInt(3), texts[random.nextInt(texts.length)], base.plusSeconds(random.nextInt(7 * 86_400)),
					null, false, List.of()));
		}
		return facts;
	}

	static void inMemory(int n) {
		SeverityScoring scoring = new SeverityScoring(java.time.Duration.ofMinutes(10), List.of("vip", "gold"));
		List<Rule> rules = rules(1);
		List<CaseFacts> facts = facts(n, new Random(7));
		long sink = 0;
		for (int round = 0; round < 4; round++) {
			long t0 = System.nanoTime();
			for (CaseFacts f : facts) {
				Triaged t = scoring.score(f);
				sink += RuleEngine.evaluate(rules, f).size();
				sink += scoring.recommend(f, t).inform().size();
			}
			double s = (System.nanoTime() - t0) / 1e9;
			System.out.printf("in memory, round %d: %,d cases in %.2f s = %,.0f cases/s (score + 20 rules + recommendation, 1 thread)%n", round + 1, n, s,
					n / s);
		}
		if (sink == 42) System.out.println();
	}

	static void endToEnd(ConfigurableApplicationContext ctx, int n) {
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		Users users = ctx.getBean(Users.class);
		users.create("lead", "bench-only-password", Role.LEAD, "Lead");
		long agent = users.create("agent", "bench-only-password", Role.AGENT, "Agent").id().value();
		RuleManagement management = ctx.getBean(RuleManagement.class);
		for (Rule r : rules(agent)) management.setEnabled(management.create(r.name(), r.when(), r.then(), null).id(), true);
		long t0 = System.nanoTime();
		long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('bench', 'import', 'bench', 'mastodon') returning id")
			.query(Long.class).single();
		jdbc.sql("insert into persons (id, display_name, tier, segment) select g, 'p' || g, 1 + g % 5, case when g % 10 = 0 then 'gold' end from generate_series(1, ?) g")
			.param(n / 2).update();
		jdbc.sql("select setval('persons_id_seq', ?)").param(n / 2).query(Long.class).single();
		jdbc.sql("""
				insert into identities (id, channel, handle, display_name, followers, first_seen, last_seen, person_id)
				select g, case when g % 2 = 0 then 'mastodon' else 'email' end, 'h' || g, 'p' || g, 100, now(), now(), 1 + (g - 1) / 2
				from generate_series(1, ?) g""").param(n).update();
		jdbc.sql("""
				insert into cases (id, status, channel, source_id, author_handle, snippet, mention_count, opened_at, last_activity_at,
				                   sentiment, complaint, question, praise)
				select g, 'NEW', case when g % 2 = 0 then 'mastodon' else 'email' end, ?, 'h' || g, 'snippet', 2, now(),
				       timestamptz '2026-11-16 00:00:00+00' + g * interval '30 seconds',
				       (array['NEGATIVE', 'NEUTRAL', 'POSITIVE'])[1 + g % 3], g % 3 = 0, g % 3 = 1, g % 5 = 0
				from generate_series(1, ?) g""").params(source, n).update();
		jdbc.sql("select setval('cases_id_seq', ?)").param(n).query(Long.class).single();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, case_id, language, sentiment, complaint)
				select ?, 'm' || g || '-' || k, case when g % 2 = 0 then 'mastodon' else 'email' end, 'h' || g,
				       (array['KoerierSnel mijn pakket is kwijt, ik ben boos', 'Where is my parcel? Lost again', 'Top service, bedankt!',
				              'Ik stap naar de advocaat', 'Can I get a refund please'])[1 + (g + k) % 5],
				       timestamptz '2026-11-16 00:00:00+00' + g * interval '30 seconds' - k * interval '1 minute', g,
				       case when g % 2 = 0 then 'nl' else 'en' end, (array['NEGATIVE', 'NEUTRAL', 'POSITIVE'])[1 + g % 3], case when g % 3 = 0 then 0.9 else 0.1 end
				from generate_series(1, ?) g, generate_series(0, 1) k""").params(source, n).update();
		jdbc.sql("analyze").update();
		System.out.printf("generated %,d cases, %,d persons, %,d mentions in %.1f s%n", n, n / 2, 2 * n, (System.nanoTime() - t0) / 1e9);
		Triage triage = ctx.getBean(Triage.class);
		for (String run : new String[] { "first", "second" }) {
			long start = System.nanoTime();
			for (long from = 1; from <= n; from += 500) {
				List<Long> ids = new ArrayList<>(500);
				for (long id = from; id < from + 500 && id <= n; id++) ids.add(id);
				triage.caseTouched(ids);
			}
			double s = (System.nanoTime() - start) / 1e9;
			long logged = jdbc.sql("select count(*) from rule_runs").query(Long.class).single();
			long escalated = jdbc.sql("select count(*) from cases where escalated").query(Long.class).single();
			System.out.printf("end to end, %s run: %,d cases in %.2f s = %,.0f cases/s (batches of 500; rule log %,d lines, %,d escalated)%n", run, n, s,
					n / s, logged, escalated);
		}
	}
}
