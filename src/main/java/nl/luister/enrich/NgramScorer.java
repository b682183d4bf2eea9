package nl.luister.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fast stage of language identification: Lingua's own character 1–{@code maxOrder}-gram models (read from the
 * Lingua jar) in one flat open-addressing table, scored the way Lingua's high-accuracy mode scores them: for every
 * n-gram of every word the log of its relative frequency, backing off to the n-gram's shorter prefixes when a
 * language has not seen it, and a fixed penalty when it has not seen even the first letter. Lingua keeps the same
 * numbers in boxed maps per language and order and allocates per n-gram; this walks the tokenizer's buffer and
 * allocates nothing.
 * <p>
 * Immutable and thread-safe after construction. Loading reads the JSON models of the configured languages once
 * (about 0.5 s and, with five languages and 5-grams, about 1 million distinct n-grams in 56 MB of tables).
 */
final class NgramScorer {

	/** Log-probability of a letter a language's model has never seen (Lingua's rules filter such languages out). */
	private static final float UNSEEN = (float) Math.log(1e-6);
	private static final String[] FILES = { "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams" };

	private final int languages;
	private final int maxOrder;
	private final long[] keys;
	private final float[] logProbabilities; // [slot * languages + language], 0 = not in that language's model
	private final int mask;

	NgramScorer(List<String> codes, int maxOrder) {
		if (maxOrder < 1 || maxOrder > FILES.length) {
			throw new IllegalArgumentException("N-gram order must be 1 to 5, was " + maxOrder);
		}
		this.languages = codes.size();
		this.maxOrder = maxOrder;
		String[][] json = new String[languages][maxOrder];
		int entries = 0;
		for (int l = 0; l < languages; l++) {
			for (int n = 0; n < maxOrder; n++) {
				json[l][n] = read("/language-models/" + codes.get(l) + "/" + FILES[n] + ".json");
				entries += ngramCount(json[l][n]);
			}
		}
		// n-grams shared by several languages take one slot, so the table ends up about half full or less
		int capacity = Integer.highestOneBit(Math.max(1024, entries)) * 2;
		this.keys = new long[capacity];
		this.logProbabilities = new float[capacity * languages];
		this.mask = capacity - 1;
		for (int l = 0; l < languages; l++) {
			for (int n = 0; n < maxOrder; n++) {
				load(json[l][n], l, n + 1);
			}
		}
	}

	/** The n-grams in one model file: they are separated by spaces, and nothing else in the file has one. */
	private static int ngramCount(String json) {
		int count = 1;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == ' ' || c == ':') {
				count++;
			}
		}
		return count;
	}

	/** Parses Lingua's {@code {"language":…,"ngrams":{"3/7":"abc def …",…}}} without building intermediate maps. */
	private void load(String json, int language, int order) {
		int at = json.indexOf("\"ngrams\"");
		if (at < 0) {
			throw new IllegalStateException("Lingua model has no ngrams object");
		}
		at = json.indexOf('{', at) + 1;
		while (true) {
			int keyStart = json.indexOf('"', at);
			if (keyStart < 0) {
				return;
			}
			int slash = json.indexOf('/', keyStart);
			int keyEnd = json.indexOf('"', keyStart + 1);
			int valueStart = json.indexOf('"', keyEnd + 1) + 1;
			int valueEnd = json.indexOf('"', valueStart);
			double p = Double.parseDouble(json.substring(keyStart + 1, slash))
					/ Double.parseDouble(json.substring(slash + 1, keyEnd));
			float logP = p >= 1 ? -1e-6f : (float) Math.log(p); // 0 marks "not seen"
			int s = valueStart;
			while (s < valueEnd) {
				int e = json.indexOf(' ', s);
				if (e < 0 || e > valueEnd) {
					e = valueEnd;
				}
				if (e - s == order) {
					long h = Hashing.hash(json, s, e);
					logProbabilities[slot(h, true) * languages + language] = logP;
				}
				s = e + 1;
			}
			at = valueEnd + 1;
		}
	}

	private static String read(String resource) {
		try (InputStream in = NgramScorer.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Lingua model " + resource + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read Lingua model " + resource, e);
		}
	}

	private int slot(long h, boolean insert) {
		int s = (int) Hashing.mix(h) & mask;
		while (keys[s] != 0 && keys[s] != h) {
			s = (s + 1) & mask;
		}
		if (keys[s] == 0) {
			if (!insert) {
				return -1;
			}
			keys[s] = h;
		}
		return s;
	}

	/**
	 * Adds each language's summed log-probabilities of the words' letter n-grams into {@code scores} and, after them
	 * (so {@code scores} has one slot more than there are languages), the number of letters no configured language
	 * has ever seen (another script); {@code ring} is scratch space of at least {@link #RING} × 5 ints. Stops after a word once the
	 * leader is {@code decisive} ahead, so a long text costs no more than it needs. Returns the number of n-grams
	 * scored.
	 */
	int score(Tokens t, double[] scores, int[] ring, double decisive) {
		Arrays.fill(scores, 0, languages + 1, 0);
		int count = 0;
		char[] b = t.buf;
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] != Tokens.WORD) {
				continue;
			}
			int run = 0; // letters of the current run ending at i
			for (int i = t.start[k]; i < t.end[k]; i++) {
				if (!Character.isLetter(b[i])) {
					run = 0;
					continue;
				}
				run++;
				int longest = Math.min(run, maxOrder);
								// the n-grams ending at i, shortest first; an n-gram's prefixes end earlier, so their slots are in
				// the ring already (indexed by start position and length)
				for (int n = 1; n <= longest; n++) {
					int from = i - n + 1;
					int s = slot(Hashing.hash(b, from, i + 1), false);
					ring[(from & (RING - 1)) * 5 + n - 1] = s;
					if (n == 1 && s < 0) {
						scores[languages]++;
					}
					for (int l = 0; l < languages; l++) {
						float p = s < 0 ? 0 : logProbabilities[s * languages + l];
						for (int m = n - 1; p == 0 && m >= 1; m--) {
							int prefix = ring[(from & (RING - 1)) * 5 + m - 1];
							p = prefix < 0 ? 0 : logProbabilities[prefix * languages + l];
						}
						scores[l] += p == 0 ? UNSEEN : p;
					}
					count++;
				}
			}
			if (count >= 40 && lead(scores) >= decisive) {
				return count;
			}
		}
		return count;
	}

	static final int RING = 8;

	private double lead(double[] scores) {
		double best = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
		for (int l = 0; l < languages; l++) {
			double v = scores[l];
			if (v > best) {
				second = best;
				best = v;
			}
			else if (v > second) {
				second = v;
			}
		}
		return best - second;
	}
}
