package nl.luister.monitor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parsed form of a {@link TopicQuery}: an immutable tree, compiled to a Lucene query by
 * {@link LuceneQueries}. Words are already normalised (lower case, accents removed) except in {@link Raw}.
 */
sealed interface QueryNode {

	/** Where a word or phrase is looked for: title and text together, or the title alone. */
	enum Scope {

		TEXT, TITLE

	}

	/** The fields that hold one normalised value (or a few: hashtags, mentions, host suffixes) per document. */
	enum KeywordField {

		AUTHOR("author", true), SITE("site", false), URL("url", true), LANG("lang", false),
		SOURCE("source", false), CHANNEL("channel", false), HASHTAG("tag", true), MENTION("mention", true);

		final String field;

		final boolean wildcards;

		KeywordField(String field, boolean wildcards) {
			this.field = field;
			this.wildcards = wildcards;
		}

	}

	/**
	 * A single normalised word; {@code wildcard} when it holds {@code *} (any run of characters) or {@code ?}
	 * (one character), never in first position.
	 */
	record Word(String text, boolean wildcard) {

		/** Whether the only wildcard is one trailing {@code *}. */
		boolean prefix() {
			return this.wildcard && this.text.indexOf('*') == this.text.length() - 1 && this.text.indexOf('?') < 0;
		}

		/** The characters before the first wildcard. */
		String literalPrefix() {
			int i = 0;
			while (i < this.text.length() && this.text.charAt(i) != '*' && this.text.charAt(i) != '?') {
				i++;
			}
			return this.text.substring(0, i);
		}

		/** The characters after the last wildcard; empty when the word ends with one. */
		String literalSuffix() {
			int i = this.text.length();
			while (i > 0 && this.text.charAt(i - 1) != '*' && this.text.charAt(i - 1) != '?') {
				i--;
			}
			return this.text.substring(i);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

	/** One query word that normalised to a single token. */
	record Term(Word word, Scope scope) implements QueryNode {

		Term(Word word) {
			this(word, Scope.TEXT);
		}

		@Override
		public String toString() {
			return ((this.scope == Scope.TITLE) ? "title:" : "") + this.word;
		}

	}

	/**
	 * Words in this order: a quoted phrase, or a query word such as {@code e-mail} that splits into several.
	 * {@code slop} above zero is Lucene's sloppy phrase ({@code "a b"~n}).
	 */
	record Phrase(List<Word> words, int slop, Scope scope) implements QueryNode {

		public Phrase {
			words = List.copyOf(words);
		}

		Phrase(List<Word> words) {
			this(words, 0, Scope.TEXT);
		}

		boolean hasWildcard() {
			return this.words.stream().anyMatch(Word::wildcard);
		}

		@Override
		public String toString() {
			return ((this.scope == Scope.TITLE) ? "title:" : "")
					+ this.words.stream().map(Word::toString).collect(Collectors.joining(" ", "\"", "\""))
					+ ((this.slop > 0) ? "~" + this.slop : "");
		}

	}

	/** Words with their exact case and accents ({@code raw:"Case Sensitive"}), NFC-normalised. */
	record Raw(List<String> words) implements QueryNode {

		public Raw {
			words = List.copyOf(words);
		}

		@Override
		public String toString() {
			return "raw:\"" + String.join(" ", this.words) + "\"";
		}

	}

	/** A structured field with a normalised value, e.g. {@code channel:twitter} or {@code #hashtag}. */
	record Keyword(KeywordField field, String value, boolean wildcard) implements QueryNode {

		@Override
		public String toString() {
			return switch (this.field) {
				case HASHTAG -> "#" + this.value;
				case MENTION -> "@" + this.value;
				default -> this.field.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.value;
			};
		}

	}

	/** The author's follower count lies in {@code [min, max]}. */
	record Followers(long min, long max) implements QueryNode {

		@Override
		public String toString() {
			return "followers:[" + this.min + " TO " + this.max + "]";
		}

	}

	/**
	 * {@code left NEAR/n right} (either order) or {@code left ONEAR/n right} (left first): at most
	 * {@code distance} words between them.
	 */
	record Near(QueryNode left, QueryNode right, int distance, boolean ordered, int column) implements QueryNode {

		@Override
		public String toString() {
			return "(" + this.left + (this.ordered ? " ONEAR/" : " NEAR/") + this.distance + " " + this.right + ")";
		}

	}

	/** Negation; {@code column} is where the {@code NOT} or {@code -} was written, for error messages. */
	record Not(QueryNode operand, int column) implements QueryNode {

		@Override
		public String toString() {
			return "NOT " + this.operand;
		}

	}

	record And(List<QueryNode> operands) implements QueryNode {

		public And {
			operands = List.copyOf(operands);
		}

		@Override
		public String toString() {
			return this.operands.stream().map(QueryNode::toString).collect(Collectors.joining(" AND ", "(", ")"));
		}

	}

	record Or(List<QueryNode> operands) implements QueryNode {

		public Or {
			operands = List.copyOf(operands);
		}

		@Override
		public String toString() {
			return this.operands.stream().map(QueryNode::toString).collect(Collectors.joining(" OR ", "(", ")"));
		}

	}

	/** Whether the node would match a document with no text and no fields: a query like that is refused. */
	static boolean matchesEmpty(QueryNode node) {
		return switch (node) {
			case Not not -> !matchesEmpty(not.operand());
			case And and -> and.operands().stream().allMatch(QueryNode::matchesEmpty);
			case Or or -> or.operands().stream().anyMatch(QueryNode::matchesEmpty);
			default -> false;
		};
	}

}
