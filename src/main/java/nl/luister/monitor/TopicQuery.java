package nl.luister.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A parsed topic query, compiled to Lucene; docs/queries.md describes the whole language.
 *
 * <p>The language:
 * <ul>
 * <li>words: {@code pakket kwijt} (adjacent terms are joined with AND);</li>
 * <li>{@code AND}, {@code OR}, {@code NOT} in upper case ({@code and}, {@code or}, {@code not} are plain
 * words); precedence NOT &gt; AND &gt; OR, parentheses group;</li>
 * <li>{@code -word}, {@code -"phrase"}, {@code -(group)} as short forms of NOT;</li>
 * <li>{@code "exact phrase"}: the words consecutively and in this order;</li>
 * <li>{@code bezorg*}, {@code ko?rier}: wildcards, at least two letters before the first one;</li>
 * <li>{@code a NEAR/n b}, {@code a ONEAR/n b}, {@code "a b"~n}: proximity;</li>
 * <li>fields: {@code author:}, {@code site:}, {@code url:}, {@code lang:}, {@code source:}, {@code channel:},
 * {@code title:}, {@code #hashtag}, {@code @mention}, {@code followers:>n}, {@code raw:"Exact Case"}.</li>
 * </ul>
 * Matching ignores case and accents ({@code café} matches {@code CAFE}); punctuation separates words, so
 * {@code e-mail} in a query is the phrase {@code "e mail"}. A query must contain at least one positive term:
 * one that would match an empty document is rejected.
 *
 * <p>Limits: at most {@value QueryParser#MAX_LENGTH} characters, {@value QueryParser#MAX_TERMS} words and
 * phrases, and {@value QueryParser#MAX_DEPTH} levels of parentheses.
 *
 * <p>Instances are immutable and thread-safe. Invalid input, including {@code null} or blank text, raises
 * {@link QuerySyntaxError} with a 1-based column and a message that says how to fix it. Columns count UTF-16
 * code units, as {@link String#charAt} and browser text fields do.
 */
public final class TopicQuery {

	private final String query;

	private final QueryNode root;

	private final Stemming stemming;

	private final Query lucene;

	/** The form the matcher verifies this query with when it has one ({@code null}: Lucene's span queries). */
	private final DirectTopic direct;

	private TopicQuery(String query, QueryNode root, Stemming stemming) {
		this.query = query;
		this.root = root;
		this.stemming = stemming;
		this.lucene = LuceneQueries.compile(root, stemming);
		this.direct = DirectTopic.compile(root, stemming);
	}

	/**
	 * Parses query text, without stemming.
	 * @throws QuerySyntaxError if the text is not a valid query
	 */
	public static TopicQuery parse(String query) {
		return parse(query, Stemming.NONE);
	}

	/**
	 * Parses query text whose words match with the given stemming ({@code null} is none).
	 * @throws QuerySyntaxError if the text is not a valid query
	 */
	public static TopicQuery parse(String query, Stemming stemming) {
		return new TopicQuery(query, QueryParser.parse(query), (stemming == null) ? Stemming.NONE : stemming);
	}

	/** Checks query text without keeping the result: empty when valid, else the error {@link #parse} throws. */
	public static Optional<QuerySyntaxError> validate(String query) {
		try {
			QueryParser.parse(query);
			return Optional.empty();
		}
		catch (QuerySyntaxError ex) {
			return Optional.of(ex);
		}
	}

	/** Whether the document the words came from matches. */
	public boolean matches(TokenizedText document) {
		return matches(document.document());
	}

	/**
	 * Whether one document matches, checked as {@link LuceneTopicMatcher} verifies a candidate: by the query's direct
	 * form, or for proximity, sloppy phrases and wildcard phrases on a one-document in-memory index. Meant for previews
	 * and tests; to match many topics use a {@link TopicMatcher}. A wildcard inside a phrase or NEAR that expands to more
	 * than {@link org.apache.lucene.search.IndexSearcher#getMaxClauseCount()} words of this one mention counts
	 * as no match.
	 */
	public boolean matches(MatchDocument document) {
		if (this.direct != null && this.direct.exact()) {
			return this.direct.matches(new MentionBatch(List.of(document), Set.of()))[0] != 0;
		}
		return matchesWithLucene(document);
	}

	/** {@link #matches}, always on the compiled Lucene query (for comparing the two forms). */
	boolean matchesWithLucene(MatchDocument document) {
		try {
			return MentionAnalysis.memoryIndex(document).createSearcher().count(this.lucene) > 0;
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stemming the words match with. */
	public Stemming stemming() {
		return this.stemming;
	}

	/** The parsed query. */
	QueryNode root() {
		return this.root;
	}

	/** The compiled Lucene query. */
	Query lucene() {
		return this.lucene;
	}

	/** The query text as written. */
	public String query() {
		return this.query;
	}

	/** The parsed structure with explicit operators and grouping, e.g. {@code (a OR (b AND NOT c))}. */
	String structure() {
		return this.root.toString();
	}

	@Override
	public String toString() {
		return this.query;
	}

}
