package nl.luister.monitor;

import java.util.List;
import java.util.Locale;

import nl.luister.monitor.LuceneTopicMatcher.Presearching;
import nl.luister.monitor.TopicMatcher.StandingQuery;

/**
 * Diagnostics for the matcher: candidate topics per mention by query shape of {@link TopicCorpus}, then a matching
 * loop (wall and thread-CPU docs/s per batch size) to attach a profiler to, e.g.
 * {@code java -XX:StartFlightRecording=filename=m.jfr,settings=profile -cp ... nl.luister.monitor.MatcherProfile
 * 100000 MULTIPASS 20 1,100} (topics, presearcher, seconds per batch size, batch sizes).
 */
final class MatcherProfile {

	public static void main(String[] args) {
		int size = Integer.parseInt(args[0]);
		Presearching presearching = Presearching.valueOf(args[1]);
		int seconds = Integer.parseInt(args[2]);
		String[] batches = args[3].split(",");
		TopicCorpus corpus = MatcherBenchmark.corpus(size);
		List<StandingQuery> standing = corpus.queries(size);
		List<MatchDocument> documents = corpus.documents(10_000);
		long t0 = System.nanoTime();
		long registerCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher(presearching)) {
			matcher.replaceAll(standing);
			System.out.printf(Locale.ROOT, "register %.1fs (thread cpu %.1fs)%n", (System.nanoTime() - t0) / 1e9,
					(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - registerCpu) / 1e9);
			long[] perShape = new long[30];
			long total = 0;
			for (MatchDocument doc : documents.subList(0, 500)) {
				for (long id : matcher.candidates(doc)) {
					perShape[(int) ((id - 1) % 30)]++;
					total++;
				}
			}
			System.out.printf(Locale.ROOT, "candidates/doc %.1f%n", total / 500.0);
			for (int s = 0; s < 30; s++) {
				System.out.printf(Locale.ROOT, "shape %2d %7.1f  %s%n", s, perShape[s] / 500.0, standing.get(s).query());
			}
			for (String b : batches) {
			int batch = Integer.parseInt(b);
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			int cursor = 0;
			long docs = 0;
			long start = System.nanoTime();
			long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			long verified0 = matcher.candidatesVerified();
			while (System.nanoTime() < end) {
				if (cursor + batch > documents.size()) {
					cursor = 0;
				}
				matcher.match(documents.subList(cursor, cursor + batch));
				cursor += batch;
				docs += batch;
			}
			double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
			System.out.printf(Locale.ROOT, "docs/s %.0f, per cpu-second %.0f (batch %d, %.0f candidates verified per batch)%n",
					docs / ((System.nanoTime() - start) / 1e9), docs / cpu, batch,
					(matcher.candidatesVerified() - verified0) / (docs / (double) batch));
			}
		}
	}

}
