package nl.luister.collab;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Times the in-memory parts of working together on one thread: the presence registry under a busy floor (N agents,
 * default 200, each beating every 4 s on one of 2,000 open cases and now and then moving to another: a heartbeat and the answer "who else is here"),
 * the inbox's eye markers for a list of 50 rows, signing and checking a forward link, and finding @mentions in a note.
 * Run with {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.collab.CollabBench
 * -Dexec.classpathScope=test -Dexec.args=200}. Not a test: timing lives here, never in pass/fail tests.
 */
public final class CollabBench {

	public static void main(String[] args) {
		int agents = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 200;
		System.out.printf("Luister collaboration bench: %,d agents, Java %s, %d cores%n", agents, Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		for (int round = 0; round < 2; round++) {
			boolean report = round == 1;
			presence(agents, report);
			links(report);
			mentions(report);
		}
	}

	private static void presence(int agents, boolean report) {
		CasePresence presence = new CasePresence(new CollabSettings(Duration.ofSeconds(15), null, null, null, null));
		Random random = new Random(7);
		long[] openCase = new long[agents];
		String[] names = new String[agents];
		for (int a = 0; a < agents; a++) {
			names[a] = "Agent " + a;
			openCase[a] = random.nextInt(2_000);
			presence.heartbeat(openCase[a], a, names[a], CasePresence.Activity.VIEWING);
		}
		int n = 1_000_000;
		long sink = 0;
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			int agent = random.nextInt(agents);
			// one in 20 heartbeats comes from an agent who moved on to another case
			if (i % 20 == 0) {
				presence.leave(openCase[agent], agent);
				openCase[agent] = random.nextInt(2_000);
			}
			presence.heartbeat(openCase[agent], agent, names[agent], CasePresence.Activity.parse(i % 3 == 0 ? "reply" : "viewing"));
			sink += presence.others(openCase[agent], agent).size();
		}
		long t1 = System.nanoTime();
		int lists = 20_000;
		for (int i = 0; i < lists; i++) {
			int me = random.nextInt(agents);
			for (long row = 0; row < 50; row++) if (presence.openByOthers(row * 40, me)) sink++;
		}
		long t2 = System.nanoTime();
		if (report) {
			System.out.printf("presence: heartbeat + others %,.0f per second (%.2f µs each); %d agents beating every 4 s need %,.0f per second%n",
					n / ((t1 - t0) / 1e9), (t1 - t0) / 1e3 / n, agents, agents / 4.0);
			System.out.printf("presence: eye markers for a 50-row list %.1f µs (sink %d)%n", (t2 - t1) / 1e3 / lists, sink);
		}
	}

	private static void links(boolean report) {
		ForwardLinks links = new ForwardLinks("bench secret, long enough to sign".getBytes(StandardCharsets.UTF_8));
		Instant expiry = Instant.parse("2026-12-03T09:00:00Z");
		int n = 200_000;
		long ok = 0;
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			if (links.verify(links.token(i, expiry)).isPresent()) ok++;
		}
		long t1 = System.nanoTime();
		if (report) System.out.printf("forward links: sign + verify %.2f µs (%d ok)%n", (t1 - t0) / 1e3 / n, ok);
	}

	private static void mentions(boolean report) {
		String note = "Klant belt morgen terug, @bram kun jij dit oppakken? Mail ging naar anna@example.org, cc @carla.visser en @dewi. ".repeat(4);
		int n = 500_000;
		long found = 0;
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) found += NoteMentions.names(note).size();
		long t1 = System.nanoTime();
		if (report) System.out.printf("@mentions: a %d-character note parsed in %.2f µs (%d names)%n", note.length(), (t1 - t0) / 1e3 / n, found / n);
	}
}
