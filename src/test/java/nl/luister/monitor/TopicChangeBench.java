package nl.luister.monitor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.luister.monitor.TopicMatcher.StandingQuery;

/**
 * How long a topic change takes to show, with N topics registered (default 100,000): 20 changes, each timed
 * from {@code put} (or {@code remove}) until a match sees it, then the background merge into the main index timed
 * on its own ({@code flush}), and the matching rate (per CPU-second of the matching thread, comparable on a
 * shared machine) with the fresh index empty and holding 50 changed topics, side by side. Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.monitor.TopicChangeBench
 * -Dexec.classpathScope=test -Dexec.args=100000}. Not a test.
 */
public final class TopicChangeBench {

	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0].strip()) : 100_000;
		TopicCorpus corpus = MatcherBenchmark.corpus(size);
		List<StandingQuery> standing = corpus.queries(size);
		List<MatchDocument> documents = corpus.documents(5_000);
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			long t0 = System.nanoTime();
			matcher.replaceAll(standing);
			System.out.printf(Locale.ROOT, "Luister topic change bench: %,d topics registered in %.1f s, Java %s, %d cores%n", size,
					(System.nanoTime() - t0) / 1e9, Runtime.version(), Runtime.getRuntime().availableProcessors());
			matcher.match(documents.subList(0, 100));

			MatchDocument probe = new MatchDocument(null, "zzqbrand nieuw", null, "twitter");
			double[] visible = new double[20];
			for (int i = 0; i < visible.length; i++) {
				long start = System.nanoTime();
				boolean on = i % 2 == 0;
				if (on) {
					matcher.put(new StandingQuery(size + 1, (i % 4 == 0) ? "zzqbrand" : "zzqbrand nieuw"));
				}
				else {
					matcher.remove(size + 1);
				}
				boolean seen = matcher.match(List.of(probe)).getFirst().contains((long) size + 1) == on;
				visible[i] = (System.nanoTime() - start) / 1e6;
				if (!seen) {
					throw new IllegalStateException("topic change not visible to the next match");
				}
			}
			Arrays.sort(visible);
			System.out.printf(Locale.ROOT, "change -> visible: median %.1f ms, worst %.1f ms (20 changes)%n", visible[10], visible[19]);

			double[] merges = new double[5];
			for (int i = 0; i < merges.length; i++) {
				matcher.put(new StandingQuery(size + 2 + i, "zzqbrand" + i));
				long start = System.nanoTime();
				matcher.flush();
				merges[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(merges);
			System.out.printf(Locale.ROOT, "merge of one change into the main index (background): median %.0f ms, worst %.0f ms%n", merges[2],
					merges[4]);

			for (int round = 0; round < 2; round++) {
				double empty = rate(matcher, documents);
				List<StandingQuery> changed = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					changed.add(new StandingQuery(standing.get(i * 7).topicId(), standing.get(i * 7 + 1).query()));
				}
				changed.forEach(matcher::put);
				double withFresh = rate(matcher, documents);
				matcher.flush();
				System.out.printf(Locale.ROOT, "round %d, docs per CPU-second, batches of 100: fresh index empty %.0f, holding 50 topics %.0f (ratio %.2f)%n",
						round + 1, empty, withFresh, withFresh / empty);
				changed.forEach(q -> matcher.put(standing.get((int) q.topicId() - 1)));
				matcher.flush();
			}
		}
	}

	private static double rate(LuceneTopicMatcher matcher, List<MatchDocument> documents) {
		long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		int docs = 0;
		for (int from = 0; from + 100 <= 3_000; from += 100) {
			matcher.match(documents.subList(from, from + 100));
			docs += 100;
		}
		return docs / ((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9);
	}

}
