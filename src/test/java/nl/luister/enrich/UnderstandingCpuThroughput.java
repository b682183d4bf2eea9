package nl.luister.enrich;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Messages per CPU-second of the process, beside messages per wall-clock second: on a machine shared with other
 * builds, wall-clock throughput measures the share of a core the process got, CPU time what the code costs. Process
 * CPU time, not the calling thread's, because Lingua scores on a thread pool of its own; run it pinned to one core
 * ({@code taskset -c 1}) so that everything shares that core. Not a test: run with
 * {@code ./luister bench-enrich-cpu [SECONDS]}. Measures, alternately in rounds, the full
 * {@code understand} call, the language cascade and plain Lingua (high-accuracy mode, same five languages) on the
 * JMH message mix.
 */
public final class UnderstandingCpuThroughput {

	private static final com.sun.management.OperatingSystemMXBean OS =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private UnderstandingCpuThroughput() {
	}

	public static void main(String[] args) throws java.io.IOException {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
		MessageUnderstanding understanding = MessageUnderstanding.withDefaults();
		LanguageIdentifier cascade = understanding.languages();
		LanguageIdentifier lingua = new LanguageIdentifier(cascade.languages(), 0.02, false);
		cascade.warmUp();
		lingua.warmUp();
		List<String> messages = UnderstandingBenchmark.MESSAGES;
		// the own Dutch customer messages: short, so more of them reach Lingua than the JMH mix does
		List<String> dutch = Tsv.read(java.nio.file.Path.of("src/test/resources/enrich/nl-customer-messages.tsv"))
				.stream().skip(1).map(row -> row.getFirst()).toList();
		List<Task> tasks = List.of(new Task("understand", messages, m -> understanding.understand(m, null).hashCode()),
				new Task("languageOnly (cascade)", messages, m -> cascade.identify(m, null).hashCode()),
				new Task("languageLinguaOnly", messages, m -> lingua.identify(m, null).hashCode()),
				new Task("understand, nl customer set", dutch, m -> understanding.understand(m, null).hashCode()));
		for (Task t : tasks) { // warm-up
			t.run(seconds);
		}
		for (Task t : tasks) {
			t.cpuNanos = t.wallNanos = t.count = 0;
		}
		for (int round = 0; round < 3; round++) {
			for (Task t : tasks) {
				t.run(seconds);
			}
		}
		System.out.printf(Locale.ROOT, "%-30s %14s %14s%n", "benchmark", "msgs/CPU-s", "msgs/wall-s");
		for (Task t : tasks) {
			System.out.printf(Locale.ROOT, "%-30s %,14.0f %,14.0f%n", t.name, t.count / (t.cpuNanos / 1e9),
					t.count / (t.wallNanos / 1e9));
		}
		System.out.println("sink " + Task.sink);
	}

	private interface Call {
		int apply(String message);
	}

	private static final class Task {
		static long sink;
		final String name;
		final List<String> messages;
		final Call call;
		long cpuNanos, wallNanos, count;

		Task(String name, List<String> messages, Call call) {
			this.name = name;
			this.messages = messages;
			this.call = call;
		}

		void run(double seconds) {
			long wallStart = System.nanoTime(), cpuStart = OS.getProcessCpuTime();
			long until = wallStart + (long) (seconds * 1e9);
			long n = 0;
			int h = 0;
			while (System.nanoTime() < until) {
				for (String m : messages) {
					h += call.apply(m);
				}
				n += messages.size();
			}
			cpuNanos += OS.getProcessCpuTime() - cpuStart;
			wallNanos += System.nanoTime() - wallStart;
			count += n;
			sink += h;
		}
	}
}
