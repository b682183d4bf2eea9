package nl.luister.monitor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.memory.MemoryIndex;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * How a {@link MatchDocument} becomes Lucene fields, and the analyzers both documents and queries use.
 *
 * <p>Fields: {@code text} (title then text, folded words as {@link TokenizedText} makes them), {@code title},
 * their stemmed twins ({@code _nl}, {@code _en}), {@code raw} (exact case and accents, NFC), keyword fields
 * ({@code author}, {@code tag}, {@code mention}, {@code site} with every host suffix, {@code url},
 * {@code lang}, {@code source}, {@code channel}), {@code followers} as an int point, and prefix
 * fields ({@code pfx.}) holding the first two to five characters of each word so a wildcard word still gives the
 * presearcher a term to select on ({@code pfx.text} holds {@code 2ko}, {@code 3koe}, {@code 4koer} and
 * {@code 5koeri} for {@code koerier}).
 *
 * <p>Stateless; the analyzer is thread-safe (Lucene reuses components per thread).
 */
final class MentionAnalysis {

	static final String TEXT = "text";
	static final String TITLE = "title";
	static final String RAW = "raw";
	static final String FOLLOWERS = "followers";

	/** Adjacent word pairs of the (unstemmed) text: a phrase's pair is a far better presearch term than its words. */
	static final String PAIRS = "pairs.text";

	/**
	 * The longest prefix term: a wildcard word selects its topic by up to this many leading letters, so
	 * {@code bezorg*} is a candidate for mentions with a word starting {@code bezor}, not for all starting {@code be}.
	 */
	static final int MAX_PREFIX = 5;

	/**
	 * The longest suffix term: {@code zek*69} also needs a word ending in {@code 69}, which the multipass
	 * presearcher uses as a second required term.
	 */
	static final int MAX_SUFFIX = 3;

	/**
	 * The length of a gram term ({@code ngr.<field>}): a wildcard word whose literal start is short
	 * ({@code rab?onster11234*}) selects its topic by letters from its middle ({@code 1123}).
	 */
	static final int GRAM = 4;

	/** The most gram terms a wildcard word adds to its query: the presearcher uses the best two. */
	static final int MAX_GRAMS = 3;

	/**
	 * Fields whose words get two- to five-letter prefix terms in {@code pfx.<field>}, suffix terms in
	 * {@code sfx.<field>} and {@value #GRAM}-letter gram terms in {@code ngr.<field>}.
	 */
	static final List<String> PREFIXED = List.of(TEXT, TITLE, "author", "tag", "mention", "url");

	/** Structured fields: weighed low by the presearcher so a text term is picked whenever a query has one. */
	static final Set<String> FILTER_FIELDS = Set.of("lang", "source", "channel", "site");

