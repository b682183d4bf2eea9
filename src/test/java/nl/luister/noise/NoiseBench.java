package nl.luister.noise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.luister.LuisterApplication;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline's cost of near-duplicate grouping: logs the generated {@link NearDuplicateCorpus} (with copies) or
 * only its texts without copies, then times draining the log on the calling thread. Run it once with grouping on
 * and once with {@code -Dluister.noise.duplicates=false}:
 * {@code ./mvnw -q -o exec:java -Dexec.mainClass=nl.luister.noise.NoiseBench -Dexec.classpathScope=test -Dexec.args="copies 200"}
 * ({@code copies} or {@code distinct}, then the corpus scale). Not a test: timing lives here.
 */
public final class NoiseBench {

	public static void main(String[] args) {
		boolean copies = args.length == 0 || !args[0].equals("distinct");
		int scale = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			ctx.getBean(TopicManagement.class).create("Bench", "KoerierSnel OR pakket OR parcel OR bezorger OR courier OR bestelling OR order");
			long source = ctx.getBean(SourceAdmin.class).importSource("noise-bench", Channel.TWITTER);
			MentionPipeline pipeline = ctx.getBean(MentionPipeline.class);
			Ingestion ingestion = ctx.getBean(Ingestion.class);
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			boolean grouping = ctx.getBean(NoiseProperties.class).duplicates();
			run("warm-up", NearDuplicateCorpus.generate(1, scale / 2), copies, "w", source, ingestion, pipeline, jdbc, grouping);
			run("measured", NearDuplicateCorpus.generate(42, scale), copies, "m", source, ingestion, pipeline, jdbc, grouping);
		}
	}

	static void run(String label, List<NearDuplicateCorpus.Item> corpus, boolean copies, String prefix, long source, Ingestion ingestion,
			MentionPipeline pipeline, JdbcClient jdbc, boolean grouping) {
		Random random = new Random(7);
		List<RawMention> items = new ArrayList<>();
		java.util.Set<Integer> seen = new java.util.HashSet<>();
		Instant now = Instant.now();
		Instant first = corpus.getFirst().at();
		for (NearDuplicateCorpus.Item item : corpus) {
			if (!copies && !seen.add(item.cluster())) continue;
			// the corpus spans 20 days from its own start; shifted to end now
			Instant at = now.minus(Duration.ofDays(21)).plus(Duration.between(first, item.at()));
			items.add(new RawMention(prefix + items.size(), Channel.TWITTER, new RawMention.Author("user" + random.nextInt(1_000_000), null, 10),
					item.title(), item.body(), null, at, null));
		}
		for (int i = 0; i < items.size(); i += 1000) ingestion.ingestPushed(source, items.subList(i, Math.min(items.size(), i + 1000)));
		long casesBefore = jdbc.sql("select count(*) from cases").query(Long.class).single();
		long t0 = System.nanoTime();
		pipeline.drainAll();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long cases = jdbc.sql("select count(*) from cases").query(Long.class).single() - casesBefore;
		System.out.printf("%-9s grouping=%-5s corpus=%-8s %,7d mentions in %6.2f s = %,6.0f mentions/s; %,d cases opened; %,d groups with copies%n", label,
				grouping, copies ? "copies" : "distinct", items.size(), seconds, items.size() / seconds, cases,
				jdbc.sql("select count(*) from duplicate_groups where size > 1").query(Long.class).single());
	}
}
