package nl.luister.enrich;

/**
 * Turns {@link Tokens} into hashed features for the linear models: word unigrams (marked when inside a negation's
 * scope), bigrams, character 3–5-grams of words, prior polarities from a {@link Lexicon} (flipped and damped by a
 * negation, raised by an intensifier) and counts of exclamations, question marks, elongations, capitals, URLs and
 * mentions. Stateless and thread-safe; writes into the caller's {@link FeatureVector}.
 */
final class Features {

	private static final long UNI = 0x1L, NEG = 0x2L, BI = 0x3L, CHAR = 0x4L, DENSE = 0x5L;
	private static final long START = Hashing.hash("<s>");
	private static final int NEGATION_SCOPE = 3;

	private final int mask;
	private final boolean charGrams;

	Features(int dimension, boolean charGrams) {
		if (Integer.bitCount(dimension) != 1) {
			throw new IllegalArgumentException("Feature dimension must be a power of two, was " + dimension);
		}
		this.mask = dimension - 1;
		this.charGrams = charGrams;
	}

	/** Same feature kinds; the dimension may differ (a smaller one keeps the low bits of a larger one's buckets). */
	boolean sameSettings(Features other) {
		return charGrams == other.charGrams;
	}

	/** @return the text's prior polarity from the lexicon (sum of signed word scores after negation and intensifiers) */
	float extract(Tokens t, Lexicon lexicon, FeatureVector out) {
		out.clear();
		long prev = START;
		int scope = 0;
		boolean intensify = false;
		boolean negated = false;
		float pos = 0, neg = 0, last = 0;
		int posCount = 0, negCount = 0, urls = 0, users = 0, hashtags = 0;
		for (int k = 0; k < t.size; k++) {
			long h = t.hash[k];
			byte type = t.type[k];
			boolean inScope = scope > 0 && (type == Tokens.WORD || type == Tokens.EMOJI || type == Tokens.EMOTICON);
			out.add(bucket(Hashing.combine(h, inScope ? NEG : UNI)), 1f);
			out.add(bucket(Hashing.combine(Hashing.combine(prev, h), BI)), 1f);
			prev = h;
			if (type == Tokens.WORD && charGrams) {
				charGrams(t.buf, t.start[k], t.end[k], out);
			}
			if (type == Tokens.URL) {
				urls++;
			}
			else if (type == Tokens.USER) {
				users++;
			}
			if ((t.flags[k] & Tokens.FLAG_HASHTAG) != 0) {
				hashtags++;
			}
			float s = lexicon.score(h);
			if (s != 0) {
				if (intensify) {
					s *= 1.5f;
				}
				if ((t.flags[k] & (Tokens.FLAG_ELONGATED | Tokens.FLAG_CAPS)) != 0) {
					s *= 1.3f;
				}
				if (inScope) {
					s *= -0.6f;
				}
				if (s > 0) {
					pos += s;
					posCount++;
				}
				else {
					neg -= s;
					negCount++;
				}
				last = s;
			}
			intensify = type == Tokens.WORD && lexicon.isIntensifier(h);
			if (type == Tokens.WORD && lexicon.isNegation(h)) {
				scope = NEGATION_SCOPE;
				negated = true;
			}
			else if (type == Tokens.BREAK || type == Tokens.EXCLAMATION || type == Tokens.QUESTION) {
				scope = 0;
			}
			else if (inScope) {
				scope--;
			}
		}
		out.add(bucket(Hashing.combine(prev, BI) ^ 0x77L), 1f); // end-of-text bigram
		dense(1, pos, out);
		dense(2, neg, out);
		dense(3, pos - neg, out);
		dense(4, last, out);
		indicator(10, Math.round(Math.max(-6, Math.min(6, (pos - neg) * 2))), out);
		indicator(11, Math.min(posCount, 4), out);
		indicator(12, Math.min(negCount, 4), out);
		indicator(13, last > 0 ? 1 : last < 0 ? -1 : 0, out);
		indicator(14, Math.min(t.exclamations, 3), out);
		indicator(15, Math.min(t.questions, 2), out);
		indicator(16, Math.min(t.elongated, 2), out);
		indicator(17, Math.min(t.capsWords, 3), out);
		indicator(18, Math.min(urls, 2), out);
		indicator(19, Math.min(users, 3), out);
		indicator(20, Math.min(hashtags, 3), out);
		indicator(21, negated ? 1 : 0, out);
		return pos - neg;
	}

	private void dense(int id, float v, FeatureVector out) {
		out.add(bucket(Hashing.combine(id, DENSE)), v);
	}

	private void indicator(int id, int v, FeatureVector out) {
		out.add(bucket(Hashing.combine(Hashing.combine(id, DENSE), v + 1000)), 1f);
	}

	private void charGrams(char[] buf, int from, int to, FeatureVector out) {
		int len = to - from;
		for (int n = 3; n <= 5; n++) {
			// positions -1 and len are the word's boundary marks
			for (int s = -1; s + n <= len + 1; s++) {
				long h = 0xcbf29ce484222325L;
				for (int j = s; j < s + n; j++) {
					char c = j < 0 ? '^' : j >= len ? '$' : buf[from + j];
					h = (h ^ c) * 0x100000001b3L;
				}
				out.add(bucket(Hashing.combine(h, CHAR)), 0.5f);
			}
		}
	}

	private int bucket(long h) {
		return (int) h & mask;
	}
}
