package nl.luister.monitor;

import java.util.List;
import java.util.stream.Collectors;

/** The parsed form of a {@link TopicQuery}: an immutable tree evaluated against a {@link TokenizedText}. */
sealed interface QueryNode {

	boolean matches(TokenizedText text);

	/** A single normalised word, optionally a prefix ({@code pakket*}). */
	record Word(String text, boolean prefix) {

		public boolean matches(String token) {
			return this.prefix ? token.startsWith(this.text) : token.equals(this.text);
		}

		@Override
		public String toString() {
			return this.prefix ? this.text + "*" : this.text;
		}

	}

	/** One query word that normalised to a single token. */
	record Term(Word word) implements QueryNode {

		@Override
		public boolean matches(TokenizedText text) {
			return this.word.prefix() ? text.containsPrefix(this.word.text()) : text.contains(this.word.text());
		}

		@Override
		public String toString() {
			return this.word.toString();
		}

	}

	/** Consecutive words: a quoted phrase, or a query word such as {@code e-mail} that splits into several. */
	record Phrase(List<Word> words) implements QueryNode {

		public Phrase {
			words = List.copyOf(words);
		}

		@Override
		public boolean matches(TokenizedText text) {
			return text.containsSequence(this.words);
		}

		@Override
		public String toString() {
			return this.words.stream().map(Word::toString).collect(Collectors.joining(" ", "\"", "\""));
		}

	}

	/** Negation; {@code column} is where the {@code NOT} or {@code -} was written, for error messages. */
	record Not(QueryNode operand, int column) implements QueryNode {

		@Override
		public boolean matches(TokenizedText text) {
			return !this.operand.matches(text);
		}

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
		public boolean matches(TokenizedText text) {
			for (QueryNode operand : this.operands) {
				if (!operand.matches(text)) {
					return false;
				}
			}
			return true;
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
		public boolean matches(TokenizedText text) {
			for (QueryNode operand : this.operands) {
				if (operand.matches(text)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return this.operands.stream().map(QueryNode::toString).collect(Collectors.joining(" OR ", "(", ")"));
		}

	}

}
