package nl.luister.enrich;

/**
 * Rule-based intent cues in Dutch and English over {@link Tokens}: question (question mark, a question word or a
 * verb opening a sentence, or phrases like "hoe kan ik", "does anyone know"), request ("kunnen jullie", "graag",
 * "please", "can you"), praise words, and a Dutch complaint lexicon ("nog steeds niet", "al dagen", "waardeloos",
 * "kapot") for the language that has no trained complaint model. Stateless and thread-safe; allocates nothing.
 */
final class IntentRules {

	private static final WordSet QUESTION_WORDS = WordSet.of("hoe", "waarom", "wat", "wanneer", "waar", "wie",
			"welke", "welk", "hoeveel", "hoelang", "hoezo", "waarmee", "waarvoor", "waardoor", "how", "why", "what",
			"when", "where", "who", "which", "whom", "whose", "wieso", "warum", "wie", "wann", "wo", "pourquoi",
			"comment", "quand", "où", "por", "cómo", "cuándo", "dónde", "qué");
	private static final WordSet QUESTION_VERBS = WordSet.of("kan", "kun", "kunt", "kunnen", "mag", "mogen",
			"moet", "moeten", "is", "zijn", "heeft", "hebben", "heb", "hebt", "weet", "weten", "klopt", "gaat", "gaan",
			"wordt", "worden", "zou", "zouden", "zal", "zullen", "doen", "doet", "komt", "ben", "bent", "can", "could",
			"are", "do", "does", "did", "will", "would", "should", "may", "has", "have", "am", "was", "were", "anyone",
			"anybody", "any", "isn't", "doesn't", "don't", "won't", "can't", "shall");
	private static final Phrases QUESTION_PHRASES = new Phrases("ik vraag me af", "ik heb een vraag", "weet iemand",
			"wie weet", "ik wil graag weten", "ik zou graag willen weten", "graag willen weten", "is het mogelijk",
			"i wonder", "i have a question", "does anyone know", "anyone know", "is it possible", "i was wondering",
			"any idea", "any update", "vraagje", "quick question", "question");
	private static final Phrases REQUEST_PHRASES = new Phrases("kunnen jullie", "kun je", "kunt u", "kunt u mij",
			"wil graag", "zou graag", "graag", "alsjeblieft", "alstublieft", "aub", "svp", "bel me", "bel mij",
			"neem contact", "stuur me", "stuur mij", "help me", "help mij", "please", "pls", "plz", "can you",
			"could you", "would you", "can someone", "dm me", "i need", "i want", "i'd like", "help", "fix");
	private static final WordSet PRAISE_WORDS = WordSet.of("bedankt", "dank", "dankjewel", "dankuwel",
			"dankzij", "top", "geweldig", "geweldige", "fantastisch", "super", "complimenten", "compliment", "chapeau",
			"tevreden", "blij", "aanrader", "behulpzaam", "vriendelijk", "vriendelijke", "prima", "fijn", "netjes",
			"perfect", "uitstekend", "heerlijk", "mooi", "prettig", "thanks", "thank", "thx", "great", "awesome", "love",
			"loved", "amazing", "excellent", "kudos", "appreciate", "appreciated", "helpful", "brilliant", "fantastic",
			"wonderful", "best", "perfect", "shoutout", "danke", "merci", "gracias");
	private static final WordSet DUTCH_COMPLAINT_WORDS = WordSet.of("klacht", "klachten", "waardeloos",
			"waardeloze", "belachelijk", "schandalig", "schande", "onacceptabel", "teleurgesteld", "teleurstellend",
			"slecht", "slechte", "kapot", "beschadigd", "defect", "storing", "vertraagd", "vertraging", "crasht",
			"foutmelding", "fout", "verkeerde", "geblokkeerd", "kwijt", "onbereikbaar", "onbeschoft", "ellende", "gedoe",
			"boos", "woedend", "irritant", "frustrerend", "terugbetaling", "afgeschreven", "geannuleerd", "oplichting",
			"vreselijk", "vreselijke", "stuk", "uitval", "valt", "nooit", "wacht", "wachten", "opdagen", "ongeïnteresseerd",
			"kastje", "nergens", "ontevreden", "misselijk", "lamlendig", "klote", "kut", "bagger");
	private static final Phrases DUTCH_COMPLAINT_PHRASES = new Phrases("nog steeds", "nog geen", "niet bezorgd",
			"niet ontvangen", "niet gekregen", "niet opgelost", "werkt niet", "doet het niet", "niet meer",
			"geen reactie", "geen antwoord", "geen internet", "al dagen", "al weken", "al maanden", "al twee",
			"al drie", "in de wacht", "te veel", "niet tevreden", "kan niet", "niet inloggen", "geld terug",
			"geen stap", "keer dat", "derde keer", "de derde", "nooit meer", "niet komen");
	private static final WordSet NEGATIONS = WordSet.of(Lexicon.DUTCH_NEGATIONS);

