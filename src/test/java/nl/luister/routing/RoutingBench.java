package nl.luister.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.luister.LuisterApplication;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.rules.Rule;
import nl.luister.rules.RuleActions;
import nl.luister.rules.RuleConditions;
import nl.luister.rules.RuleManagement;
import nl.luister.triage.Triage;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times routing: (1) in memory, {@link Router} deciding for N cases over 3 teams and 30 agents on one thread;
 * (2) on the embedded database, the pipeline's last two steps over N generated cases (default 20,000; persons,
 * identities, two messages each, earlier cases handled by agents so "last agent" lookups find someone) in batches of
 * 500: {@link Triage#caseTouched} with 20 rules (two of them assign a team) followed by {@link Routing#route}, and
 * routing alone; with ample capacity (every case assigned) and with scarce capacity (most cases queue), then the
 * queue drained when the agents get room. Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.routing.RoutingBench -Dexec.classpathScope=test -Dexec.args=20000}.
 * Not a test: timing lives here, never in pass/fail tests.
 */
public final class RoutingBench {

	static final int AGENTS = 30;

	public static void main(String[] args) {
		try {
			run(args);
		}
		catch (RuntimeException e) {
			e.printStackTrace();
			throw e;
		}
	}

	static void run(String[] args) {
		int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 20_000;
		System.out.printf("Luister routing bench: %,d cases, Java %s, %d cores%n", n, Runtime.version(), Runtime.getRuntime().availableProcessors());
		if (args.length < 2) inMemory(1_000_000);
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0", "luister.outbox.tick", "PT24H"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			endToEnd(ctx, n);
		}
	}

	static List<Team> teams() {
		return List.of(new Team(1, "Dutch webcare", Set.of("nl"), Set.of(), Set.of(), List.of()),
				new Team(2, "English webcare", Set.of("en"), Set.of(), Set.of(), List.of()),
				new Team(3, "Mail desk", Set.of(), Set.of(Channel.EMAIL), Set.of(), List.of()));
	}

	static void inMemory(int n) {
		Random random = new Random(7);
		List<Router.Candidate> candidates = new ArrayList<>(n);
		Instant base = Instant.parse("2026-11-16T00:00:00Z");
		Channel[] channels = { Channel.MASTODON, Channel.EMAIL, Channel.TWITTER, Channel.FORUM };
		for (int i = 0; i < n; i++) {
			candidates.add(new Router.Candidate(i, channels[random.nextInt(4)], random.nextBoolean() ? "nl" : "en", null, null,
					random.nextInt(4) == 0 ? (long) random.nextInt(AGENTS) : null, 1 + random.nextInt(5), random.nextInt(20) == 0,
					base.plusSeconds(i), null));
		}
		for (int round = 0; round < 4; round++) {
			Map<Long, Router.Agent> agents = new HashMap<>();
			for (long a = 0; a < AGENTS; a++) {
				agents.put(a, new Router.Agent(a, "agent " + a, Presence.ONLINE, n, 0, null, Set.of(1 + a % 3)));
			}
			long t0 = System.nanoTime();
			List<Router.Decision> decisions = new Router(teams(), agents, Instant.now()).decide(candidates);
			double s = (System.nanoTime() - t0) / 1e9;
			long assigned = decisions.stream().filter(d -> d.agentId() != null).count();
			System.out.printf("in memory, round %d: %,d cases in %.2f s = %,.0f cases/s (3 teams, %d agents, %,d assigned, 1 thread)%n",
					round + 1, n, s, n / s, AGENTS, assigned);
		}
	}

	static void endToEnd(ConfigurableApplicationContext ctx, int n) {
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		Users users = ctx.getBean(Users.class);
		Teams teams = ctx.getBean(Teams.class);
		Agents agents = ctx.getBean(Agents.class);
		Routing routing = ctx.getBean(Routing.class);
		Triage triage = ctx.getBean(Triage.class);
		RuleManagement rules = ctx.getBean(RuleManagement.class);
		long t0 = System.nanoTime();
		List<Long> agentIds = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) agentIds.add(users.create("agent" + i, "bench-only-password", Role.AGENT, "Agent " + i).id().value());
		Map<Long, List<Long>> members = new LinkedHashMap<>();
		for (int i = 0; i < AGENTS; i++) members.computeIfAbsent((long) (i % 3), k -> new ArrayList<>()).add(agentIds.get(i));
		List<Team> made = new ArrayList<>();
		int k = 0;
		for (Team t : teams()) made.add(teams.create(t.withMembers(members.get((long) k++))));
		for (Rule r : rules(made)) rules.setEnabled(rules.create(r.name(), r.when(), r.then(), null).id(), true);
		long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('bench', 'import', 'bench', 'mastodon') returning id")
			.query(Long.class).single();
		jdbc.sql("insert into persons (id, display_name, tier) select g, 'p' || g, 1 + g % 5 from generate_series(1, ?) g").param(n / 2).update();
		jdbc.sql("select setval('persons_id_seq', ?)").param(n / 2).query(Long.class).single();
		jdbc.sql("""
				insert into identities (id, channel, handle, display_name, followers, first_seen, last_seen, person_id)
				select g, case when g % 2 = 0 then 'mastodon' else 'email' end, 'h' || g, 'p' || g, 100, now(), now(), 1 + (g - 1) / 2
				from generate_series(1, ?) g""").param(n).update();
		// one earlier, resolved case per person on mastodon, handled by an agent: the "last agent" look-up has work to do
		jdbc.sql("""
				insert into cases (id, status, channel, source_id, author_handle, snippet, mention_count, opened_at, last_activity_at, assignee_id)
				select ? + g, 'RESOLVED', 'mastodon', ?, 'h' || (2 * g), 'earlier', 1, now(), timestamptz '2026-11-01 00:00:00+00',
				       (?::bigint[])[1 + g % ?]
				from generate_series(1, ?) g""")
			.params(n, source, agentIds.stream().mapToLong(Long::longValue).toArray(), AGENTS, n / 2).update();
		jdbc.sql("""
				insert into cases (id, status, channel, source_id, author_handle, snippet, mention_count, opened_at, last_activity_at,
				                   sentiment, complaint, question, praise)
				select g, 'NEW', case when g % 2 = 0 then 'mastodon' else 'email' end, ?, 'h' || g, 'snippet', 2, now(),
				       timestamptz '2026-11-16 00:00:00+00' + g * interval '30 seconds',
				       (array['NEGATIVE', 'NEUTRAL', 'POSITIVE'])[1 + g % 3], g % 3 = 0, g % 3 = 1, g % 5 = 0
				from generate_series(1, ?) g""").params(source, n).update();
		jdbc.sql("select setval('cases_id_seq', ?)").param(n + n / 2).query(Long.class).single();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, case_id, language, sentiment, complaint)
				select ?, 'm' || g || '-' || k, case when g % 2 = 0 then 'mastodon' else 'email' end, 'h' || g,
				       (array['KoerierSnel mijn pakket is kwijt, ik ben boos', 'Where is my parcel? Lost again', 'Top service, bedankt!',
				              'Ik stap naar de advocaat', 'Can I get a refund please'])[1 + (g + k) % 5],
				       timestamptz '2026-11-16 00:00:00+00' + g * interval '30 seconds' - k * interval '1 minute', g,
				       case when g % 4 < 2 then 'nl' else 'en' end, (array['NEGATIVE', 'NEUTRAL', 'POSITIVE'])[1 + g % 3],
				       case when g % 3 = 0 then 0.9 else 0.1 end
				from generate_series(1, ?) g, generate_series(0, 1) k""").params(source, n).update();
		jdbc.sql("analyze").update();
		System.out.printf("generated %,d cases (+%,d earlier ones handled by agents), %,d persons, %,d mentions, 3 teams, %d agents in %.1f s%n",
				n, n / 2, n / 2, 2 * n, AGENTS, (System.nanoTime() - t0) / 1e9);

		for (long id : agentIds) {
			agents.setCapacity(id, 1000);
			agents.setPresence(id, Presence.ONLINE);
		}
		run(jdbc, n, "triage + routing, ample capacity", ids -> {
			triage.caseTouched(ids);
			routing.route(ids);
		});
		reset(jdbc);
		breakdown(ctx.getBean(RoutingStore.class), n);
		run(jdbc, n, "routing alone, ample capacity", routing::route);
		reset(jdbc);
		for (long id : agentIds) agents.setCapacity(id, 10);
		run(jdbc, n, "routing alone, scarce capacity (10 per agent)", routing::route);
		long waiting = jdbc.sql("select count(*) from cases where team_id is not null and assignee_id is null and status <> 'RESOLVED'")
			.query(Long.class).single();
		long start = System.nanoTime();
		for (long id : agentIds) jdbc.sql("update agents set capacity = 1000 where user_id = ?").param(id).update();
		int drained = routing.drain().size();
		double s = (System.nanoTime() - start) / 1e9;
		System.out.printf("queue drain: %,d waiting cases, %,d assigned in %.2f s = %,.0f cases/s%n", waiting, drained, s, drained / s);
	}

	/** Where routing's time goes: the two reading statements and the decisions, without writing (batches of 500). */
	static void breakdown(RoutingStore store, int n) {
		long candidates = 0, online = 0, decide = 0;
		List<Team> teams = store.teams();
		for (long from = 1; from <= n; from += 500) {
			List<Long> ids = new ArrayList<>(500);
			for (long id = from; id < from + 500 && id <= n; id++) ids.add(id);
			long t0 = System.nanoTime();
			List<Router.Candidate> c = store.candidates(ids);
			long t1 = System.nanoTime();
			Map<Long, Router.Agent> agents = store.onlineAgents(new long[0]);
			long t2 = System.nanoTime();
			new Router(teams, agents, Instant.now()).decide(c);
			long t3 = System.nanoTime();
			candidates += t1 - t0;
			online += t2 - t1;
			decide += t3 - t2;
		}
		int batches = (n + 499) / 500;
		System.out.printf("per batch of 500: candidates query %.1f ms, online agents query %.1f ms, decisions in memory %.2f ms (the rest is writing)%n",
				candidates / 1e6 / batches, online / 1e6 / batches, decide / 1e6 / batches);
	}

	interface Step {
		void apply(List<Long> ids);
	}

	static void run(JdbcClient jdbc, int n, String what, Step step) {
		long start = System.nanoTime();
		for (long from = 1; from <= n; from += 500) {
			List<Long> ids = new ArrayList<>(500);
			for (long id = from; id < from + 500 && id <= n; id++) ids.add(id);
			step.apply(ids);
		}
		double s = (System.nanoTime() - start) / 1e9;
		long assigned = jdbc.sql("select count(*) from cases where id <= ? and assignee_id is not null").param(n).query(Long.class).single();
		long lastAgent = jdbc.sql("select count(*) from case_events where kind = 'routed' and detail like '%last agent%'").query(Long.class).single();
		System.out.printf("%s: %,d cases in %.2f s = %,.0f cases/s, %.1f ms per batch of 500 (%,d assigned, %,d to the last agent)%n", what, n, s,
				n / s, s * 1000 / ((n + 499) / 500), assigned, lastAgent);
	}

	static void reset(JdbcClient jdbc) {
		jdbc.sql("update cases set assignee_id = null, team_id = null, routing_state = null, status = 'NEW' where status <> 'RESOLVED'").update();
		jdbc.sql("delete from case_events where kind in ('routed', 'queued', 'unrouted')").update();
		jdbc.sql("update agents set last_assigned_at = null").update();
	}

	static List<Rule> rules(List<Team> teams) {
		List<Rule> rules = new ArrayList<>();
		String[][] words = { { "kwijt", "lost" }, { "advocaat", "lawyer" }, { "boos", "angry" }, { "refund", "geld terug" } };
		for (int i = 0; i < 20; i++) {
			RuleConditions when = new RuleConditions(i % 4 == 0 ? Set.of(Channel.MASTODON) : null, null, i % 3 == 0 ? Set.of("nl") : null,
					i % 2 == 0 ? Set.of("negative") : null, i % 5 == 0 ? Set.of("complaint") : null, i % 6 == 0 ? 3 : null,
					i % 2 == 1 ? List.of(words[i % 4]) : null, null, null, null);
			Long team = i == 5 ? Long.valueOf(teams.get(2).id()) : i == 11 ? Long.valueOf(teams.get(0).id()) : null;
			RuleActions then = new RuleActions(i % 4 == 0 ? 1 + i % 5 : null, List.of("t" + i), false, false, null, team, false, null);
			rules.add(new Rule(i + 1, "rule " + i, i, true, when, then, null));
		}
		return rules;
	}
}
