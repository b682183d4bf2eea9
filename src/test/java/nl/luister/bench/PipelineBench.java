package nl.luister.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import nl.luister.LuisterApplication;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.importer.MentionImport;
import nl.luister.log.MentionLog;
import nl.luister.monitor.TopicManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pushes N generated mentions through import → mention log → match → store → case on an embedded
 * PostgreSQL and reports throughput and the time from a mention's import commit to its case being
 * visible to the inbox, first saturated (everything imported as fast as possible), then paced at half the
 * saturated rate. Run with {@code ./luister bench [N] [webcare]} (default 20,000). With {@code webcare} the
 * workspace is set up as a team would have it: two teams (Dutch, English) of five online agents each and an SLA
 * policy on a 24/7 calendar, so routing and the SLA clocks do their full work in every batch. Not a test: timing
 * lives here, never in pass/fail tests.
 */
public final class PipelineBench {

	static final String[] TOPICS = { "KoerierSnel OR \"koerier snel\"", "(KoerierSnel OR SnelBox*) AND (pakket* OR bezorg* OR parcel* OR deliver*)",
			"SnelBox* OR (KoerierSnel AND (locker* OR kluis*))", "Avondlevering OR \"evening delivery\"", "(PakketPiet OR \"Pakket Piet\") -vacature*" };
	static final String[] BRAND = { "KoerierSnel", "SnelBox", "Avondlevering", "PakketPiet", "koerier snel" };
	static final String[] WORDS = { "pakket", "bezorging", "parcel", "delivery", "te laat", "kwijt", "top service", "bedankt",
			"waar blijft", "never again", "de bezorger", "locker", "kluis", "app", "retour", "vandaag", "morgen", "weer",
			"lekker", "koffie", "trein", "vertraging", "fiets", "regen", "thanks", "still waiting", "damaged", "beschadigd" };
	static final String[] CHANNELS = { "twitter", "mastodon", "forum", "review", "blog", "news" };

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 20_000;
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.admin-password", "bench-only-password", "logging.level.root", "WARN", "spring.main.banner-mode", "off", "server.port", "0"));
		try (ConfigurableApplicationContext ctx = app.run()) {
			TopicManagement topics = ctx.getBean(TopicManagement.class);
			for (int i = 0; i < TOPICS.length; i++) topics.create("Bench topic " + (i + 1), TOPICS[i]);
			MentionImport importer = ctx.getBean(MentionImport.class);
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			boolean webcare = args.length > 1 && args[1].strip().equals("webcare");
			if (webcare) webcare(ctx, jdbc);
			MentionLog log = ctx.getBean(MentionLog.class);
			CaseManagement cases = ctx.getBean(CaseManagement.class);

			System.out.printf("Luister pipeline bench: %,d mentions, %d topics%s, Java %s, %d cores%n", n, TOPICS.length,
					webcare ? ", teams of online agents and an SLA policy" : "", Runtime.version(), Runtime.getRuntime().availableProcessors());
			run("warm-up", Math.min(5_000, n), "w", 0, importer, jdbc, log, cases);
			Result r = run("saturated", n, "m", 0, importer, jdbc, log, cases);
			// then a steady load at half the saturated rate: the latency a team sees on a busy but healthy day
			int rate = (int) Math.max(100, n / r.seconds / 2);
			Result paced = run("paced", Math.min(n, rate * 20), "p", rate, importer, jdbc, log, cases);
			System.out.printf("RESULT mentions=%d saturated_mentions_per_s=%.0f saturated_p50_ms=%.1f saturated_p99_ms=%.1f paced_rate=%d paced_p50_ms=%.1f paced_p99_ms=%.1f paced_max_ms=%.1f%n",
					n, n / r.seconds, r.percentile(50), r.percentile(99), rate, paced.percentile(50), paced.percentile(99), paced.percentile(100));
		}
	}

	/** Two teams (nl, en) of five online agents with room for every case, and an SLA policy on a 24/7 calendar. */
	private static void webcare(ConfigurableApplicationContext ctx, JdbcClient jdbc) {
		String[] languages = { "nl", "en" };
		for (int t = 0; t < languages.length; t++) {
			long team = jdbc.sql("insert into teams (name, languages) values (?, ?::text[]) returning id")
				.params("Bench " + languages[t], new String[] { languages[t] }).query(Long.class).single();
			for (int a = 0; a < 5; a++) {
				long user = jdbc.sql("insert into users (username, password_hash, role, display_name) values (?, 'x', 'AGENT', ?) returning id")
					.params("bench-" + languages[t] + a, "Agent " + languages[t] + a).query(Long.class).single();
				jdbc.sql("insert into agents (user_id, presence, capacity) values (?, 'ONLINE', 1000)").param(user).update();
				jdbc.sql("insert into team_members (team_id, user_id) values (?, ?)").params(team, user).update();
			}
		}
		nl.luister.sla.SlaAdmin sla = ctx.getBean(nl.luister.sla.SlaAdmin.class);
		long calendar = sla.createCalendar("Around the clock", "Europe/Amsterdam", true, List.of()).id();
		sla.createPolicy(new nl.luister.sla.SlaPolicy(null, "Webcare", null, null, 0, calendar, 60, 120, 2880, false));
	}

	record Result(double seconds, long casesOpened, double[] latenciesMs) {
		double percentile(double p) {
			if (latenciesMs.length == 0) return Double.NaN;
			int i = (int) Math.ceil(p / 100 * latenciesMs.length) - 1;
			return latenciesMs[Math.max(0, Math.min(i, latenciesMs.length - 1))];
		}
	}

	/**
	 * Imports n generated mentions: all at once in 1,000-line chunks when {@code rate} is 0, else in chunks of
	 * a tenth of the rate every 100 ms.
	 */
	static Result run(String label, int n, String prefix, int rate, MentionImport importer, JdbcClient jdbc, MentionLog log,
			CaseManagement cases) throws Exception {
		// each run its own texts: the same texts again would be near-duplicates of the first run and open no cases
		byte[] file = generate(n, prefix, new Random(42 + prefix.hashCode()));
		long casesBefore = jdbc.sql("select count(*) from cases").query(Long.class).single();
		long startId = jdbc.sql("select coalesce(max(id), 0) from mentions").query(Long.class).single();
		long[] committedAt = new long[n + 1];
		Map<Integer, Long> visibleAt = new HashMap<>();
		AtomicBoolean importing = new AtomicBoolean(true);

		Thread observer = Thread.ofVirtual().name("bench-observer").start(() -> {
			long lastId = startId;
			while (true) {
				boolean done = !importing.get() && log.backlog() == 0;
				long now = System.nanoTime();
				var rows = jdbc.sql("select id, external_id from mentions where id > ? and case_id is not null order by id")
					.param(lastId)
					.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
					.list();
				for (Object[] row : rows) {
					lastId = Math.max(lastId, (Long) row[0]);
					String ext = (String) row[1];
					if (ext.startsWith(prefix)) visibleAt.put(Integer.parseInt(ext.substring(prefix.length())), now);
				}
				if (rows.isEmpty()) {
					// an empty page also moves past unmatched mentions
					lastId = Math.max(lastId, jdbc.sql("select coalesce(max(id), 0) from mentions where case_id is not null").query(Long.class).single());
				}
				cases.inbox(InboxFilter.openCases());
				if (done && rows.isEmpty()) return;
			}
		});

		long t0 = System.nanoTime();
		if (rate == 0) {
			int[] lastLine = { 0 };
			importer.importJsonl(new ByteArrayInputStream(file), line -> {
				long now = System.nanoTime();
				for (int i = lastLine[0] + 1; i <= line && i <= n; i++) committedAt[i] = now;
				lastLine[0] = (int) Math.min(line, n);
			});
		}
		else {
			String[] lines = new String(file, StandardCharsets.UTF_8).split("\n");
			int chunk = Math.max(1, rate / 10);
			for (int from = 0, tick = 0; from < n; from += chunk, tick++) {
				long due = t0 + tick * 100_000_000L;
				long wait = due - System.nanoTime();
				if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				int to = Math.min(n, from + chunk);
				byte[] part = (String.join("\n", Arrays.copyOfRange(lines, from, to)) + "\n").getBytes(StandardCharsets.UTF_8);
				importer.importJsonl(new ByteArrayInputStream(part), line -> {
				});
				long now = System.nanoTime();
				for (int i = from + 1; i <= to; i++) committedAt[i] = now;
			}
		}
		importing.set(false);
		observer.join();
		long t1 = System.nanoTime();

		List<Double> latencies = new ArrayList<>();
		for (var e : visibleAt.entrySet()) {
			int line = e.getKey();
			if (line >= 1 && line <= n && committedAt[line] > 0) latencies.add((e.getValue() - committedAt[line]) / 1e6);
		}
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).map(d -> Math.max(d, 0)).toArray();
		Arrays.sort(sorted);
		long opened = jdbc.sql("select count(*) from cases").query(Long.class).single() - casesBefore;
		Result r = new Result((t1 - t0) / 1e9, opened, sorted);
		System.out.printf("%-9s %,7d mentions in %6.2f s = %,8.0f mentions/s%s; %,d cases opened; import→inbox p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				label, n, r.seconds, n / r.seconds, rate == 0 ? "" : " (offered " + rate + "/s)", opened, r.percentile(50), r.percentile(99), r.percentile(100));
		return r;
	}

	/** Line i (1-based) has id prefix+i, so the observer can map a stored mention back to its line. */
	static byte[] generate(int n, String prefix, Random random) {
		StringBuilder out = new StringBuilder(n * 260);
		int authors = Math.max(10, n / 5);
		long base = 1_790_000_000L;
		for (int i = 1; i <= n; i++) {
			boolean onTopic = random.nextInt(100) < 70;
			StringBuilder text = new StringBuilder();
			if (onTopic) text.append(BRAND[random.nextInt(BRAND.length)]).append(' ');
			int words = 6 + random.nextInt(20);
			for (int w = 0; w < words; w++) text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
			String channel = CHANNELS[random.nextInt(CHANNELS.length)];
			String reply = i > 10 && random.nextInt(10) == 0 ? ", \"inReplyTo\": \"" + prefix + (i - 1 - random.nextInt(Math.min(i - 1, 50))) + "\"" : "";
			out.append("{\"id\": \"").append(prefix).append(i)
				.append("\", \"source\": \"bench-").append(channel)
				.append("\", \"channel\": \"").append(channel)
				.append("\", \"author\": {\"handle\": \"").append(prefix).append("user").append(random.nextInt(authors))
				.append("\", \"followers\": ").append(random.nextInt(5000))
				.append("}, \"text\": \"").append(text.toString().strip())
				.append("\", \"url\": \"https://bench.example/").append(i)
				.append("\", \"publishedAt\": \"").append(java.time.Instant.ofEpochSecond(base + i * 3L))
				.append('"').append(reply).append("}\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private PipelineBench() {
	}
}
