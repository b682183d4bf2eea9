package nl.luister.enrich;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link LanguageIdentifier} on the Lingua test corpus ({@code langid-lingua-testdata}): the cascade and plain
 * Lingua (high-accuracy mode, same five languages) side by side in one run, per language and text kind: accuracy (an
 * undetermined answer counts as wrong), the share left undetermined, the share the fast stages settle, agreement with
 * Lingua, and throughput after a warm-up pass, each timed for at least half a second per file, alternately on the
 * same lines so that a shared, loaded machine slows both alike. Throughput is per CPU-second of the process (what the
 * code costs; the process, because Lingua works on a thread pool of its own: pin the run to one core with
 * {@code taskset -c 1}) and, for the totals, also per wall-clock second.
 * <p>
 * Run: {@code ./luister eval-language [DATA_DIR] [first|second|all]}, the last argument being which half of each file
 * to read (the n-gram margin was chosen on the first half).
 */
public final class LanguageEvaluation {

	private LanguageEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("langid-lingua-testdata");
		String half = args.length > 1 ? args[1] : "all";
		List<String> languages = List.of("nl", "en", "de", "fr", "es");
		double distance = Double.parseDouble(System.getProperty("distance", "0.02"));
		LanguageIdentifier cascade = new LanguageIdentifier(languages, distance, true,
				Integer.getInteger("ngram.order", LanguageIdentifier.NGRAM_ORDER),
				Double.parseDouble(System.getProperty("ngram.margin", String.valueOf(LanguageIdentifier.NGRAM_MARGIN))));
		LanguageIdentifier lingua = new LanguageIdentifier(languages, distance, false);
		lingua.warmUp();
		cascade.warmUp();
		Tokens tokens = new Tokens();
		System.out.printf(Locale.ROOT, "languages=%s lines=%s minimum distance=%.2f, one thread, cascade and Lingua alternately%n",
				languages, half, distance);
		System.out.printf(Locale.ROOT, "%-13s %-4s | %8s %6s %6s %9s | %8s %6s %9s | %6s %7s%n", "kind", "lang",
				"cascade", "und", "fast", "/CPU-s", "lingua", "und", "/CPU-s", "agree", "speedup");
		for (String kind : List.of("sentences", "word-pairs", "single-words")) {
			Totals c = new Totals(), g = new Totals();
			int totalTexts = 0, totalAgree = 0, totalFast = 0;
			for (String language : languages) {
				List<String> all = Files.readAllLines(data.resolve(kind).resolve(language + ".txt"));
				List<String> lines = switch (half) {
					case "first" -> all.subList(0, all.size() / 2);
					case "second" -> all.subList(all.size() / 2, all.size());
					default -> all;
				};
				int fast = 0, agree = 0;
				String[] cascadeAnswers = new String[lines.size()];
				String[] linguaAnswers = new String[lines.size()];
				for (int i = 0; i < lines.size(); i++) { // warm-up pass, and the share the fast stages settle
					cascadeAnswers[i] = cascade.identify(lines.get(i)).language();
					linguaAnswers[i] = lingua.identify(lines.get(i)).language();
					tokens.tokenize(lines.get(i));
					if (cascade.fastPath(tokens) != null) {
						fast++;
					}
					if (cascadeAnswers[i].equals(linguaAnswers[i])) {
						agree++;
					}
				}
				Totals lc = c.time(cascade, lines, language);
				Totals lg = g.time(lingua, lines, language);
				int n = lines.size();
				System.out.printf(Locale.ROOT, "%-13s %-4s | %8.4f %6.3f %6.3f %,9.0f | %8.4f %6.3f %,9.0f | %6.3f %6.1fx%n",
						kind, language, (double) lc.right / n, (double) lc.undetermined / n, (double) fast / n,
						lc.texts / (lc.cpuNanos / 1e9), (double) lg.right / n, (double) lg.undetermined / n,
						lg.texts / (lg.cpuNanos / 1e9), (double) agree / n,
						(lc.texts / (double) lc.cpuNanos) / (lg.texts / (double) lg.cpuNanos));
				totalTexts += n;
				totalAgree += agree;
				totalFast += fast;
			}
			System.out.printf(Locale.ROOT, "%-13s %-4s | %8.4f %6.3f %6.3f %,9.0f | %8.4f %6.3f %,9.0f | %6.3f %6.1fx%n",
					kind, "all", (double) c.right / totalTexts, (double) c.undetermined / totalTexts,
					(double) totalFast / totalTexts, c.texts / (c.cpuNanos / 1e9), (double) g.right / totalTexts,
					(double) g.undetermined / totalTexts, g.texts / (g.cpuNanos / 1e9), (double) totalAgree / totalTexts,
					(c.texts / (double) c.cpuNanos) / (g.texts / (double) g.cpuNanos));
			System.out.printf(Locale.ROOT, "%-13s %-4s   wall clock: cascade %,.0f texts/s, Lingua %,.0f texts/s%n", kind,
					"all", c.texts / (c.nanos / 1e9), g.texts / (g.nanos / 1e9));
		}
	}

	/** Right and undetermined answers and time spent, accumulated over calls to {@link #time}. */
	private static final class Totals {
		private static final com.sun.management.OperatingSystemMXBean OS =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		static double sink;
		int right, undetermined;
		long nanos, cpuNanos, texts;

		/**
		 * Counts right and undetermined answers over one pass, then times whole passes until at least half a second
		 * of wall clock has gone by (process CPU time is only counted in scheduler ticks, so a short pass would read as
		 * zero); {@code texts} counts the timed identifications.
		 */
		Totals time(LanguageIdentifier identifier, List<String> lines, String language) {
			Totals one = new Totals();
			for (String line : lines) {
				String found = identifier.identify(line).language();
				if (found.equals(language)) {
					one.right++;
				}
				else if (found.equals(LanguageIdentifier.UNDETERMINED)) {
					one.undetermined++;
				}
			}
			long start = System.nanoTime(), cpuStart = OS.getProcessCpuTime();
			do {
				for (String line : lines) {
					sink += identifier.identify(line).confidence();
				}
				one.texts += lines.size();
			}
			while (System.nanoTime() - start < 500_000_000L);
			one.cpuNanos = OS.getProcessCpuTime() - cpuStart;
			one.nanos = System.nanoTime() - start;
			right += one.right;
			undetermined += one.undetermined;
			nanos += one.nanos;
			cpuNanos += one.cpuNanos;
			texts += one.texts;
			return one;
		}
	}
}
