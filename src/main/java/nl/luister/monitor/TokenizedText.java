package nl.luister.monitor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A document split into normalised words, ready to be matched by any number of {@link TopicQuery topic
 * queries}. Build it once per document and reuse it for every query.
 *
 * <p>Normalisation: lower case ({@link Locale#ROOT}), Unicode NFD with combining marks removed (so
 * {@code CAFÉ} becomes {@code cafe}), and words split on anything that is not a letter or digit
 * ({@code #KoerierSnel} gives {@code koeriersnel}, {@code @anna_v} gives {@code anna} and {@code v}).
 * Query words go through the very same steps, so both sides always agree.
 *
 * <p>Instances are immutable and safe to share between threads. Factory methods treat {@code null} text as
 * empty.
 */
public final class TokenizedText {

	private final MatchDocument document;

	private final String[] tokens;

	private final Map<String, int[]> positions;

	private final String[] sortedDistinct;

	private TokenizedText(MatchDocument document, List<String> tokenList) {
		this.document = document;
		this.tokens = tokenList.toArray(String[]::new);
		Map<String, List<Integer>> collected = new HashMap<>();
		for (int i = 0; i < this.tokens.length; i++) {
			collected.computeIfAbsent(this.tokens[i], (t) -> new ArrayList<>(2)).add(i);
		}
		Map<String, int[]> positions = HashMap.newHashMap(collected.size());
		collected.forEach((token, list) -> positions.put(token, list.stream().mapToInt(Integer::intValue).toArray()));
		this.positions = positions;
		this.sortedDistinct = positions.keySet().toArray(String[]::new);
		Arrays.sort(this.sortedDistinct);
	}

	/** Tokenises plain text; {@code null} gives an empty document. */
	public static TokenizedText of(String text) {
		return new TokenizedText(new MatchDocument(null, (text == null) ? "" : text, null, null), tokenize(text));
	}

	/**
	 * Tokenises the title followed by the text of a mention; {@code null} fields count as empty. A phrase may
	 * run from the end of the title into the text, as it would for someone reading them one after the other.
	 */
	public static TokenizedText of(MatchDocument document) {
		List<String> tokens = new ArrayList<>(tokenize(document.title()));
		tokens.addAll(tokenize(document.text()));
		return new TokenizedText(document, tokens);
	}

	/** The document these words came from. */
	MatchDocument document() {
		return this.document;
	}

	/** The normalised words in document order. */
	public List<String> tokens() {
		return List.of(this.tokens);
	}

	boolean contains(String token) {
		return this.positions.containsKey(token);
	}

	boolean containsPrefix(String prefix) {
		int index = Arrays.binarySearch(this.sortedDistinct, prefix);
		if (index >= 0) {
			return true;
		}
		int insertion = -index - 1;
		return insertion < this.sortedDistinct.length && this.sortedDistinct[insertion].startsWith(prefix);
	}

	@Override
	public String toString() {
		return String.join(" ", this.tokens);
	}

	/** Splits raw text into normalised words; shared by documents and queries so both sides agree. */
	static List<String> tokenize(CharSequence text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		int length = text.length();
		int start = -1;
		for (int i = 0; i < length;) {
			int cp = Character.codePointAt(text, i);
			boolean wordChar = isWordChar(cp);
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				addNormalized(text.subSequence(start, i).toString(), result);
				start = -1;
			}
			i += Character.charCount(cp);
		}
		if (start >= 0) {
			addNormalized(text.subSequence(start, length).toString(), result);
		}
		return result;
	}

	/**
	 * Letters and digits make words; combining marks are kept with them so that a decomposed {@code é}
	 * (e + U+0301) does not split a word in two before the mark is stripped.
	 */
	static boolean isWordChar(int cp) {
		if (Character.isLetterOrDigit(cp)) {
			return true;
		}
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static void addNormalized(String word, List<String> into) {
		String normalized = normalize(word);
		int start = -1;
		// Lower-casing and decomposition can in rare cases leave non-letters behind; split on them again.
		for (int i = 0; i < normalized.length();) {
			int cp = normalized.codePointAt(i);
			boolean letter = Character.isLetterOrDigit(cp);
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				into.add(normalized.substring(start, i));
				start = -1;
			}
			i += Character.charCount(cp);
		}
		if (start >= 0) {
			into.add((start == 0) ? normalized : normalized.substring(start));
		}
	}

	/** Lower case and accents removed; every other character is kept. */
	static String normalize(String word) {
		if (isAsciiAlphanumeric(word)) {
			return word.toLowerCase(Locale.ROOT);
		}
		String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		StringBuilder stripped = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length();) {
			int cp = decomposed.codePointAt(i);
			int type = Character.getType(cp);
			if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
					&& type != Character.ENCLOSING_MARK) {
				// Greek final sigma depends on where the word ends; fold it so ΟΔΟΣ finds οδοσ and οδος.
				stripped.appendCodePoint(cp == 'ς' ? 'σ' : cp);
			}
			i += Character.charCount(cp);
		}
		return stripped.toString();
	}

	private static boolean isAsciiAlphanumeric(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

}
