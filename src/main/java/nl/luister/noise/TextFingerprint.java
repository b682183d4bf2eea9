package nl.luister.noise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The near-duplicate fingerprint of a text: a 64-bit SimHash over its words and word pairs, a hash of the numbers
 * in it and its word count.
 *
 * <p>Normalisation before hashing: Unicode NFKC (so NFC and NFD spellings and full-width letters agree), lower
 * case, web addresses and @mentions removed, a leading retweet marker ({@code RT @x:}) removed, and words split on
 * anything that is not a letter or digit. Two texts are near-identical ({@link #nearlyEquals}) when both have at
 * least {@code minWords} words, the same numbers (so "order 1234 shipped" and "order 5678 shipped", one template with
 * different order numbers, stay apart) and SimHashes at most {@code maxDistance} bits apart.
 *
 * <p>Immutable; the factory is stateless and thread-safe and treats {@code null} as empty text.
 *
 * @param simhash the 64-bit SimHash of the words and adjacent word pairs
 * @param numbers an order-insensitive hash of the distinct numbers of three or more digits (0 when none)
 * @param words   how many words the normalised text has
 */
public record TextFingerprint(long simhash, long numbers, int words) {

	/** The SimHash is cut into this many bands: two fingerprints within {@code BANDS - 1} bits share one exactly. */
	public static final int BANDS = 6;

	private static final int[] BAND_START = { 0, 11, 22, 33, 44, 54, 64 };

	private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S*");

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");

	/** Texts longer than this are fingerprinted on their first part: a near-duplicate is clear long before. */
	static final int MAX_CHARS = 20_000;

	/** The fingerprint of a text ({@code null} is empty). */
	public static TextFingerprint of(String text) {
		List<String> words = words(text);
		long[] counts = new long[64];
		int features = 0;
		long numbers = 0;
		java.util.Set<String> seenNumbers = new java.util.HashSet<>();
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			add(counts, hash(w));
			features++;
			if (i > 0) {
				add(counts, hash(words.get(i - 1) + ' ' + w));
				features++;
			}
			if (digits(w) >= 3 && seenNumbers.add(w)) numbers += mix(hash(w) ^ 0x5bd1e995L);
		}
		long simhash = 0;
		if (features > 0) {
			for (int bit = 0; bit < 64; bit++) {
				if (counts[bit] > 0) simhash |= 1L << bit;
			}
		}
		return new TextFingerprint(simhash, numbers, words.size());
	}

	/**
	 * The normalised words the fingerprint is made of: NFKC, lower case, without web addresses, @mentions and a
	 * leading retweet marker.
	 */
	public static List<String> words(String text) {
		if (text == null || text.isEmpty()) return List.of();
		String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		t = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		t = URL.matcher(t).replaceAll(" ");
		t = MENTION.matcher(t).replaceAll(" ");
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i < t.length();) {
			int cp = t.codePointAt(i);
			boolean word = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
			if (word && start < 0) start = i;
			else if (!word && start >= 0) {
				words.add(t.substring(start, i));
				start = -1;
			}
			i += Character.charCount(cp);
		}
		if (start >= 0) words.add(t.substring(start));
		if (!words.isEmpty() && words.getFirst().equals("rt")) words.removeFirst();
		return words;
	}

	/** Whether two texts are near-identical (see the type's description). */
	public boolean nearlyEquals(TextFingerprint other, int maxDistance, int minWords) {
		return words >= minWords && other.words >= minWords && numbers == other.numbers
				&& distance(other) <= maxDistance;
	}

	/** How many bits the SimHashes differ in. */
	public int distance(TextFingerprint other) {
		return Long.bitCount(simhash ^ other.simhash);
	}

	/** Band {@code i} (0 to {@link #BANDS} - 1) of the SimHash, as the index looks it up. */
	public int band(int i) {
		int from = BAND_START[i], to = BAND_START[i + 1];
		return (int) ((simhash >>> from) & ((1L << (to - from)) - 1));
	}

	private static void add(long[] counts, long h) {
		for (int bit = 0; bit < 64; bit++) {
			counts[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
		}
	}

	private static int digits(String w) {
		int n = 0;
		for (int i = 0; i < w.length(); i++) {
			if (Character.isDigit(w.charAt(i))) n++;
		}
		return n;
	}

	/** FNV-1a over the UTF-16 units, then a finaliser so every bit depends on every character. */
	static long hash(String s) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < s.length(); i++) {
			h ^= s.charAt(i);
			h *= 0x100000001b3L;
		}
		return mix(h);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb93fe34e53b9L;
		return z ^ (z >>> 33);
	}
}
