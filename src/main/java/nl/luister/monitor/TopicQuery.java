package nl.luister.monitor;

import java.util.Optional;

/**
 * A parsed topic query, ready to be matched against {@link TokenizedText tokenised documents}.
 *
 * <p>The language:
 * <ul>
 * <li>words: {@code pakket kwijt} (adjacent terms are joined with AND);</li>
 * <li>{@code AND}, {@code OR}, {@code NOT} in upper case ({@code and}, {@code or}, {@code not} are plain
 * words); precedence NOT &gt; AND &gt; OR, parentheses group;</li>
 * <li>{@code -word}, {@code -"phrase"}, {@code -(group)} as short forms of NOT;</li>
 * <li>{@code "exact phrase"}: the words consecutively and in this order;</li>
 * <li>{@code bezorg*}: any word starting with {@code bezorg}, at least two letters before the {@code *}.</li>
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

	private TopicQuery(String query, QueryNode root) {
		this.query = query;
		this.root = root;
	}

	/**
	 * Parses query text.
	 * @throws QuerySyntaxError if the text is not a valid query
	 */
	public static TopicQuery parse(String query) {
		return new TopicQuery(query, QueryParser.parse(query));
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

	/** Whether the document matches; build the {@link TokenizedText} once and reuse it for every query. */
	public boolean matches(TokenizedText document) {
		return this.root.matches(document);
	}

	/** Convenience for a single query; tokenises the document on each call. */
	public boolean matches(MatchDocument document) {
		return matches(TokenizedText.of(document));
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
