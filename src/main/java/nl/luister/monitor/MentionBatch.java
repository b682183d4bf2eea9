package nl.luister.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A batch of mentions, analysed once: each text field's words per mention (in order, for phrases), the keyword
 * values, and per field a map from term to the bit set of the mentions holding it, for {@link DirectTopic direct
 * verification}. The same words make the presearcher's documents ({@link #presearchDocument}), so the presearcher
 * and the verification see the same terms, from the same analysis {@link MentionAnalysis#document} gives Lucene.
 * Fields are built when first asked for.
 *
 * <p>One instance per batch, used by the matching thread only; bit sets it returns must not be changed.
 */
final class MentionBatch {

	private static final String[] NO_TERMS = new String[0];

	private final List<MatchDocument> documents;

	private final String[] all;

	private final int words;

	private final long[] everything;

	/** Each text field's words, per mention ({@code null} where the mention has no such field, e.g. no title). */
	private final Map<String, String[][]> texts = new HashMap<>();

	private List<List<String[]>> keywords;

	private final Map<String, Map<String, long[]>> terms = new HashMap<>();

	private final Map<String, String[]> sorted = new HashMap<>();

	private final Map<String, long[]> wildcards = new HashMap<>();

	/** Prefix and suffix terms of each distinct word of the batch. */
	private final Map<String, String[][]> affixes = new HashMap<>();

	private final Map<String, String> dutchStems = new HashMap<>();

	private final Map<String, String> englishStems = new HashMap<>();

	MentionBatch(List<MatchDocument> documents) {
		this.documents = documents;
		this.all = new String[documents.size()];
		for (int i = 0; i < this.all.length; i++) {
			this.all[i] = MentionAnalysis.allText(documents.get(i));
		}
		this.words = Math.max(1, (documents.size() + 63) >>> 6);
		this.everything = new long[this.words];
		for (int i = 0; i < documents.size(); i++) {
			this.everything[i >>> 6] |= 1L << i;
		}
	}

	int size() {
		return this.documents.size();
	}

	/** A new empty bit set for this batch. */
	long[] none() {
		return new long[this.words];
	}

	/** Every document of the batch (not to be changed). */
	long[] all() {
		return this.everything;
	}

	/** The documents holding {@code term} in {@code field}; {@code null} when none does. */
	long[] documents(String field, String term) {
		return terms(field).get(term);
	}

	/** The distinct terms of a field in this batch, sorted, for wildcard words. */
	String[] sortedTerms(String field) {
		String[] sortedTerms = this.sorted.get(field);
		if (sortedTerms == null) {
			sortedTerms = terms(field).keySet().toArray(String[]::new);
			Arrays.sort(sortedTerms);
			this.sorted.put(field, sortedTerms);
		}
		return sortedTerms;
	}

	/** The documents a wildcard word matched in this batch, if it was worked out before ({@code key}: field and word). */
	long[] wildcard(String key) {
		return this.wildcards.get(key);
	}

	void wildcard(String key, long[] documents) {
		this.wildcards.put(key, documents);
	}

	/** A text field's words of one document in order, or an empty array. */
	String[] words(String field, int document) {
		String[] tokens = text(field)[document];
		return (tokens == null) ? NO_TERMS : tokens;
	}

	/** The author's follower count of a document, or {@code null}. */
	Integer followers(int document) {
		return this.documents.get(document).followers();
	}

	/**
	 * The document the monitor indexes for one mention: its presearcher reads the terms, and topics with proximity or
	 * sloppy phrases are verified on it; {@code indexed} says which terms it needs. Stemmed fields and prefix/suffix
	 * terms only when some topic needs them.
	 */
	Document presearchDocument(int document, boolean dutch, boolean english, boolean affixes, IndexedTerms indexed) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		for (String base : List.of(MentionAnalysis.TEXT, MentionAnalysis.TITLE)) {
			if (text(base)[document] == null) {
				continue;
			}
			fields.put(base, text(base)[document]);
			if (dutch) {
				fields.put(base + "_nl", text(base + "_nl")[document]);
			}
			if (english) {
				fields.put(base + "_en", text(base + "_en")[document]);
			}
		}
		fields.put(MentionAnalysis.RAW, text(MentionAnalysis.RAW)[document]);
		if (affixes) {
			for (String base : List.of(MentionAnalysis.TEXT, MentionAnalysis.TITLE)) {
				String[] tokens = text(base)[document];
				if (tokens != null) {
					List<String> prefixes = new ArrayList<>(tokens.length * 4);
					List<String> suffixes = new ArrayList<>(tokens.length * 2);
					for (String token : tokens) {
						String[][] both = this.affixes.computeIfAbsent(token, MentionAnalysis::affixes);
						prefixes.addAll(Arrays.asList(both[0]));
						suffixes.addAll(Arrays.asList(both[1]));
					}
					fields.put("pfx." + base, prefixes.toArray(String[]::new));
					fields.put("sfx." + base, suffixes.toArray(String[]::new));
				}
			}
		}
		return MentionAnalysis.presearchDocument(this.documents.get(document), fields, keywords().get(document),
				affixes, indexed);
	}

	private String[][] text(String field) {
		String[][] tokens = this.texts.get(field);
		if (tokens == null && (field.endsWith("_nl") || field.endsWith("_en"))) {
			tokens = stemmed(field);
			this.texts.put(field, tokens);
		}
		if (tokens == null) {
			boolean title = field.startsWith(MentionAnalysis.TITLE);
			tokens = new String[this.all.length][];
			for (int i = 0; i < this.all.length; i++) {
				String value = title ? this.documents.get(i).title() : this.all[i];
				if (value != null) {
					tokens[i] = (field.equals(MentionAnalysis.RAW) ? MentionAnalysis.rawTokens(value)
							: TokenizedText.tokenize(value)).toArray(String[]::new);
				}
			}
			this.texts.put(field, tokens);
		}
		return tokens;
	}

	/**
	 * A stemmed field from its unstemmed twin, each distinct word stemmed once per batch (the stemmer works word by
	 * word, as the analyzer's {@code SnowballFilter} does).
	 */
	private String[][] stemmed(String field) {
		String[][] words = text(field.substring(0, field.length() - 3));
		boolean dutch = field.endsWith("_nl");
		SnowballStemmer stemmer = dutch ? new DutchStemmer() : new EnglishStemmer();
		Map<String, String> stems = dutch ? this.dutchStems : this.englishStems;
		String[][] stemmedWords = new String[words.length][];
		for (int i = 0; i < words.length; i++) {
			if (words[i] == null) {
				continue;
			}
			stemmedWords[i] = new String[words[i].length];
			for (int j = 0; j < words[i].length; j++) {
				stemmedWords[i][j] = stems.computeIfAbsent(words[i][j], (word) -> {
					stemmer.setCurrent(word);
					stemmer.stem();
					return stemmer.getCurrent();
				});
			}
		}
		return stemmedWords;
	}

	/** Per mention, its keyword fields as {@code [field, value]} pairs. */
	private List<List<String[]>> keywords() {
		if (this.keywords == null) {
			List<List<String[]>> byDocument = new ArrayList<>(this.all.length);
			for (int i = 0; i < this.all.length; i++) {
				List<String[]> pairs = new ArrayList<>(8);
				MentionAnalysis.keywords(this.documents.get(i), this.all[i], (f, value) -> pairs.add(new String[] { f, value }));
				byDocument.add(pairs);
			}
			this.keywords = byDocument;
		}
		return this.keywords;
	}

	private Map<String, long[]> terms(String field) {
		Map<String, long[]> byTerm = this.terms.get(field);
		if (byTerm != null) {
			return byTerm;
		}
		byTerm = new HashMap<>();
		if (isText(field)) {
			String[][] tokens = text(field);
			for (int i = 0; i < tokens.length; i++) {
				if (tokens[i] != null) {
					for (String token : tokens[i]) {
						add(byTerm, token, i);
					}
				}
			}
		}
		else {
			List<List<String[]>> byDocument = keywords();
			for (int i = 0; i < byDocument.size(); i++) {
				for (String[] pair : byDocument.get(i)) {
					if (pair[0].equals(field)) {
						add(byTerm, pair[1], i);
					}
				}
			}
		}
		this.terms.put(field, byTerm);
		return byTerm;
	}

	private void add(Map<String, long[]> byTerm, String term, int document) {
		long[] bits = byTerm.get(term);
		if (bits == null) {
			bits = new long[this.words];
			byTerm.put(term, bits);
		}
		bits[document >>> 6] |= 1L << document;
	}

	private static boolean isText(String field) {
		return field.equals(MentionAnalysis.RAW) || field.startsWith(MentionAnalysis.TEXT)
				|| field.startsWith(MentionAnalysis.TITLE);
	}

}
