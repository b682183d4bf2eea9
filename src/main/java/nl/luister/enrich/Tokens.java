package nl.luister.enrich;

/**
 * A reusable tokenizer for short social-media text: words (lower-cased, elongations squashed to two letters),
 * URLs and mentions as placeholders, hashtags as words with a flag, emoji, emoticons and the punctuation that
 * matters for sentiment and intent. Only the first {@link #MAX_CHARS} characters are read, so a 100 KB text costs
 * as much as a 4 KB one. Combining marks (Zalgo), unpaired surrogates and control characters are skipped.
 * <p>
 * Not thread-safe: one instance per thread, reused for every text; {@link #tokenize} allocates nothing.
 */
final class Tokens {

	static final int MAX_CHARS = 4000;

	static final byte WORD = 1, URL = 2, USER = 3, EMOJI = 4, EMOTICON = 5, EXCLAMATION = 6, QUESTION = 7, BREAK = 8,
			NUMBER = 9;

	static final byte FLAG_HASHTAG = 1, FLAG_CAPS = 2, FLAG_ELONGATED = 4;

	static final long URL_HASH = Hashing.hash("<url>"), USER_HASH = Hashing.hash("<user>"),
			NUMBER_HASH = Hashing.hash("<num>"), EXCLAMATION_HASH = Hashing.hash("!"), QUESTION_HASH = Hashing.hash("?"),
			BREAK_HASH = Hashing.hash(".");

	private static final String[] EMOTICONS = { ":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":'(", ":-P", ":P",
			":p", ":-/", ":/", ":-|", ":|", ":o", ":O", "<3", "</3", ":((", ":))", ":-((", "=)", "=(", ":]", ":[", "xD",
			"XD", "^^", "^_^", "-_-", ":s", ":S", ":@", ":*", ";D" };

	final char[] buf = new char[MAX_CHARS * 2 + 16];
	final int[] start = new int[MAX_CHARS + 1];
	final int[] end = new int[MAX_CHARS + 1];
	final byte[] type = new byte[MAX_CHARS + 1];
	final byte[] flags = new byte[MAX_CHARS + 1];
	final long[] hash = new long[MAX_CHARS + 1];
	int size;
	int bufLen;
	int exclamations, questions, elongated, capsWords, words, letters;