	private IntentRules() {
	}

	static double question(Tokens t) {
		if (t.questions > 0) {
			return 0.92;
		}
		double score = 0;
		boolean sentenceStart = true;
		for (int k = 0; k < t.size; k++) {
			byte type = t.type[k];
			if (type == Tokens.USER || type == Tokens.EMOJI || type == Tokens.EMOTICON) {
				continue;
			}
			if (type == Tokens.BREAK || type == Tokens.EXCLAMATION) {
				sentenceStart = true;
				continue;
			}
			if (sentenceStart && type == Tokens.WORD) {
				if (QUESTION_WORDS.contains(t.hash[k])) {
					score = Math.max(score, 0.85);
				}
				else if (QUESTION_VERBS.contains(t.hash[k]) && k + 1 < t.size && t.type[k + 1] == Tokens.WORD) {
					score = Math.max(score, 0.7);
				}
			}
			sentenceStart = false;
		}
		if (matchesAny(t, QUESTION_PHRASES)) {
			score = Math.max(score, 0.8);
		}
		return score;
	}

	static double request(Tokens t) {
		return matchesAny(t, REQUEST_PHRASES) ? 0.75 : 0.1;
	}

	static boolean hasPraiseWord(Tokens t) {
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] == Tokens.WORD && PRAISE_WORDS.contains(t.hash[k])
					&& !(k > 0 && NEGATIONS.contains(t.hash[k - 1]))) {
				return true;
			}
		}
		return false;
	}

	/** Strength of Dutch complaint cues: 0 for none, about 1 per clear cue. */
	static double dutchComplaintCues(Tokens t) {
		double score = 0;
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] == Tokens.WORD && DUTCH_COMPLAINT_WORDS.contains(t.hash[k])
					&& !(k > 0 && NEGATIONS.contains(t.hash[k - 1]))) {
				score += 0.6;
			}
		}
		score += 0.8 * countMatches(t, DUTCH_COMPLAINT_PHRASES);
		if (t.exclamations > 0) {
			score += 0.1;
		}
		return score;
	}

	private static boolean matchesAny(Tokens t, Phrases phrases) {
		return phrases.count(t, true) > 0;
	}

	private static int countMatches(Tokens t, Phrases phrases) {
		return phrases.count(t, false);
	}

	/** Word sequences, looked up by their first word so that a text is walked once, not once per phrase. */
	private static final class Phrases {
		private final long[][] phrases;
		private final WordSet firstWords;

		Phrases(String... phrases) {
			if (phrases.length > 64) {
				throw new IllegalArgumentException("At most 64 phrases per list (a bit each), got " + phrases.length);
			}
			this.phrases = new long[phrases.length][];
			long[] first = new long[phrases.length];
			for (int i = 0; i < phrases.length; i++) {
				String[] words = phrases[i].split(" ");
				this.phrases[i] = new long[words.length];
				for (int w = 0; w < words.length; w++) {
					this.phrases[i][w] = Hashing.hash(words[w]);
				}
				first[i] = this.phrases[i][0];
			}
			this.firstWords = WordSet.ofHashes(first);
		}

		/** How many distinct phrases occur in the text (each counted once); with {@code any}, stops at the first. */
		int count(Tokens t, boolean any) {
			int count = 0;
			long seen = 0; // a bit per phrase already counted
			for (int k = 0; k < t.size; k++) {
				if (t.type[k] != Tokens.WORD || !firstWords.contains(t.hash[k])) {
					continue;
				}
				for (int p = 0; p < phrases.length; p++) {
					long[] phrase = phrases[p];
					if (phrase[0] != t.hash[k] || k + phrase.length > t.size || (seen & (1L << p)) != 0) {
						continue;
					}
					boolean match = true;
					for (int w = 1; w < phrase.length && match; w++) {
						match = t.type[k + w] == Tokens.WORD && t.hash[k + w] == phrase[w];
					}
					if (match) {
						if (any) {
							return 1;
						}
						count++;
						seen |= 1L << p;
					}
				}
			}
			return count;
		}
	}
}
