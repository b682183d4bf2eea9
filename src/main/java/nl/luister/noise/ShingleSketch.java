package nl.luister.noise;

import java.util.Arrays;
import java.util.List;

/**
 * The word-set side of a near-duplicate fingerprint, for texts a SimHash misses: a copy cut off at another length,
 * with another headline or first words, or with a word changed in a short text.
 *
 * <p>Made of the word 3-shingles of the first {@link #MAX_WORDS} normalised words:
 * <ul>
 * <li>a <em>bottom-k sketch</em>: the {@link #K} smallest distinct 32-bit shingle hashes, from which
 * {@link #similarity} estimates the Jaccard similarity and the containment of the smaller text in the larger
 * (exact when both texts have at most {@code K} distinct shingles);</li>
 * <li><em>keys</em> for looking a text up: winnowed hashes of word 4-shingles (the smallest of every window of
 * {@link #WINDOW} consecutive ones), at most {@link #MAX_KEYS}, in text order, so two texts that share a passage of
 * {@code WINDOW + 3} words or more share a key (only for texts of {@link #KEYED_MIN_WORDS} words or more);</li>
 * <li>the distinct numbers of three or more digits (hashed, sorted, at most {@link #MAX_NUMBERS}): a shorter text
 * only joins a longer one whose numbers include all of its own, so one template with another order number stays
 * apart however long it is.</li>
 * </ul>
 *
 * <p>Immutable (the arrays are never handed out to be changed); {@link #EMPTY} for texts too short to sketch.
 */
public final class ShingleSketch {

	/** Size of the bottom-k sketch. */
	static final int K = 64;

	/** Only the first this many words are sketched: a cut-off copy shares the start of its article. */
	static final int MAX_WORDS = 200;

	static final int WINDOW = 8;

	static final int MAX_KEYS = 16;

	static final int MAX_NUMBERS = 16;

	/** Texts with fewer words get no sketch: a word set that small says little. */
	static final int MIN_WORDS = 6;

	/** Texts with fewer words get no keys: they are found by their SimHash only (and checked by their sketch). */
	static final int KEYED_MIN_WORDS = 10;

	static final ShingleSketch EMPTY = new ShingleSketch(0, new int[0], new long[0], new long[0]);

	private final int shingles;

	private final int[] bottom;

	private final long[] keys;

	private final long[] numbers;

	/**
	 * @param shingles how many distinct 3-shingles the sketched part has
	 * @param bottom   the smallest of their 32-bit hashes, ascending, at most {@link #K}
	 * @param keys     the look-up keys, at most {@link #MAX_KEYS}
	 * @param numbers  the hashes of the distinct numbers, ascending, at most {@link #MAX_NUMBERS}
	 */
	ShingleSketch(int shingles, int[] bottom, long[] keys, long[] numbers) {
		this.shingles = shingles;
		this.bottom = bottom;
		this.keys = keys;
		this.numbers = numbers;
	}

	/** The sketch of normalised words with their 64-bit hashes; {@link #EMPTY} below {@link #MIN_WORDS} words. */
	static ShingleSketch of(List<String> words, long[] wordHashes) {
		int n = Math.min(words.size(), MAX_WORDS);
		if (n < MIN_WORDS) return EMPTY;
		int[] hashes = new int[n - 2];
		for (int i = 0; i + 2 < n; i++) {
			hashes[i] = (int) (TextFingerprint.shingle(wordHashes[i], wordHashes[i + 1], wordHashes[i + 2]) >>> 32);
		}
		Arrays.sort(hashes);
		int distinct = 0;
		for (int i = 0; i < hashes.length; i++) {
			if (i == 0 || hashes[i] != hashes[i - 1]) hashes[distinct++] = hashes[i];
		}
		int[] bottom = Arrays.copyOf(hashes, Math.min(distinct, K));
		long[] four = new long[n - 3];
		for (int i = 0; i + 3 < n; i++) {
			four[i] = TextFingerprint.shingle(TextFingerprint.shingle(wordHashes[i], wordHashes[i + 1], wordHashes[i + 2]), wordHashes[i + 3], 0x9e3779b97f4a7c15L);
		}
		long[] keys = n >= KEYED_MIN_WORDS ? winnow(four) : new long[0];
		long[] numbers = words.stream().filter(w -> digits(w) >= 3).mapToLong(TextFingerprint::hash).distinct().sorted().limit(MAX_NUMBERS).toArray();
		return new ShingleSketch(distinct, bottom, keys, numbers);
	}

