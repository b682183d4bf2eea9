package nl.luister.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import nl.luister.LuisterApplication;
import nl.luister.customer.InfluenceTiers;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times a full recompute of the influence tiers for N generated identities (default 1,000,000), each its own
 * person, with 1.5 N mentions: N posts by skewed authors (a few write a lot) and N/2 replies to earlier posts
 * (older posts drawing more), followers log-uniform up to 10 million. Run with
 * {@code ./mvnw -q -B test-compile exec:java@influence-bench -Dexec.args=1000000}. Not a test: timing lives
 * here, never in pass/fail tests.
 */
public final class InfluenceBench {

	public static void main(String[] args) {
		int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 1_000_000;
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			InfluenceTiers tiers = ctx.getBean(InfluenceTiers.class);
			System.out.printf("Luister influence bench: %,d identities, Java %s, %d cores%n", n, Runtime.version(),
					Runtime.getRuntime().availableProcessors());
			long t0 = System.nanoTime();
			long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('bench', 'import', 'bench', 'mastodon') returning id")
				.query(Long.class).single();
			jdbc.sql("insert into persons (id, display_name) select g, 'p' || g from generate_series(1, ?) g").param(n).update();
			jdbc.sql("select setval('persons_id_seq', ?)").param(n).query(Long.class).single();
			jdbc.sql("""
					insert into identities (id, channel, handle, display_name, followers, first_seen, last_seen, person_id)
					select g, 'mastodon', 'h' || g, 'p' || g, floor(power(10, 7 * random() * random()))::int, now(), now(), g
					from generate_series(1, ?) g""").param(n).update();
			jdbc.sql("select setval('identities_id_seq', ?)").param(n).query(Long.class).single();
			int posts = n, total = n + n / 2;
			jdbc.sql("""
					insert into mentions (source_id, external_id, channel, author_handle, text, published_at, identity_id, in_reply_to)
					select ?, 'm' || s.g, 'mastodon', 'h' || s.a, 'x', now() - random() * interval '180 days', s.a,
					       case when s.g > ? then 'm' || (1 + floor(? * power(random(), 2)))::bigint end
					from (select g, 1 + floor(? * power(random(), 3))::bigint as a from generate_series(1, ?) g) s""")
				.params(source, posts, posts, n, total).update();
			jdbc.sql("analyze").update();
			System.out.printf("generated  %,d persons, %,d identities, %,d mentions in %.1f s%n", n, n, total, (System.nanoTime() - t0) / 1e9);
			for (String run : new String[] { "first", "second" }) {
				InfluenceTiers.Summary s = tiers.recompute(Instant.now());
				System.out.printf("%-6s recompute: %,d persons, %,d reply edges: load %.2f s, compute %.2f s, write %.2f s, total %.2f s; per tier 1..5 %s%n",
						run, s.persons(), s.edges(), s.load().toMillis() / 1e3, s.compute().toMillis() / 1e3, s.write().toMillis() / 1e3,
						s.total().toMillis() / 1e3, Arrays.toString(Arrays.copyOfRange(s.perTier(), 1, 6)));
			}
			// incremental: the pipeline rescores the persons a batch touches; time batches of 100 random mentions
			org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
					ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
			int batches = 100, size = 100;
			java.util.Random random = new java.util.Random(42);
			long updated = 0, t1 = System.nanoTime();
			for (int b = 0; b < batches; b++) {
				long[] ids = new long[size];
				for (int i = 0; i < size; i++) ids[i] = 1 + random.nextInt(total);
				Integer u = tx.execute(st -> tiers.updateIncrementally(ids, Instant.now()));
				updated += u == null ? 0 : u;
			}
			double ms = (System.nanoTime() - t1) / 1e6;
			System.out.printf("incremental: %,d batches of %d mentions, %,d persons rescored, %.1f ms per batch, %.2f ms per mention%n",
					batches, size, updated, ms / batches, ms / (batches * size));
		}
	}
}
