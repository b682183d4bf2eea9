package nl.luister.monitor;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import nl.luister.monitor.LuceneTopicMatcher.Presearching;
import nl.luister.monitor.TopicMatcher.StandingQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The matcher benchmark: docs/s on one thread for Luister's presearcher (MULTIPASS) and the monitor's default
 * one, at 1k/10k/100k generated topics, one mention per call and batches of 100, and for no presearcher at 1k
 * and (batched) 10k; then, outside JMH, the candidate topics verified per mention, heap used, time to register
 * the topics, time for a topic change to show, and docs/s with no presearcher at every size.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec@jmh} (or {@code ./luister jmh}); {@code -Djmh.args=quick}
 * runs shorter iterations, {@code -Djmh.args=facts} only the facts outside JMH. JMH measures verifying every
 * topic (no presearcher) only up to 10k topics, because at 100k one mention takes about a second. The facts
 * (run first) measure every set-up at every size in one JVM, including docs/s per second of thread CPU time,
 * which is the figure to read when other processes share the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx3g", "-XX:ActiveProcessorCount=1" })
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class MatcherBenchmark {

	static final int DOCS_PER_OP = 100;

	@Param({ "1000", "10000", "100000" })
	int queries;

	@Param({ "MULTIPASS", "DEFAULT" })
	Presearching presearching;

	@Param({ "1", "100" })
	int batch;

	private LuceneTopicMatcher matcher;

	private List<MatchDocument> documents;

	private int cursor;

	@Setup(Level.Trial)
	public void setUp() {
		TopicCorpus corpus = corpus(this.queries);
		this.matcher = new LuceneTopicMatcher(this.presearching);
		this.matcher.replaceAll(corpus.queries(this.queries));
		this.documents = corpus.documents(10_000);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.matcher.close();
	}

	@Benchmark
	@OperationsPerInvocation(DOCS_PER_OP)
	public void match(Blackhole blackhole) {
		if (this.cursor + DOCS_PER_OP > this.documents.size()) {
			this.cursor = 0;
		}
		List<MatchDocument> slice = this.documents.subList(this.cursor, this.cursor + DOCS_PER_OP);
		this.cursor += DOCS_PER_OP;
		if (this.batch == 1) {
			for (MatchDocument document : slice) {
				blackhole.consume(this.matcher.match(List.of(document)));
			}
		}
		else {
			for (int from = 0; from < DOCS_PER_OP; from += this.batch) {
				blackhole.consume(this.matcher.match(slice.subList(from, Math.min(DOCS_PER_OP, from + this.batch))));
			}
		}
	}

	/** Brands scale with the topics, as they would with more customers: about four topics per brand. */
	static TopicCorpus corpus(int queries) {
		return new TopicCorpus(2026, Math.max(250, queries / 4));
	}

	public static void main(String[] args) throws Exception {
		boolean quick = args.length > 0 && args[0].contains("quick");
		facts(quick);
		if (args.length > 0 && args[0].contains("facts")) {
			return;
		}
		int measure = quick ? 1 : 2;
		new Runner(options(measure).build()).run();
		new Runner(options(measure).param("presearching", "NONE").param("queries", "1000").build()).run();
		new Runner(options(measure).param("presearching", "NONE").param("queries", "10000").param("batch", "100")
			.build()).run();
	}

	private static org.openjdk.jmh.runner.options.ChainedOptionsBuilder options(int measure) {
		return new OptionsBuilder().include(MatcherBenchmark.class.getName() + ".match")
			.warmupIterations(1)
			.warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(3))
			.measurementIterations(measure)
			.measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(4));
	}

	/**
	 * Everything the issue asks for, in one JVM on this thread, with one registration per presearcher and size:
	 * registration time (wall and thread CPU), heap, candidate topics verified per mention, docs/s one mention at a
	 * time and in batches of 100 and of 500 (the pipeline's batch), on the wall clock and per second of this thread's
	 * CPU time (which stays meaningful when other processes share the cores), and the time for a topic change to
	 * show. NONE (every topic verified) is timed over as many mentions as fit in the time budget (at least 3 single
	 * mentions and one batch), because one JMH operation of 100 mentions would take minutes at 100k topics.
	 */
	static void facts(boolean quick) {
		double seconds = quick ? 3 : 6;
		for (int size : quick ? new int[] { 1_000, 10_000 } : new int[] { 1_000, 10_000, 100_000 }) {
			TopicCorpus corpus = corpus(size);
			List<StandingQuery> standing = corpus.queries(size);
			List<MatchDocument> documents = corpus.documents(5_000);
			Presearching[] presearchers = (size > 10_000)
					? new Presearching[] { Presearching.MULTIPASS, Presearching.DEFAULT, Presearching.NONE }
					: Presearching.values();
			for (Presearching presearching : presearchers) {
				long heapBefore = usedHeap();
				long start = System.nanoTime();
				long startCpu = cpu();
				try (LuceneTopicMatcher matcher = new LuceneTopicMatcher(presearching)) {
					matcher.replaceAll(standing);
					double registerSeconds = (System.nanoTime() - start) / 1e9;
					double registerCpu = (cpu() - startCpu) / 1e9;
					long heapMb = (usedHeap() - heapBefore) / (1024 * 1024);
					boolean every = presearching == Presearching.NONE;
					double singleCandidates = size;
					double batchCandidates = size / 100.0;
					double matchesPerDoc = Double.NaN;
					if (!every) {
						long matched = 0;
						for (MatchDocument document : documents.subList(0, 1_000)) {
							matched += matcher.match(List.of(document)).getFirst().size();
						}
						matchesPerDoc = matched / 1000.0;
						singleCandidates = matcher.candidatesVerified() / 1000.0;
						long before = matcher.candidatesVerified();
						for (int from = 1_000; from < documents.size(); from += 100) {
							matcher.match(documents.subList(from, from + 100));
						}
						batchCandidates = (matcher.candidatesVerified() - before) / 4000.0;
					}
					else {
						matcher.match(documents.subList(0, 100));
					}
					double[] single = rate(matcher, documents, 1, seconds, every ? 3 : 0);
					double[] batch = rate(matcher, documents, 100, seconds, every ? 100 : 0);
					double[] pipeline = rate(matcher, documents, 500, seconds, every ? 500 : 0);
					double worstChange = every ? Double.NaN : worstChangeMillis(matcher, size);
					System.out.printf(Locale.ROOT,
							"FACTS queries=%d presearcher=%s register=%.1fs (cpu %.1fs) heap=%dMB matchesPerDoc=%.2f "
									+ "candidatesPerDoc(single)=%.1f candidatesPerDoc(batch100)=%.2f "
									+ "docsPerSecond(single)=%.1f (per cpu-second %.1f, %d docs) "
									+ "docsPerSecond(batch100)=%.1f (per cpu-second %.1f, %d docs) "
									+ "docsPerSecond(batch500)=%.1f (per cpu-second %.1f, %d docs) worstChangeVisible=%.1fms%n",
							size, presearching, registerSeconds, registerCpu, heapMb, matchesPerDoc, singleCandidates,
							batchCandidates, single[0], single[1], (long) single[2], batch[0], batch[1], (long) batch[2],
							pipeline[0], pipeline[1], (long) pipeline[2], worstChange);
				}
			}
		}
	}

	/** Docs/s (wall, per CPU second, docs) matching {@code batch} mentions per call for {@code seconds}. */
	private static double[] rate(LuceneTopicMatcher matcher, List<MatchDocument> documents, int batch, double seconds,
			int minimumDocs) {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long t0 = System.nanoTime();
		long cpu0 = cpu();
		int docs = 0;
		int cursor = 0;
		while (docs < minimumDocs || System.nanoTime() < deadline) {
			if (cursor + batch > documents.size()) {
				cursor = 0;
			}
			matcher.match(documents.subList(cursor, cursor + batch));
			cursor += batch;
			docs += batch;
		}
		double wall = (System.nanoTime() - t0) / 1e9;
		double cpu = (cpu() - cpu0) / 1e9;
		return new double[] { docs / wall, docs / cpu, docs };
	}

	private static double worstChangeMillis(LuceneTopicMatcher matcher, int size) {
		long worstChange = 0;
		MatchDocument probe = new MatchDocument(null, "zzqbrand nieuw", null, "twitter");
		for (int i = 0; i < 20; i++) {
			long t0 = System.nanoTime();
			matcher.put(new StandingQuery(size + 1, (i % 2 == 0) ? "zzqbrand" : "zzqbrand -nieuw"));
			boolean seen = matcher.match(List.of(probe)).getFirst().contains((long) size + 1) == (i % 2 == 0);
			long took = System.nanoTime() - t0;
			if (!seen) {
				throw new IllegalStateException("topic change not visible to the next match");
			}
			worstChange = Math.max(worstChange, took);
		}
		return worstChange / 1e6;
	}

	private static long cpu() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	private static long usedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
