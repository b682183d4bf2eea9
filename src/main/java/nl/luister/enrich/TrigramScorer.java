package nl.luister.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fast stage of language identification: sums the log-probabilities of each word's character trigrams under
 * Lingua's own trigram models (read from the Lingua jar) for the configured languages. Lingua's low-accuracy mode
 * does the same but through boxed maps; this walks the tokenizer's buffer with a flat hash table and allocates
 * nothing. Immutable and thread-safe after construction.
 */
final class TrigramScorer {

	private static final Pattern ENTRY = Pattern.compile("\"(\\d+)/(\\d+)\":\"([^\"]*)\"");
	private static final float UNSEEN = (float) Math.log(1e-5);

	private final int languages;
	private final long[] keys;
	private final float[] logProbabilities; // [slot * languages + language]
	private final int mask;

	TrigramScorer(List<String> codes) {
		this.languages = codes.size();
		int capacity = 1 << 18;
		this.keys = new long[capacity];
		this.logProbabilities = new float[capacity * languages];
		this.mask = capacity - 1;
		java.util.Arrays.fill(logProbabilities, UNSEEN);
		for (int l = 0; l < languages; l++) {
			String json = read("/language-models/" + codes.get(l) + "/trigrams.json");
			Matcher m = ENTRY.matcher(json);
			while (m.find()) {
				float logP = (float) Math.log(Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)));
				for (String trigram : m.group(3).split(" ")) {
					if (trigram.length() == 3) {
						logProbabilities[slot(Hashing.hash(trigram), true) * languages + l] = logP;
					}
				}
			}
		}
	}

	private static String read(String resource) {
		try (InputStream in = TrigramScorer.class.getResourceAsStream(resource)) {
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

	/** Adds each language's log-probability of the words' trigrams into {@code scores}; returns the trigram count. */
	int score(Tokens t, double[] scores) {
		int count = 0;
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] != Tokens.WORD) {
				continue;
			}
			char[] b = t.buf;
			for (int i = t.start[k]; i + 3 <= t.end[k]; i++) {
				if (!Character.isLetter(b[i]) || !Character.isLetter(b[i + 1]) || !Character.isLetter(b[i + 2])) {
					continue;
				}
				int s = slot(Hashing.hash(b, i, i + 3), false);
				for (int l = 0; l < languages; l++) {
					scores[l] += s < 0 ? UNSEEN : logProbabilities[s * languages + l];
				}
				count++;
			}
		}
		return count;
	}
}
