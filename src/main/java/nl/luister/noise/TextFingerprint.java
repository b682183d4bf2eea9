package nl.luister.noise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The near-duplicate fingerprint of a text: a 64-bit SimHash over its words and word pairs, a hash of the numbers
 * in it, its word count and a {@link ShingleSketch} of its word 3-shingles.
 *
 * <p>Normalisation before hashing: Unicode NFKC (so NFC and NFD spellings and full-width letters agree), lower
 * case, web addresses, @mentions and #hashtags removed, a leading retweet marker ({@code RT @x:}) removed, trailing
 * "read more" tails ("Lees verder", "Read more »", "Continue reading") and source lines ("Bron: …", "(ANP)",
 * "— NOS", "Copyright …", "Dit artikel verscheen …") removed, and words split on anything that is not a letter or
 * digit. Two texts are near-identical ({@link #nearlyEquals}) when both have at least {@code minWords} words, the
 * same numbers (so "order 1234 shipped" and "order 5678 shipped", one template with different order numbers, stay
 * apart) and SimHashes at most {@code maxDistance} bits apart. The sketch decides the cases the SimHash cannot (see
 * {@link DuplicateIndex}).
 *
 * <p>Immutable; the factory is stateless and thread-safe and treats {@code null} as empty text.
 *
 * @param simhash the 64-bit SimHash of the words and adjacent word pairs
 * @param numbers an order-insensitive hash of the distinct numbers of three or more digits (0 when none)
 * @param words   how many words the normalised text has
 * @param sketch  the shingle sketch, {@link ShingleSketch#EMPTY} for texts too short; never {@code null}
 */
public record TextFingerprint(long simhash, long numbers, int words, ShingleSketch sketch) {

	public TextFingerprint {
		if (sketch == null) sketch = ShingleSketch.EMPTY;
	}

	/** The SimHash is cut into this many bands: two fingerprints within {@code BANDS - 1} bits share one exactly. */
	public static final int BANDS = 6;

	private static final int[] BAND_START = { 0, 11, 22, 33, 44, 54, 64 };

	private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S*");

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");

	/** A "read more" link text at the end, with what a feed puts around it ("»", "…", "[…]", "op nu.nl"). */
	private static final Pattern TAIL = Pattern.compile("(?:lees (?:verder|meer|het hele artikel|het volledige artikel)|meer lezen|verder lezen"
			+ "|read (?:more|the full (?:story|article))|continue reading|full story)(?:\\s+(?:op|on|at)\\s+[\\p{L}\\p{N}.-]+)?[\\s\\p{P}\\p{S}]*$");

	/** A source line at the end (at most 80 characters from its marker), or a bare "via" left of "via @account". */
	private static final Pattern SOURCE = Pattern.compile("(?:(?:\\bbron|\\bsource)\\s*:|\\bcopyright\\b|©|\\(c\\)|\\bdit (?:artikel|bericht) verscheen"
			+ "|\\bthis (?:article|story) (?:first )?appeared)[^\\n]{0,80}$|\\bvia[\\s\\p{P}]*$");

	/** A news agency or outlet credited at the end: "(ANP)", "— NOS", "- Reuters". */
	private static final Pattern CREDIT = Pattern.compile("(?:\\((?:[\\p{L}. ]{2,20})\\)|\\s[—–-]\\s*[\\p{L}.]{2,20})[\\s\\p{P}\\p{S}]*$");

	/** A dateline an agency puts before a text: "UTRECHT (ANP) - ", "DEN HAAG - ", "LONDON (Reuters) — ". */
	private static final Pattern DATELINE = Pattern.compile("^\\s*\\p{Lu}{2}[\\p{Lu} .'-]{0,28}?(?:\\s*\\([\\p{L}]{2,12}\\))?\\s*[-–—]\\s+");

	/** What an editor or feed puts where it cut a text: "…", "...", "[…]". */
	private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s\\p{P}\\p{S}&&[^)]]+$");

	/** Texts longer than this are fingerprinted on their first part: a near-duplicate is clear long before. */
	static final int MAX_CHARS = 20_000;

	/** The fingerprint of a text ({@code null} is empty). */
	public static TextFingerprint of(String text) {
		return of(null, text);
	}

	/**
	 * The fingerprint of a text with a headline ({@code null} for none): the SimHash covers both, the sketch only the
	 * text when it has enough words of its own, because outlets that carry one article each write their own headline.
	 */
	public static TextFingerprint of(String title, String text) {
		List<String> body = words(text);
		List<String> words = body;
		if (title != null && !title.isBlank()) {
			words = new ArrayList<>(words(title));
			words.addAll(body);
		}
		long[] counts = new long[64];
		long[] hashes = new long[words.size()];
		int features = 0;
		long numbers = 0;
		java.util.Set<String> seenNumbers = new java.util.HashSet<>();
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			hashes[i] = hash(w);
			add(counts, hashes[i]);
			features++;
			if (i > 0) {
				add(counts, hash(words.get(i - 1) + ' ' + w));
				features++;
			}
			if (digits(w) >= 3 && seenNumbers.add(w)) numbers += mix(hashes[i] ^ 0x5bd1e995L);
		}
		long simhash = 0;
		if (features > 0) {
			for (int bit = 0; bit < 64; bit++) {
				if (counts[bit] > 0) simhash |= 1L << bit;
			}
		}
		boolean bodyAlone = words != body && body.size() >= ShingleSketch.KEYED_MIN_WORDS;
		ShingleSketch sketch = bodyAlone
				? ShingleSketch.of(body, java.util.Arrays.copyOfRange(hashes, words.size() - body.size(), words.size()))
				: ShingleSketch.of(words, hashes);
		return new TextFingerprint(simhash, numbers, words.size(), sketch);
	}

	/**
	 * The normalised words the fingerprint is made of: NFKC, lower case, without web addresses, @mentions, #hashtags,
	 * a leading retweet marker and trailing "read more" tails and source lines.
	 */
	public static List<String> words(String text) {
		if (text == null || text.isEmpty()) return List.of();
		String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		t = Normalizer.normalize(t, Normalizer.Form.NFKC);
		t = DATELINE.matcher(t).replaceFirst("");
		t = t.toLowerCase(Locale.ROOT);
		if (t.contains("http") || t.contains("www.")) t = URL.matcher(t).replaceAll(" ");
		if (t.indexOf('@') >= 0) t = MENTION.matcher(t).replaceAll(" ");
		if (t.indexOf('#') >= 0) t = HASHTAG.matcher(t).replaceAll(" ");
		t = stripTails(t);
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

	/**
	 * Removes what outlets and feeds put after a text (a "read more" link, a source line, an agency credit, cut
	 * marks), from the end, as long as one is found; a text is never stripped to less than half its length, so a
	 * message that merely ends in "lees verder" keeps its words.
	 */
	static String stripTails(String t) {
		String s = t.strip();
		for (int round = 0; round < 6; round++) {
			String before = s;
			for (int p = 0; p < TAIL_PATTERNS.length; p++) {
				// only the last part is searched (a tail is short, and a long text must not cost a scan per pattern), and
				// only when it holds a word the pattern needs: most messages have no tail, and a regex search costs
				int from = Math.max(s.length() / 2, s.length() - 400);
				if (!mayHold(s, from, TAIL_TRIGGERS[p])) continue;
				java.util.regex.Matcher m = TAIL_PATTERNS[p].matcher(s).region(from, s.length()).useTransparentBounds(true).useAnchoringBounds(false);
				if (m.find()) s = s.substring(0, m.start()).strip();
			}
			if (s.equals(before)) break;
		}
		return s;
	}

	private static final Pattern[] TAIL_PATTERNS = { TRAILING_MARKS, TAIL, SOURCE, CREDIT };

	/** For each of {@link #TAIL_PATTERNS}: it can only match where one of these occurs ({@code null}: a last mark). */
	private static final String[][] TAIL_TRIGGERS = { null, { "lees", "lezen", "read", "continue", "full story" },
			{ "bron", "source", "copyright", "©", "(c)", "verscheen", "appeared", "via" }, { ")", "-", "—", "–" } };

	private static boolean mayHold(String s, int from, String[] triggers) {
		if (s.isEmpty()) return false;
		if (triggers == null) {
			int last = s.codePointBefore(s.length());
			return !Character.isLetterOrDigit(last) && last != ')';
		}
		for (String trigger : triggers) {
			if (s.indexOf(trigger, from) >= 0) return true;
		}
		return false;
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

	/** The hash of three consecutive word hashes (order matters). */
	static long shingle(long a, long b, long c) {
		return mix(a ^ Long.rotateLeft(b, 21) ^ Long.rotateLeft(c, 42) ^ 0x2545f4914f6cdd1dL);
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
