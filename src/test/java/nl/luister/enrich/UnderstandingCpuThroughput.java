package nl.luister.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Messages per CPU-second of one thread, beside messages per wall-clock second: on a machine shared with other
 * builds, wall-clock throughput measures the share of a core the thread got, CPU time what the code costs. Not a
 * test: run with {@code ./luister bench-enrich-cpu [SECONDS]}. Measures, alternately in rounds, the full
 * {@code understand} call, the language cascade and plain Lingua (high-accuracy mode, same five languages) on the
 * JMH message mix.
 */
public final class UnderstandingCpuThroughput {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private UnderstandingCpuThroughput() {
	}

	public static void main(String[] args) {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
		MessageUnderstanding understanding = MessageUnderstanding.withDefaults();
		LanguageIdentifier cascade = understanding.languages();
		LanguageIdentifier lingua = new LanguageIdentifier(cascade.languages(), 0.02, false);
		cascade.warmUp();
		lingua.warmUp();
		List<String> messages = UnderstandingBenchmark.MESSAGES;
		List<Task> tasks = List.of(new Task("understand", m -> understanding.understand(m, null).hashCode()),
				new Task("languageOnly (cascade)", m -> cascade.identify(m, null).hashCode()),
				new Task("languageLinguaOnly", m -> lingua.identify(m, null).hashCode()));
		for (Task t : tasks) { // warm-up
			t.run(messages, seconds);
		}
		for (Task t : tasks) {
			t.cpuNanos = t.wallNanos = t.count = 0;
		}
		for (int round = 0; round < 3; round++) {
			for (Task t : tasks) {
				t.run(messages, seconds);
			}
		}
		System.out.printf(Locale.ROOT, "%-24s %14s %14s%n", "benchmark", "msgs/CPU-s", "msgs/wall-s");
		for (Task t : tasks) {
			System.out.printf(Locale.ROOT, "%-24s %,14.0f %,14.0f%n", t.name, t.count / (t.cpuNanos / 1e9),
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
		final Call call;
		long cpuNanos, wallNanos, count;

		Task(String name, Call call) {
			this.name = name;
			this.call = call;
		}

		void run(List<String> messages, double seconds) {
			long wallStart = System.nanoTime(), cpuStart = THREADS.getCurrentThreadCpuTime();
			long until = wallStart + (long) (seconds * 1e9);
			long n = 0;
			int h = 0;
			while (System.nanoTime() < until) {
				for (String m : messages) {
					h += call.apply(m);
				}
				n += messages.size();
			}
			cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
			wallNanos += System.nanoTime() - wallStart;
			count += n;
			sink += h;
		}
	}
}