	/** The smallest hash of every window (the rightmost on a tie), each once, in text order, at most MAX_KEYS. */
	private static long[] winnow(long[] hashes) {
		long[] keys = new long[MAX_KEYS];
		int count = 0, last = -1;
		int windows = Math.max(1, hashes.length - WINDOW + 1);
		for (int start = 0; start < windows && count < MAX_KEYS; start++) {
			int min = -1;
			for (int i = start; i < Math.min(hashes.length, start + WINDOW); i++) {
				if (min < 0 || hashes[i] <= hashes[min]) min = i;
			}
			if (min >= 0 && min != last) {
				keys[count++] = hashes[min];
				last = min;
			}
		}
		return Arrays.stream(keys, 0, count).distinct().toArray();
	}

	private static int digits(String w) {
		int n = 0;
		for (int i = 0; i < w.length(); i++) {
			if (Character.isDigit(w.charAt(i))) n++;
		}
		return n;
	}

	/** Whether the text had enough words for a sketch. */
	boolean present() {
		return shingles > 0;
	}

	int shingles() {
		return shingles;
	}

	int[] bottom() {
		return bottom.clone();
	}

	long[] keys() {
		return keys.clone();
	}

	int keyCount() {
		return keys.length;
	}

	long key(int i) {
		return keys[i];
	}

	long[] numbers() {
		return numbers.clone();
	}

	/**
	 * How alike two sketched texts are: the estimated Jaccard similarity of their shingle sets, the estimated share of
	 * the smaller set's shingles found in the larger (containment), and on how many sampled shingles of the smaller
	 * the containment rests.
	 */
	record Similarity(double jaccard, double containment, int sampled) {

		static final Similarity NONE = new Similarity(0, 0, 0);
	}

	/** The similarity of two sketches ({@link Similarity#NONE} when either is empty). */
	Similarity similarity(ShingleSketch other) {
		if (!present() || !other.present()) return Similarity.NONE;
		ShingleSketch small = shingles <= other.shingles ? this : other, large = small == this ? other : this;
		// both sketches hold every shingle hash up to tau: below it, the samples are exact subsets of both sets
		long tau = Math.min(limit(small), limit(large));
		int inSmall = 0, inLarge = 0, both = 0;
		int i = 0, j = 0;
		while (i < small.bottom.length || j < large.bottom.length) {
			long a = i < small.bottom.length ? small.bottom[i] : Long.MAX_VALUE;
			long b = j < large.bottom.length ? large.bottom[j] : Long.MAX_VALUE;
			long v = Math.min(a, b);
			if (v > tau) break;
			if (a == v) {
				inSmall++;
				i++;
			}
			if (b == v) {
				inLarge++;
				j++;
			}
			if (a == v && b == v) both++;
		}
		int union = inSmall + inLarge - both;
		return new Similarity(union == 0 ? 0 : (double) both / union, inSmall == 0 ? 0 : (double) both / inSmall, inSmall);
	}

	/** Every shingle hash of the text up to this value is in the sketch. */
	private static long limit(ShingleSketch s) {
		return s.shingles > s.bottom.length ? s.bottom[s.bottom.length - 1] : Long.MAX_VALUE;
	}

	/** Whether every number of the shorter text occurs in the longer one. */
	boolean numbersAgree(ShingleSketch other) {
		ShingleSketch small = shingles <= other.shingles ? this : other, large = small == this ? other : this;
		if (small.numbers.length == MAX_NUMBERS) return Arrays.equals(small.numbers, large.numbers);
		for (long n : small.numbers) {
			if (Arrays.binarySearch(large.numbers, n) < 0) return false;
		}
		return true;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ShingleSketch s && shingles == s.shingles && Arrays.equals(bottom, s.bottom) && Arrays.equals(keys, s.keys)
				&& Arrays.equals(numbers, s.numbers);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(bottom) + Arrays.hashCode(keys);
	}

	@Override
	public String toString() {
		return "ShingleSketch[shingles=" + shingles + ", keys=" + keys.length + ", numbers=" + numbers.length + "]";
	}
}
