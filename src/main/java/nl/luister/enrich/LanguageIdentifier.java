package nl.luister.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Tells the language of a text among a configured set (ISO 639-1 codes), or {@link #UNDETERMINED}. A cascade: a
 * stop-word count settles texts with several unambiguous function words of one language and none of another; then
 * Lingua's own 1–5-gram models, scored allocation-free ({@link NgramScorer}), settle texts where one language leads
 * clearly; Lingua itself (high-accuracy mode, restricted to the configured languages) decides the rest. When
 * Lingua's two best languages are too close, a hint (the author's or thread's language) breaks the tie; without one
 * the answer is undetermined.
 * <p>
 * Thread-safe. Lingua loads its models lazily on first use (a few hundred ms and tens of MB per language); call
 * {@link #warmUp()} to pay that up front. Never throws on bad input: null, empty, emoji-only or URL-only text is
 * undetermined.
 */
public final class LanguageIdentifier {

	public static final String UNDETERMINED = "und";

	/** A language code (or {@link #UNDETERMINED}) and a confidence in [0, 1]. */
	public record Result(String language, double confidence) {
	}

	private static final Map<String, String[]> STOP_WORDS = Map.of(
			"nl", new String[] { "het", "een", "van", "niet", "dat", "zijn", "ook", "maar", "voor", "met", "wat", "wel",
					"nog", "naar", "bij", "dit", "deze", "heb", "hebben", "heeft", "mijn", "jullie", "geen", "ik", "je",
					"jij", "wij", "ze", "zij", "er", "hij", "kan", "kunnen", "moet", "worden", "wordt", "werd", "zo", "dan",
					"nu", "als", "om", "tot", "toch", "hoe", "waarom", "waar", "wanneer", "omdat", "uit", "over", "onder",
					"veel", "meer", "goed", "echt", "heel", "bedankt", "alleen", "iets", "niets", "niks", "daar", "zou",
					"zal", "gaan", "gaat", "ben", "bent", "nooit", "altijd", "weer", "vandaag", "graag", "eens", "jouw",
					"uw", "onze", "ons", "hun", "zich", "zelf", "tussen", "tegen", "zonder", "sinds", "nadat", "terwijl",
					"welke", "mij", "mee", "zeer", "erg", "wordt", "bezorgd", "pakket" },
			"en", new String[] { "the", "and", "are", "were", "of", "to", "with", "that", "this", "have", "has", "had",
					"not", "but", "for", "you", "your", "my", "it's", "i'm", "don't", "can't", "what", "when", "where",
					"why", "how", "who", "which", "would", "could", "should", "will", "just", "been", "being", "they",
					"them", "their", "there", "from", "about", "because", "very", "really", "thanks", "thank", "please",
					"any", "some", "all", "after", "before", "our", "he", "she", "his", "her", "him", "it", "an", "or",
					"if", "do", "does", "did", "at", "by", "yes", "get", "got", "still", "again", "today", "never",
					"always", "i", "me", "is", "be", "than", "then", "these", "those", "into", "out", "up" },
			"de", new String[] { "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "mit", "sich", "auf",
					"für", "ich", "du", "sie", "wir", "es", "dem", "den", "des", "zu", "von", "auch", "aber", "noch",
					"nach", "nur", "bei", "oder", "wenn", "dass", "schon", "sehr", "kann", "können", "wird", "werden",
					"wurde", "sind", "hat", "haben", "mein", "meine", "kein", "keine", "immer", "heute", "danke", "bitte",
					"warum", "wo", "wer", "jetzt", "gut", "mehr", "diese", "dieser", "ganz", "einem", "einer", "im", "vom",
					"zum", "zur", "uns", "euch", "ihnen", "mich", "dich" },
			"fr", new String[] { "le", "la", "les", "un", "une", "des", "du", "et", "est", "sont", "pas", "ne", "je",
					"tu", "il", "elle", "nous", "vous", "ils", "que", "qui", "dans", "pour", "avec", "sur", "ce", "cette",
					"mais", "ou", "où", "très", "bien", "merci", "mon", "ma", "mes", "votre", "vos", "au", "aux", "être",
					"avoir", "fait", "plus", "tout", "toujours", "jamais", "pourquoi", "comment", "quand", "c'est", "j'ai",
					"n'est", "ça", "sa", "ses", "été", "leur", "nos", "notre", "mais", "sans", "chez" },
			"es", new String[] { "el", "los", "las", "una", "unos", "es", "son", "está", "están", "y", "que", "por",
					"para", "con", "pero", "muy", "gracias", "mi", "mis", "tu", "su", "sus", "yo", "usted", "nosotros",
					"ellos", "del", "al", "lo", "como", "cuando", "porque", "qué", "cómo", "dónde", "sí", "hay", "todo",
					"siempre", "nunca", "hoy", "más", "este", "esta", "ese", "esa", "fue", "ser", "estar", "tiene", "tengo",
					"hace", "también", "ya", "pues", "le", "se", "me", "nos", "les" });

	private static final int MIN_LETTERS = 3;

	private final List<String> languages;
	private final LanguageDetector lingua;
	/** Unambiguous stop words: open-addressing table of word hashes and the index of their language. */
	private final long[] stopWordKeys;
	private final byte[] stopWordLanguages;
	private final int stopWordMask;
	private final ThreadLocal<int[]> stopWordCounts;
	private final boolean fastPath;
	/** Whether every configured language has a stop-word list (else that stage would favour the ones that do). */
	private final boolean stopWords;
	private final double minimumDistance;
	private final NgramScorer ngrams;
	private final ThreadLocal<double[]> ngramScores;
	private final ThreadLocal<int[]> ngramRing = ThreadLocal.withInitial(() -> new int[NgramScorer.RING * 5]);
	private final double ngramMargin;
	/** Lingua's longest n-grams; shorter orders alone separate Dutch from German and English less well. */
	static final int NGRAM_ORDER = 5;
	/**
	 * How far (natural log of the likelihood ratio) the best language's n-gram score must lead the second before
	 * Lingua is skipped. Chosen on the first half of each Lingua test file (see docs/understanding.md).
	 */
	static final double NGRAM_MARGIN = 1;
	/** A lead no further words overturn in practice: scoring stops there (long texts). */
	private static final double DECISIVE = 60;
	private final ThreadLocal<Tokens> tokens = ThreadLocal.withInitial(Tokens::new);

	/**
	 * @param languages       ISO 639-1 codes Lingua knows (e.g. nl, en, de, fr, es); at least two
	 * @param minimumDistance how far Lingua's best probability must lead the second before it is believed (0–1)
	 * @param fastPath        settle clear cases by stop words and n-gram scores before asking Lingua
	 */
	public LanguageIdentifier(List<String> languages, double minimumDistance, boolean fastPath) {
		this(languages, minimumDistance, fastPath, NGRAM_ORDER, NGRAM_MARGIN);
	}

	LanguageIdentifier(List<String> languages, double minimumDistance, boolean fastPath, int ngramOrder,
			double ngramMargin) {
		if (languages == null || languages.size() < 2) {
			throw new IllegalArgumentException("Language identification needs at least two languages, got " + languages);
		}
		List<Language> lingua = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (String code : languages) {
			String c = code.trim().toLowerCase(Locale.ROOT);
			lingua.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(c.toUpperCase(Locale.ROOT))));
			codes.add(c);
		}
		this.languages = List.copyOf(codes);
		this.lingua = LanguageDetectorBuilder.fromLanguages(lingua.toArray(Language[]::new)).build();
		this.minimumDistance = minimumDistance;
		this.fastPath = fastPath;
		this.stopWords = STOP_WORDS.keySet().containsAll(codes);
		Map<Long, Integer> stopWordLanguage = new HashMap<>();
		Set<Long> ambiguous = new HashSet<>();
		for (int i = 0; i < codes.size(); i++) {
			for (String w : STOP_WORDS.getOrDefault(codes.get(i), new String[0])) {
				Integer previous = stopWordLanguage.putIfAbsent(Hashing.hash(w), i);
				if (previous != null && previous != i) {
					ambiguous.add(Hashing.hash(w));
				}
			}
		}
		ambiguous.forEach(stopWordLanguage::remove);
		int capacity = Integer.highestOneBit(Math.max(16, stopWordLanguage.size() * 4));
		this.stopWordKeys = new long[capacity];
		this.stopWordLanguages = new byte[capacity];
		this.stopWordMask = capacity - 1;
		stopWordLanguage.forEach((h, language) -> {
			int s = stopWordSlot(h);
			stopWordKeys[s] = h;
			stopWordLanguages[s] = language.byteValue();
		});
		this.stopWordCounts = ThreadLocal.withInitial(() -> new int[this.languages.size()]);
		this.ngrams = this.fastPath ? new NgramScorer(this.languages, ngramOrder) : null;
		this.ngramMargin = ngramMargin;
		this.ngramScores = ThreadLocal.withInitial(() -> new double[this.languages.size() + 1]);
	}

	public List<String> languages() {
		return languages;
	}

	/** Loads Lingua's models for the configured languages now instead of on the first call. */
	public void warmUp() {
		lingua.computeLanguageConfidenceValues("warm up the language models");
	}

	public Result identify(String text) {
		return identify(text, null);
	}

	/** @param hint the author's or thread's language, or null; used only to break a close call */
	public Result identify(String text, String hint) {
		Tokens t = tokens.get();
		t.tokenize(text);
		return identify(t, hint);
	}

	Result identify(Tokens t, String hint) {
		if (t.letters < MIN_LETTERS) {
			return new Result(UNDETERMINED, 0);
		}
		Result quick = fastPath(t);
		if (quick != null) {
			return quick;
		}
		StringBuilder clean = new StringBuilder(t.bufLen + t.size);
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] == Tokens.WORD) {
				clean.append(t.buf, t.start[k], t.end[k] - t.start[k]).append(' ');
			}
		}
		if (clean.isEmpty()) {
			return new Result(UNDETERMINED, 0);
		}
		SortedMap<Language, Double> values = lingua.computeLanguageConfidenceValues(clean.toString());
		if (values.isEmpty()) {
			return new Result(UNDETERMINED, 0);
		}
		Language best = null, second = null;
		double p1 = 0, p2 = 0;
		for (Map.Entry<Language, Double> e : values.entrySet()) {
			double p = e.getValue();
			if (p > p1) {
				second = best;
				p2 = p1;
				best = e.getKey();
				p1 = p;
			}
			else if (p > p2) {
				second = e.getKey();
				p2 = p;
			}
		}
		if (best == null || best == Language.UNKNOWN) {
			return new Result(UNDETERMINED, 0);
		}
		String top = code(best);
		if (p1 - p2 >= minimumDistance) {
			return new Result(top, p1);
		}
		if (hint != null && !hint.isBlank()) {
			String h = hint.trim().toLowerCase(Locale.ROOT);
			if (h.equals(top) || (second != null && h.equals(code(second)))) {
				return new Result(h, h.equals(top) ? p1 : p2);
			}
		}
		return new Result(UNDETERMINED, p1 - p2);
	}

	/** The slot of {@code h} in the stop-word table, or the empty slot where it would go. */
	private int stopWordSlot(long h) {
		int s = (int) Hashing.mix(h) & stopWordMask;
		while (stopWordKeys[s] != 0 && stopWordKeys[s] != h) {
			s = (s + 1) & stopWordMask;
		}
		return s;
	}

	/** The answer of the fast stages (stop words, then n-grams), or null when Lingua has to decide. */
	Result fastPath(Tokens t) {
		if (!fastPath || t.letters < MIN_LETTERS) {
			return null;
		}
		Result quick = stopWords ? byStopWords(t) : null;
		return quick != null ? quick : byNgrams(t);
	}

	private Result byStopWords(Tokens t) {
		int n = languages.size();
		int best = -1, bestCount = 0, secondCount = 0;
		int[] counts = stopWordCounts.get();
		Arrays.fill(counts, 0);
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] == Tokens.WORD) {
				int s = stopWordSlot(t.hash[k]);
				if (stopWordKeys[s] == t.hash[k] && t.hash[k] != 0) {
					counts[stopWordLanguages[s]]++;
				}
			}
		}
		for (int i = 0; i < n; i++) {
			if (counts[i] > bestCount) {
				secondCount = bestCount;
				bestCount = counts[i];
				best = i;
			}
			else if (counts[i] > secondCount) {
				secondCount = counts[i];
			}
		}
		if (bestCount >= 3 && secondCount * 4 <= bestCount && bestCount * 4 >= t.words) {
			return new Result(languages.get(best), Math.min(0.99, 0.8 + 0.04 * (bestCount - secondCount)));
		}
		return null;
	}

	/** Believes Lingua's n-gram models when they put one language far ahead of every other. */
	private Result byNgrams(Tokens t) {
		double[] scores = ngramScores.get();
		int n = languages.size();
		// letters of another script: Lingua's alphabet rules decide (usually undetermined)
		if (ngrams.score(t, scores, ngramRing.get(), DECISIVE) == 0 || scores[n] * 4 >= t.letters) {
			return null;
		}
		int best = 0;
		for (int l = 1; l < n; l++) {
			if (scores[l] > scores[best]) {
				best = l;
			}
		}
		double second = Double.NEGATIVE_INFINITY;
		for (int l = 0; l < n; l++) {
			if (l != best && scores[l] > second) {
				second = scores[l];
			}
		}
		double margin = scores[best] - second;
		if (margin < ngramMargin) {
			return null;
		}
		return new Result(languages.get(best), Math.min(0.99, 0.8 + margin / 200));
	}

	private static String code(Language language) {
		return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
	}
}