	static final Analyzer ANALYZER = new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
		@Override
		protected TokenStreamComponents createComponents(String field) {
			if (field.equals(RAW)) {
				return new TokenStreamComponents(new ListTokenizer(MentionAnalysis::rawTokens));
			}
			if (field.equals(PAIRS)) {
				return new TokenStreamComponents(new ListTokenizer(MentionAnalysis::pairs));
			}
			if (isAffixField(field)) {
				return new TokenStreamComponents(new ListTokenizer((text) -> List.of(text.toString().split(" "))));
			}
			if (field.startsWith(TEXT) || field.startsWith(TITLE)) {
				Tokenizer tokenizer = new ListTokenizer(TokenizedText::tokenize);
				if (field.endsWith("_nl")) {
					return new TokenStreamComponents(tokenizer, new SnowballFilter(tokenizer, new DutchStemmer()));
				}
				if (field.endsWith("_en")) {
					return new TokenStreamComponents(tokenizer, new SnowballFilter(tokenizer, new EnglishStemmer()));
				}
				return new TokenStreamComponents(tokenizer);
			}
			return new TokenStreamComponents(new KeywordTokenizer());
		}
	};

	/**
	 * Words with their positions (phrases and proximity read them), without norms: matching never scores, and the
	 * norms of every field of every mention were a visible share of indexing a batch.
	 */
	private static final FieldType WORDS = fieldType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

	/** Terms a query only asks the presence of (word pairs, prefixes, suffixes): no positions, no norms. */
	private static final FieldType TERMS_ONLY = fieldType(IndexOptions.DOCS);

	private static FieldType fieldType(IndexOptions options) {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setOmitNorms(true);
		type.setIndexOptions(options);
		type.freeze();
		return type;
	}

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_&])#([\\p{L}\\p{M}\\p{N}_]+)");

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_])@([\\p{L}\\p{M}\\p{N}_]+)");

	private MentionAnalysis() {
	}

	/** The text field (title or text) of a topic with this stemming. */
	static String field(String base, Stemming stemming) {
		return switch (stemming) {
			case NONE -> base;
			case DUTCH -> base + "_nl";
			case ENGLISH -> base + "_en";
		};
	}

	/** A document for the monitor; stemmed fields and prefix/suffix fields only when some topic needs them. */
	static Document document(MatchDocument mention, boolean dutch, boolean english, boolean affixes) {
		Document doc = new Document();
		String all = allText(mention);
		addText(doc, TEXT, all, dutch, english, affixes);
		doc.add(new Field(PAIRS, all, TERMS_ONLY));
		if (mention.title() != null) {
			addText(doc, TITLE, mention.title(), dutch, english, affixes);
		}
		doc.add(new Field(RAW, all, WORDS));
		keywords(mention, all, (field, value) -> {
			if (field.equals("site")) {
				doc.add(new StringField(field, value, Field.Store.NO));
			}
			else {
				addKeyword(doc, field, value, affixes);
			}
		});
		if (mention.followers() != null) {
			doc.add(new IntPoint(FOLLOWERS, mention.followers()));
		}
		return doc;
	}

	/** What the {@code text} field is made of: the title (if any), a line break, then the text. */
	static String allText(MatchDocument mention) {
		return (mention.title() == null) ? nullToEmpty(mention.text()) : mention.title() + "\n" + nullToEmpty(mention.text());
	}

	/**
	 * The values of the keyword fields ({@code author}, {@code tag}, {@code mention}, {@code url}, {@code site},
	 * {@code lang}, {@code source}, {@code channel}) in the order {@link #document} indexes them; empty values are
	 * left out. {@code all} is {@link #allText} of the mention.
	 */
	static void keywords(MatchDocument mention, String all, java.util.function.BiConsumer<String, String> sink) {
		keyword(sink, "author", handle(mention.authorHandle()));
		for (String tag : extract(HASHTAG, all)) {
			keyword(sink, "tag", tag);
		}
		for (String handle : extract(MENTION, all)) {
			keyword(sink, "mention", handle);
		}
		if (mention.url() != null) {
			keyword(sink, "url", normalizeUrl(mention.url()));
			for (String suffix : hostSuffixes(host(mention.url()))) {
				sink.accept("site", suffix);
			}
		}
		keyword(sink, "lang", lower(mention.language()));
		keyword(sink, "source", lower(mention.sourceKey()));
		keyword(sink, "channel", lower(mention.channel()));
	}

	private static void keyword(java.util.function.BiConsumer<String, String> sink, String field, String value) {
		if (value != null && !value.isEmpty()) {
			sink.accept(field, value);
		}
	}

	/** A field of words already split, with positions (one per word) and no norms. */
	static Field wordsField(String field, String[] words) {
		return new Field(field, new WordStream(words), WORDS);
	}

	/**
	 * A document of terms only (no positions, no norms): per field, the given terms. The presearcher reads nothing
	 * else of a document.
	 */
	static Document termsDocument(Map<String, ? extends Collection<String>> terms) {
		Document doc = new Document();
		terms.forEach((field, values) -> doc.add(new Field(field, new WordStream(values.toArray(String[]::new)),
				TERMS_ONLY)));
		return doc;
	}

	/** The same document as a one-document in-memory index, for checking one query (previews, tests). */
	static MemoryIndex memoryIndex(MatchDocument mention) {
		MemoryIndex index = new MemoryIndex();
		for (var field : document(mention, true, true, true)) {
			index.addField(field, ANALYZER);
		}
		return index;
	}

	private static void addText(Document doc, String base, String value, boolean dutch, boolean english,
			boolean affixes) {
		doc.add(new Field(base, value, WORDS));
		if (dutch) {
			doc.add(new Field(base + "_nl", value, WORDS));
		}
		if (english) {
			doc.add(new Field(base + "_en", value, WORDS));
		}
		if (!affixes) {
			return;
		}
		Set<String> prefixes = new HashSet<>();
		Set<String> suffixes = new HashSet<>();
		Set<String> grams = new HashSet<>();
		for (String token : TokenizedText.tokenize(value)) {
			addPrefixes(token, prefixes);
			addSuffixes(token, suffixes);
			addGrams(token, grams);
		}
		addAffixFields(doc, base, prefixes, suffixes, grams);
	}

	private static void addKeyword(Document doc, String field, String value, boolean affixes) {
		doc.add(new StringField(field, value, Field.Store.NO));
		if (affixes && PREFIXED.contains(field)) {
			Set<String> prefixes = new HashSet<>();
			Set<String> suffixes = new HashSet<>();
			Set<String> grams = new HashSet<>();
			addPrefixes(value, prefixes);
			addSuffixes(value, suffixes);
			addGrams(value, grams);
			addAffixFields(doc, field, prefixes, suffixes, grams);
		}
	}

	private static void addPrefixes(String token, Set<String> into) {
		for (int n = 2; n <= Math.min(MAX_PREFIX, token.length()); n++) {
			into.add(n + token.substring(0, n));
		}
	}

	private static void addSuffixes(String token, Set<String> into) {
		for (int n = 2; n <= Math.min(MAX_SUFFIX, token.length()); n++) {
			into.add(n + token.substring(token.length() - n));
		}
	}

	private static void addGrams(String token, Set<String> into) {
		for (int i = 0; i + GRAM <= token.length(); i++) {
			into.add(token.substring(i, i + GRAM));
		}
	}

	/** All prefix (suffix, gram) terms of a field in one field value: one {@code addField} instead of dozens. */
	private static void addAffixFields(Document doc, String base, Set<String> prefixes, Set<String> suffixes,
			Set<String> grams) {
		if (!prefixes.isEmpty()) {
			doc.add(new Field("pfx." + base, new WordStream(prefixes.toArray(String[]::new)), TERMS_ONLY));
		}
		if (!suffixes.isEmpty()) {
			doc.add(new Field("sfx." + base, new WordStream(suffixes.toArray(String[]::new)), TERMS_ONLY));
		}
		if (!grams.isEmpty()) {
			doc.add(new Field("ngr." + base, new WordStream(grams.toArray(String[]::new)), TERMS_ONLY));
		}
	}

	/** Whether a field holds prefix, suffix or gram terms of words rather than words. */
	static boolean isAffixField(String field) {
		return field.startsWith("pfx.") || field.startsWith("sfx.") || field.startsWith("ngr.");
	}

	/** Words already split, as a token stream (one position each). */
	private static final class WordStream extends TokenStream {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final String[] words;

		private int next;

		WordStream(String[] words) {
			this.words = words;
		}

		@Override
		public boolean incrementToken() {
			if (this.next >= this.words.length) {
				return false;
			}
			clearAttributes();
			this.term.setEmpty().append(this.words[this.next++]);
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.next = 0;
		}

	}

	/** The suffix term a wildcard word's literal end implies, or {@code null} if it is too short. */
	static org.apache.lucene.index.Term suffixTerm(String base, String literalSuffix) {
		int n = Math.min(MAX_SUFFIX, literalSuffix.length());
		if (n < 2) {
			return null;
		}
		return new org.apache.lucene.index.Term("sfx." + base, n + literalSuffix.substring(literalSuffix.length() - n));
	}

	/** The prefix term a wildcard word's literal start implies, or {@code null} if it is too short. */
	static org.apache.lucene.index.Term prefixTerm(String base, String literalPrefix) {
		int n = Math.min(MAX_PREFIX, literalPrefix.length());
		if (n < 2) {
			return null;
		}
		return new org.apache.lucene.index.Term("pfx." + base, n + literalPrefix.substring(0, n));
	}

	/** Runs one word through a stemmed field's analyzer; the word itself when nothing comes out. */
	static String stem(String word, String field) {
		try (TokenStream stream = ANALYZER.tokenStream(field, word)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			String result = stream.incrementToken() ? term.toString() : word;
			stream.end();
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code a b c} gives {@code "a b"} and {@code "b c"}. */
	static List<String> pairs(CharSequence text) {
		List<String> tokens = TokenizedText.tokenize(text);
		List<String> pairs = new ArrayList<>(Math.max(0, tokens.size() - 1));
		for (int i = 1; i < tokens.size(); i++) {
			pairs.add(tokens.get(i - 1) + " " + tokens.get(i));
		}
		return pairs;
	}

	/** The prefix ({@code pfx.}) and suffix ({@code sfx.}) terms of one word, as {@link #document} indexes them. */
	static String[][] affixes(String token) {
		Set<String> prefixes = new java.util.LinkedHashSet<>();
		Set<String> suffixes = new java.util.LinkedHashSet<>();
		addPrefixes(token, prefixes);
		addSuffixes(token, suffixes);
		return new String[][] { prefixes.toArray(String[]::new), suffixes.toArray(String[]::new) };
	}

	/** The gram ({@code ngr.}) terms of one word, as {@link #document} indexes them. */
	static String[] grams(String token) {
		Set<String> grams = new java.util.LinkedHashSet<>();
		addGrams(token, grams);
		return grams.toArray(String[]::new);
	}

	/**
	 * The gram terms a wildcard word implies: {@value #GRAM}-letter pieces of its literal runs (between wildcards and
	 * escapes) that every matching word holds, not those its prefix term already covers, the rarest-looking
	 * {@value #MAX_GRAMS} first (see {@link #gramRarity}). Empty when no run is long enough.
	 */
	static List<org.apache.lucene.index.Term> gramTerms(String base, String word) {
		List<String> grams = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= word.length(); i++) {
			char c = (i < word.length()) ? word.charAt(i) : '*';
			if (c == '*' || c == '?' || c == '\\') {
				// the first run's first MAX_PREFIX letters are the prefix term's already
				int from = (start == 0) ? Math.max(0, Math.min(i, MAX_PREFIX) - GRAM + 1) : start;
				for (int g = from; g + GRAM <= i; g++) {
					String gram = word.substring(g, g + GRAM);
					if (!grams.contains(gram)) {
						grams.add(gram);
					}
				}
				start = i + 1;
			}
		}
		grams.sort(java.util.Comparator.comparingDouble(MentionAnalysis::gramRarity).reversed());
		List<org.apache.lucene.index.Term> terms = new ArrayList<>(MAX_GRAMS);
		for (int i = 0; i < Math.min(MAX_GRAMS, grams.size()); i++) {
			terms.add(new org.apache.lucene.index.Term("ngr." + base, grams.get(i)));
		}
		return terms;
	}

	/**
	 * How rare a gram is likely to be, from 0 to 1: the letters least used in Dutch and English count most, the
	 * commonest nothing; digits little (numbers such as years and prices are common), but a gram where letters meet
	 * digits ({@code a123} of {@code vita12345}) much more than the digits alone. Only an order among the grams of
	 * one word, and a tie-break for the presearcher.
	 */
	static double gramRarity(String gram) {
		double sum = 0;
		boolean letters = false;
		boolean digits = false;
		for (int i = 0; i < gram.length(); i++) {
			char c = gram.charAt(i);
			if (c >= '0' && c <= '9') {
				digits = true;
				sum += 0.25;
				continue;
			}
			letters = true;
			if ("enatiros".indexOf(c) < 0) {
				sum += ("dlhgukmcbpvw".indexOf(c) >= 0) ? 0.5 : ("./-_".indexOf(c) >= 0) ? 0.25 : 1;
			}
		}
		if (letters && digits) {
			sum += 1;
		}
		return Math.min(1, sum / gram.length());
	}

	/** Words with exact case and accents: NFC, split on anything that is not a letter, digit or mark. */
	static List<String> rawTokens(CharSequence text) {
		List<String> tokens = new ArrayList<>();
		if (text == null) {
			return tokens;
		}
		String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
		int start = -1;
		for (int i = 0; i < nfc.length();) {
			int cp = nfc.codePointAt(i);
			boolean word = TokenizedText.isWordChar(cp);
			if (word && start < 0) {
				start = i;
			}
			else if (!word && start >= 0) {
				tokens.add(nfc.substring(start, i));
				start = -1;
			}
			i += Character.charCount(cp);
		}
		if (start >= 0) {
			tokens.add(nfc.substring(start));
		}
		return tokens;
	}

	/** An author handle, hashtag or mention: without a leading {@code @}/{@code #}, lower case, no accents. */
	static String handle(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip();
		while (!v.isEmpty() && (v.charAt(0) == '@' || v.charAt(0) == '#')) {
			v = v.substring(1);
		}
		return TokenizedText.normalize(Normalizer.normalize(v, Normalizer.Form.NFC));
	}

	/** A URL without scheme, leading {@code www.} and trailing slash, in lower case. */
	static String normalizeUrl(String url) {
		if (url == null) {
			return null;
		}
		String u = url.strip().toLowerCase(Locale.ROOT);
		int scheme = u.indexOf("://");
		if (scheme >= 0 && scheme < 10) {
			u = u.substring(scheme + 3);
		}
		if (u.startsWith("www.")) {
			u = u.substring(4);
		}
		while (u.endsWith("/")) {
			u = u.substring(0, u.length() - 1);
		}
		return u;
	}

	/** The host of a URL or bare domain, in lower case, without port; {@code null} if there is none. */
	static String host(String url) {
		if (url == null) {
			return null;
		}
		String u = url.strip().toLowerCase(Locale.ROOT);
		if (!u.contains("://")) {
			u = "http://" + u;
		}
		try {
			String host = URI.create(u).getHost();
			if (host != null) {
				return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not a strict URI (spaces, odd characters): fall back to cutting the authority out by hand.
		}
		String rest = u.substring(u.indexOf("://") + 3);
		int end = 0;
		while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
			end++;
		}
		return rest.substring(0, end);
	}

	/** {@code forum.example.nl} gives itself, {@code example.nl} and {@code nl}. */
	static List<String> hostSuffixes(String host) {
		List<String> suffixes = new ArrayList<>();
		if (host == null || host.isEmpty()) {
			return suffixes;
		}
		String h = host;
		while (true) {
			suffixes.add(h);
			int dot = h.indexOf('.');
			if (dot < 0) {
				return suffixes;
			}
			h = h.substring(dot + 1);
		}
	}

	private static List<String> extract(Pattern pattern, String text) {
		List<String> values = new ArrayList<>();
		if (text.indexOf(pattern == HASHTAG ? '#' : '@') < 0) {
			return values;
		}
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			String value = handle(matcher.group(1));
			if (!values.contains(value)) {
				values.add(value);
			}
		}
		return values;
	}

	private static String lower(String value) {
		return (value == null) ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

	/** Emits the words a function splits the whole input into; offsets are not tracked. */
	private static final class ListTokenizer extends Tokenizer {

		private final java.util.function.Function<CharSequence, List<String>> splitter;

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final StringBuilder buffer = new StringBuilder();

		private List<String> tokens = List.of();

		private int next;

		ListTokenizer(java.util.function.Function<CharSequence, List<String>> splitter) {
			this.splitter = splitter;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.buffer.setLength(0);
			char[] chunk = new char[1024];
			Reader reader = this.input;
			int read;
			while ((read = reader.read(chunk)) > 0) {
				this.buffer.append(chunk, 0, read);
			}
			this.tokens = this.splitter.apply(this.buffer);
			this.next = 0;
		}

		@Override
		public boolean incrementToken() {
			if (this.next >= this.tokens.size()) {
				return false;
			}
			clearAttributes();
			this.term.setEmpty().append(this.tokens.get(this.next++));
			return true;
		}

	}

}
