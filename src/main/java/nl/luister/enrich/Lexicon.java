package nl.luister.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Prior word polarities in [-1, 1] for one language, keyed by the token hash so that a lookup allocates nothing,
 * plus the language's negation words and intensifiers. The word scores come from a resource built by the training
 * code out of the published lexicons (VADER and AFINN for English, Pattern and AFINN for Dutch); emoji polarities are
 * Luister's own short list. Immutable and thread-safe after construction.
 */
final class Lexicon {

	private static final Map<String, Float> EMOJI = Map.ofEntries(Map.entry("😀", .7f), Map.entry("😃", .7f),
			Map.entry("😄", .7f), Map.entry("😁", .7f), Map.entry("😆", .6f), Map.entry("😂", .4f), Map.entry("🤣", .4f),
			Map.entry("😊", .8f), Map.entry("🙂", .5f), Map.entry("😉", .5f), Map.entry("😍", .9f), Map.entry("🥰", .9f),
			Map.entry("😘", .8f), Map.entry("😎", .6f), Map.entry("🤩", .9f), Map.entry("🥳", .8f), Map.entry("👍", .7f),
			Map.entry("👏", .7f), Map.entry("🙌", .7f), Map.entry("💪", .6f), Map.entry("🎉", .8f), Map.entry("❤", .9f),
			Map.entry("💕", .9f), Map.entry("💖", .9f), Map.entry("💯", .6f), Map.entry("✨", .5f), Map.entry("🔥", .4f),
			Map.entry("🙏", .4f), Map.entry("⭐", .5f), Map.entry("✅", .4f), Map.entry("😐", -.1f), Map.entry("😕", -.5f),
			Map.entry("🙁", -.6f), Map.entry("☹", -.6f), Map.entry("😞", -.7f), Map.entry("😟", -.6f), Map.entry("😢", -.7f),
			Map.entry("😭", -.7f), Map.entry("😠", -.9f), Map.entry("😡", -.9f), Map.entry("🤬", -1f), Map.entry("😤", -.7f),
			Map.entry("😒", -.6f), Map.entry("🙄", -.6f), Map.entry("😩", -.7f), Map.entry("😫", -.7f), Map.entry("🤮", -.9f),
			Map.entry("🤢", -.8f), Map.entry("👎", -.8f), Map.entry("💔", -.8f), Map.entry("😱", -.5f), Map.entry("😬", -.3f),
			Map.entry("❌", -.5f), Map.entry("😔", -.6f), Map.entry("😓", -.5f), Map.entry("🤦", -.6f));

	static final String[] ENGLISH_NEGATIONS = { "not", "no", "never", "nothing", "nobody", "none", "nor", "neither",
			"without", "cannot", "cant", "can't", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't",
			"wasnt", "wasn't", "arent", "aren't", "wont", "won't", "wouldnt", "wouldn't", "shouldnt", "shouldn't",
			"couldnt", "couldn't", "havent", "haven't", "hasnt", "hasn't", "aint", "ain't", "hardly", "barely" };
	static final String[] DUTCH_NEGATIONS = { "niet", "geen", "nooit", "niets", "niks", "nergens", "niemand", "zonder",
			"noch", "allerminst", "nauwelijks", "amper" };
	static final String[] ENGLISH_INTENSIFIERS = { "very", "really", "so", "extremely", "super", "totally", "absolutely",
			"completely", "utterly", "incredibly", "too", "most", "highly", "truly", "such", "damn", "freaking", "fucking" };
	static final String[] DUTCH_INTENSIFIERS = { "erg", "heel", "zeer", "echt", "super", "zo", "enorm", "ontzettend",
			"hartstikke", "vreselijk", "verschrikkelijk", "ongelooflijk", "totaal", "compleet", "volledig", "te", "mega",
			"bijzonder", "uiterst", "knap", "best", "keihard" };

	private final long[] keys;
	private final float[] values;
	private final int mask;
	private final WordSet negations;
	private final WordSet intensifiers;

	private Lexicon(Map<String, Float> words, String[] negations, String[] intensifiers) {
		int capacity = Integer.highestOneBit(Math.max(16, (words.size() + EMOJI.size()) * 2)) * 2;
		this.keys = new long[capacity];
		this.values = new float[capacity];
		this.mask = capacity - 1;
		Arrays.fill(keys, 0L);
		words.forEach(this::put);
		EMOJI.forEach(this::put);
		this.negations = WordSet.of(negations);
		this.intensifiers = WordSet.of(intensifiers);
	}

	static Lexicon english(Map<String, Float> words) {
		return new Lexicon(words, ENGLISH_NEGATIONS, ENGLISH_INTENSIFIERS);
	}

	static Lexicon dutch(Map<String, Float> words) {
		return new Lexicon(words, DUTCH_NEGATIONS, DUTCH_INTENSIFIERS);
	}

	static Lexicon forLanguage(String language, Map<String, Float> words) {
		return "nl".equals(language) ? dutch(words) : english(words);
	}

	/** Reads a {@code word<TAB>score} resource (gzip when the name ends in .gz). */
	static Map<String, Float> readWords(String resource) {
		InputStream in = Lexicon.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Lexicon resource " + resource + " is missing from the classpath");
		}
		try (in; BufferedReader reader = new BufferedReader(new InputStreamReader(
				resource.endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
			Map<String, Float> words = new java.util.HashMap<>();
			String line;
			while ((line = reader.readLine()) != null) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					words.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
				}
			}
			return words;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read lexicon resource " + resource, e);
		}
	}

	private void put(String word, float score) {
		long h = Hashing.hash(word);
		if (h == 0) {
			return;
		}
		int slot = (int) Hashing.mix(h) & mask;
		while (keys[slot] != 0 && keys[slot] != h) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = h;
		values[slot] = score;
	}

	/** The prior polarity of the token with this hash, 0 when unknown. */
	float score(long h) {
		int slot = (int) Hashing.mix(h) & mask;
		while (keys[slot] != 0) {
			if (keys[slot] == h) {
				return values[slot];
			}
			slot = (slot + 1) & mask;
		}
		return 0f;
	}

	boolean isNegation(long h) {
		return negations.contains(h);
	}

	boolean isIntensifier(long h) {
		return intensifiers.contains(h);
	}
}
