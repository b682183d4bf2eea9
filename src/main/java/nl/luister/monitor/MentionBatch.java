package nl.luister.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A batch of mentions, analysed once: each text field's words per mention (in order, for phrases), the keyword
 * values, and per field a map from term to the bit set of the mentions holding it, for {@link DirectTopic direct
 * verification}. The same words make the presearcher's document ({@link #presearchDocument}), so the presearcher
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

	/** Gram terms of each distinct word of the batch. */
	private final Map<String, String[]> grams = new HashMap<>();

	private final Map<String, String> dutchStems = new HashMap<>();

	private final Map<String, String> englishStems = new HashMap<>();

	private IndexSearcher[] searchers;

	private IndexSearcher[] fullSearchers;

	private final Set<String> luceneFields;

	/**
	 * A batch; {@code luceneFields} are the fields Lucene reads to verify the topics it verifies (see
	 * {@link #searcher}).
	 */
	MentionBatch(List<MatchDocument> documents, Set<String> luceneFields) {
		this.documents = documents;
		this.luceneFields = luceneFields;
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
	 * The one document the monitor presearches the whole batch with: per field the terms of all its mentions that
	 * registered topics name ({@code indexed}), stemmed fields and prefix, suffix and gram terms only when some topic
	 * needs them. The presearcher turns the terms of whatever it is given into one query, so a batch's candidates are
	 * the same from this one document as from an index of all its mentions, without building that index; which
	 * mention matches is for the verification to say.
	 */
	Document presearchDocument(boolean dutch, boolean english, boolean affixes, IndexedTerms indexed) {
		Map<String, Set<String>> union = new LinkedHashMap<>();
		for (String base : List.of(MentionAnalysis.TEXT, MentionAnalysis.TITLE)) {
			addNamedTerms(union, indexed, base);
			if (dutch) {
				addNamedTerms(union, indexed, base + "_nl");
			}
			if (english) {
				addNamedTerms(union, indexed, base + "_en");
			}
			if (affixes && namesAffixes(indexed, base)) {
				for (String token : terms(base).keySet()) {
					addNamedAffixes(union, indexed, base, token);
				}
			}
		}
		addNamedTerms(union, indexed, MentionAnalysis.RAW);
		Set<String> pairs = indexed.named(MentionAnalysis.PAIRS);
		if (!pairs.isEmpty()) {
			for (String[] words : text(MentionAnalysis.TEXT)) {
				for (int i = 1; i < words.length; i++) {
					String pair = words[i - 1] + " " + words[i];
					if (pairs.contains(pair)) {
						union.computeIfAbsent(MentionAnalysis.PAIRS, (f) -> new LinkedHashSet<>()).add(pair);
					}
				}
			}
		}
		for (List<String[]> keywords : keywords()) {
			for (String[] keyword : keywords) {
				String field = keyword[0];
				addNamed(union, field, indexed.named(field), keyword[1]);
				if (affixes && MentionAnalysis.PREFIXED.contains(field)) {
					addNamedAffixes(union, indexed, field, keyword[1]);
				}
			}
		}
		return MentionAnalysis.termsDocument(union);
	}

	/** A field's terms in this batch that some topic names; the batch's terms of the field only worked out if any is. */
	private void addNamedTerms(Map<String, Set<String>> union, IndexedTerms indexed, String field) {
		Set<String> named = indexed.named(field);
		if (!named.isEmpty()) {
			addNamed(union, field, named, terms(field).keySet());
		}
	}

	private static boolean namesAffixes(IndexedTerms indexed, String base) {
		return !indexed.named("pfx." + base).isEmpty() || !indexed.named("sfx." + base).isEmpty()
				|| !indexed.named("ngr." + base).isEmpty();
	}

	/** The prefix, suffix and gram terms of one word (or keyword value) of {@code base} that some topic names. */
	private void addNamedAffixes(Map<String, Set<String>> union, IndexedTerms indexed, String base, String word) {
		Set<String> prefixes = indexed.named("pfx." + base);
		Set<String> suffixes = indexed.named("sfx." + base);
		if (!prefixes.isEmpty() || !suffixes.isEmpty()) {
			String[][] both = this.affixes.computeIfAbsent(word, MentionAnalysis::affixes);
			addNamed(union, "pfx." + base, prefixes, both[0]);
			addNamed(union, "sfx." + base, suffixes, both[1]);
		}
		Set<String> grams = indexed.named("ngr." + base);
		if (!grams.isEmpty()) {
			addNamed(union, "ngr." + base, grams, this.grams.computeIfAbsent(word, MentionAnalysis::grams));
		}
	}

	private static void addNamed(Map<String, Set<String>> union, String field, Set<String> named, String... terms) {
		addNamed(union, field, named, Arrays.asList(terms));
	}

	/** Adds the {@code terms} some topic names ({@code named}) to a field of the presearch document. */
	private static void addNamed(Map<String, Set<String>> union, String field, Set<String> named,
			Iterable<String> terms) {
		if (named.isEmpty()) {
			return;
		}
		for (String term : terms) {
			if (named.contains(term)) {
				union.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(term);
			}
		}
	}

	/**
	 * A searcher over one mention alone, for the topics Lucene verifies: an in-memory index of the fields their
	 * verification queries read (given when the batch was made: words, keyword values, followers; never the terms that
	 * only serve the presearcher), from the words already split, as {@link MentionAnalysis#document} indexes them.
	 * Built when first asked for, then kept for the batch.
	 */
	IndexSearcher searcher(int document) {
		if (this.searchers == null) {
			this.searchers = new IndexSearcher[this.documents.size()];
		}
		if (this.searchers[document] == null) {
			MemoryIndex index = new MemoryIndex();
			for (String field : this.luceneFields) {
				if (field.equals(MentionAnalysis.FOLLOWERS)) {
					Integer followers = followers(document);
					if (followers != null) {
						index.addField(new IntPoint(MentionAnalysis.FOLLOWERS, followers), MentionAnalysis.ANALYZER);
					}
					continue;
				}
				String[] words = fieldWords(document, field);
				if (words.length > 0) {
					index.addField(MentionAnalysis.wordsField(field, words), MentionAnalysis.ANALYZER);
				}
			}
			this.searchers[document] = uncached(index);
		}
		return this.searchers[document];
	}

	/**
	 * A searcher over one mention alone with every field {@link MentionAnalysis#document} gives it; kept for the
	 * batch.
	 */
	IndexSearcher fullSearcher(int document) {
		if (this.fullSearchers == null) {
			this.fullSearchers = new IndexSearcher[this.documents.size()];
		}
		if (this.fullSearchers[document] == null) {
			this.fullSearchers[document] = uncached(MentionAnalysis.memoryIndex(this.documents.get(document)));
		}
		return this.fullSearchers[document];
	}

	/** A searcher of a one-mention index without the query cache (a query is run on it once or twice). */
	private static IndexSearcher uncached(MemoryIndex index) {
		IndexSearcher searcher = index.createSearcher();
		searcher.setQueryCache(null);
		return searcher;
	}

	/**
	 * One field's words (or keyword values) of one mention, in order, as {@link MentionAnalysis#document} gives them;
	 * word pairs and prefix, suffix and gram terms too, should a verification query still name them.
	 */
	private String[] fieldWords(int document, String field) {
		if (isText(field)) {
			return words(field, document);
		}
		if (field.equals(MentionAnalysis.PAIRS)) {
			String[] words = words(MentionAnalysis.TEXT, document);
			String[] pairs = new String[Math.max(0, words.length - 1)];
			for (int i = 1; i < words.length; i++) {
				pairs[i - 1] = words[i - 1] + " " + words[i];
			}
			return pairs;
		}
		if (MentionAnalysis.isAffixField(field)) {
			String base = field.substring(4);
			List<String> terms = new ArrayList<>();
			for (String word : isText(base) ? words(base, document) : keywordValues(document, base)) {
				terms.addAll(Arrays.asList(switch (field.substring(0, 3)) {
					case "pfx" -> this.affixes.computeIfAbsent(word, MentionAnalysis::affixes)[0];
					case "sfx" -> this.affixes.computeIfAbsent(word, MentionAnalysis::affixes)[1];
					default -> this.grams.computeIfAbsent(word, MentionAnalysis::grams);
				}));
			}
			return terms.toArray(String[]::new);
		}
		return keywordValues(document, field);
	}

	private String[] keywordValues(int document, String field) {
		List<String> values = new ArrayList<>(2);
		for (String[] keyword : keywords().get(document)) {
			if (keyword[0].equals(field)) {
				values.add(keyword[1]);
			}
		}
		return values.toArray(String[]::new);
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
