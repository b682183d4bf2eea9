package nl.luister.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link LanguageIdentifier} on the Lingua test corpus ({@code langid-lingua-testdata}): accuracy per language
 * and text kind (an undetermined answer counts as wrong), the share left undetermined, and single-thread throughput
 * after a warm-up pass. Run: {@code ./luister eval-language [DATA_DIR] [cascade|lingua]}.
 */
public final class LanguageEvaluation {

	private LanguageEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data").resolve("langid-lingua-testdata");
		boolean cascade = args.length < 2 || args[1].equals("cascade");
		List<String> languages = List.of("nl", "en", "de", "fr", "es");
		LanguageIdentifier identifier = new LanguageIdentifier(languages, Double.parseDouble(System.getProperty("distance", "0.02")), cascade);
		identifier.warmUp();
		System.out.printf(Locale.ROOT, "mode=%s languages=%s%n", cascade ? "cascade" : "lingua-high", languages);
		System.out.printf(Locale.ROOT, "%-14s %-4s %8s %8s %12s%n", "kind", "lang", "accuracy", "und", "texts/s");
		for (String kind : List.of("sentences", "word-pairs", "single-words")) {
			long totalNanos = 0;
			int totalTexts = 0, totalRight = 0;
			for (String language : languages) {
				List<String> lines = Files.readAllLines(data.resolve(kind).resolve(language + ".txt"));
				for (String line : lines) { // warm-up pass
					identifier.identify(line);
				}
				int right = 0, undetermined = 0;
				long start = System.nanoTime();
				for (String line : lines) {
					String found = identifier.identify(line).language();
					if (found.equals(language)) {
						right++;
					}
					else if (found.equals(LanguageIdentifier.UNDETERMINED)) {
						undetermined++;
					}
				}
				long nanos = System.nanoTime() - start;
				totalNanos += nanos;
				totalTexts += lines.size();
				totalRight += right;
				System.out.printf(Locale.ROOT, "%-14s %-4s %8.4f %8.4f %,12.0f%n", kind, language,
						(double) right / lines.size(), (double) undetermined / lines.size(), lines.size() / (nanos / 1e9));
			}
			System.out.printf(Locale.ROOT, "%-14s %-4s %8.4f %8s %,12.0f%n", kind, "all", (double) totalRight / totalTexts,
					"", totalTexts / (totalNanos / 1e9));
		}
	}
}