	void tokenize(CharSequence text) {
		size = 0;
		bufLen = 0;
		exclamations = questions = elongated = capsWords = words = letters = 0;
		if (text == null) {
			return;
		}
		int n = Math.min(text.length(), MAX_CHARS);
		int i = 0;
		while (i < n && size < MAX_CHARS) {
			char c = text.charAt(i);
			int cp = Character.codePointAt(text, i);
			int cpLen = Character.charCount(cp);
			boolean atStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
			if (Character.isWhitespace(cp)) {
				i += cpLen;
				continue;
			}
			if (atStart && (startsWith(text, i, "http://") || startsWith(text, i, "https://") || startsWith(text, i, "www."))) {
				i = skipNonSpace(text, i, n);
				add(URL, 0, URL_HASH, 0, 0);
				continue;
			}
			if (c == '@' && i + 1 < n && isWordChar(text.charAt(i + 1))) {
				i = skipWord(text, i + 1, n);
				add(USER, 0, USER_HASH, 0, 0);
				continue;
			}
			if (atStart) {
				String emoticon = emoticonAt(text, i, n);
				if (emoticon != null) {
					int from = bufLen;
					for (int k = 0; k < emoticon.length(); k++) {
						buf[bufLen++] = emoticon.charAt(k);
					}
					add(EMOTICON, 0, Hashing.hash(buf, from, bufLen), from, bufLen);
					i += emoticon.length();
					continue;
				}
			}
			if (c == '#' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
				i = word(text, i + 1, n, FLAG_HASHTAG);
				continue;
			}
			if (Character.isLetterOrDigit(cp)) {
				i = word(text, i, n, (byte) 0);
				continue;
			}
			if (c == '!') {
				exclamations++;
				if (size == 0 || type[size - 1] != EXCLAMATION) {
					add(EXCLAMATION, 0, EXCLAMATION_HASH, 0, 0);
				}
			}
			else if (c == '?') {
				questions++;
				if (size == 0 || type[size - 1] != QUESTION) {
					add(QUESTION, 0, QUESTION_HASH, 0, 0);
				}
			}
			else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '\n') {
				if (size > 0 && type[size - 1] != BREAK) {
					add(BREAK, 0, BREAK_HASH, 0, 0);
				}
			}
			else if (isEmoji(cp)) {
				int from = bufLen;
				Character.toChars(cp, buf, bufLen);
				bufLen += cpLen;
				add(EMOJI, 0, Hashing.hash(buf, from, bufLen), from, bufLen);
			}
			i += cpLen;
		}
	}

	private int word(CharSequence text, int i, int n, byte flags) {
		int from = bufLen;
		int upper = 0, lower = 0;
		boolean digitsOnly = true;
		byte f = flags;
		while (i < n) {
			int cp = Character.codePointAt(text, i);
			int cpLen = Character.charCount(cp);
			int t = Character.getType(cp);
			if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
					|| cp == 0x200D || cp == 0xFE0F) {
				i += cpLen;
				continue;
			}
			boolean apostrophe = (cp == '\'' || cp == '\u2019') && bufLen > from && i + 1 < n
					&& Character.isLetter(text.charAt(i + 1));
			if (!Character.isLetterOrDigit(cp) && !apostrophe) {
				break;
			}
			if (bufLen - from >= 64) { // an absurdly long word: keep its start only
				i += cpLen;
				continue;
			}
			if (Character.isUpperCase(cp)) {
				upper++;
			}
			else if (Character.isLowerCase(cp)) {
				lower++;
			}
			if (!Character.isDigit(cp)) {
				digitsOnly = false;
			}
			int lc = apostrophe ? '\'' : Character.toLowerCase(cp);
			if (Character.isBmpCodePoint(lc) && bufLen - from >= 2 && buf[bufLen - 1] == lc && buf[bufLen - 2] == lc) {
				f |= FLAG_ELONGATED;
			}
			else {
				bufLen += Character.toChars(lc, buf, bufLen);
			}
			i += cpLen;
		}
		if (bufLen == from) {
			return i;
		}
		if (upper >= 2 && lower == 0) {
			f |= FLAG_CAPS;
			capsWords++;
		}
		if ((f & FLAG_ELONGATED) != 0) {
			elongated++;
		}
		letters += upper + lower;
		if (digitsOnly) {
			add(NUMBER, f, NUMBER_HASH, from, bufLen);
		}
		else {
			words++;
			add(WORD, f, Hashing.hash(buf, from, bufLen), from, bufLen);
		}
		return i;
	}

	private void add(byte t, int f, long h, int from, int to) {
		type[size] = t;
		flags[size] = (byte) f;
		hash[size] = h;
		start[size] = from;
		end[size] = to;
		size++;
	}

	boolean isWord(int k) {
		return type[k] == WORD;
	}

	/** The token's text, for debugging and rules that need it; allocates. */
	String text(int k) {
		return switch (type[k]) {
			case URL -> "<url>";
			case USER -> "<user>";
			case EXCLAMATION -> "!";
			case QUESTION -> "?";
			case BREAK -> ".";
			default -> new String(buf, start[k], end[k] - start[k]);
		};
	}

	private static boolean startsWith(CharSequence text, int i, String prefix) {
		if (i + prefix.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < prefix.length(); k++) {
			if (Character.toLowerCase(text.charAt(i + k)) != prefix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static String emoticonAt(CharSequence text, int i, int n) {
		char c = text.charAt(i);
		if (c != ':' && c != ';' && c != '=' && c != '<' && c != 'x' && c != 'X' && c != '^' && c != '-') {
			return null;
		}
		String best = null;
		for (String e : EMOTICONS) {
			if (startsWith0(text, i, e) && (i + e.length() >= n || !Character.isLetterOrDigit(text.charAt(i + e.length())))
					&& (best == null || e.length() > best.length())) {
				best = e;
			}
		}
		return best;
	}

	private static boolean startsWith0(CharSequence text, int i, String prefix) {
		if (i + prefix.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < prefix.length(); k++) {
			if (text.charAt(i + k) != prefix.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static int skipNonSpace(CharSequence text, int i, int n) {
		while (i < n && !Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int skipWord(CharSequence text, int i, int n) {
		while (i < n && isWordChar(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	static boolean isEmoji(int cp) {
		if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
			return false; // skin-tone modifiers
		}
		return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2764 || cp == 0x2B50;
	}
}
