package nl.luister.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TopicQueryErrorTests {

	@Test
	void rejectsEmptyQuery() {
		assertError("", 1, "empty query");
		assertError("   \t ", 1, "empty query");
		assertError(null, 1, "empty query");
	}

	@Test
	void pointsAtOpeningOfUnclosedQuote() {
		assertError("pakket \"koerier snel", 8, "close the quote opened at column 8");
	}

	@Test
	void rejectsEmptyPhrase() {
		assertError("pakket \"\"", 8, "empty phrase at column 8");
		assertError("pakket \" ?! \"", 8, "empty phrase at column 8");
	}

	@Test
	void pointsAtUnclosedParenthesis() {
		assertError("(pakket OR (brief)", 1, "close the parenthesis opened at column 1");
		assertError("a ((b) OR (c", 11, "close the parenthesis opened at column 11");
	}

	@Test
	void pointsAtUnmatchedClosingParenthesis() {
		assertError("pakket) kwijt", 7, ") at column 7 has no matching (");
	}

	@Test
	void rejectsEmptyParentheses() {
		assertError("pakket ()", 8, "empty parentheses at column 8");
	}

	@Test
	void pointsAtDanglingAnd() {
		assertError("pakket AND", 8, "AND at column 8 needs a term on both sides");
		assertError("AND pakket", 1, "AND at column 1 needs a term on both sides");
		assertError("(pakket AND) kwijt", 9, "AND at column 9 needs a term on both sides");
	}

	@Test
	void pointsAtDanglingOr() {
		assertError("pakket OR", 8, "OR at column 8 needs a term on both sides");
		assertError("OR pakket", 1, "OR at column 1 needs a term on both sides");
		assertError("pakket OR OR brief", 8, "OR at column 8 needs a term on both sides");
		assertError("pakket AND OR brief", 8, "AND at column 8 needs a term on both sides");
	}

	@Test
	void pointsAtNotWithoutTerm() {
		assertError("pakket NOT", 8, "NOT at column 8 needs a term after it");
		assertError("pakket NOT OR brief", 8, "NOT at column 8 needs a term after it");
	}

	@Test
	void pointsAtMinusWithoutTerm() {
		assertError("pakket - vacature", 8, "- at column 8 must be followed directly by");
		assertError("pakket -", 8, "- at column 8 must be followed directly by");
		assertError("(pakket -)", 9, "- at column 9 must be followed directly by");
		assertError("pakket -AND brief", 8, "- at column 8 must be followed directly by");
	}

	@Test
	void rejectsQueryWithoutPositiveTerm() {
		assertError("NOT vacature", 1, "a query needs at least one positive term");
		assertError("-vacature -sollicitatie", 1, "a query needs at least one positive term");
		assertError("pakket OR NOT vacature", 11, "a query needs at least one positive term");
		assertError("-(pakket kwijt)", 1, "a query needs at least one positive term");
	}

	@Test
	void acceptsNegationNextToPositiveTerm() {
		assertThat(TopicQuery.validate("NOT vacature pakket")).isEmpty();
		assertThat(TopicQuery.validate("-(vacature OR baan) (pakket OR brief)")).isEmpty();
	}

	@Test
	void rejectsLeadingWildcard() {
		assertError("*bezorg", 1, "leading wildcard not allowed: put at least two letters before *");
		assertError("pakket *", 8, "leading wildcard not allowed");
		assertError("pakket -*zorg", 9, "leading wildcard not allowed");
		assertError("pakket #*", 9, "leading wildcard not allowed");
	}

	@Test
	void rejectsDoubledOrTrailingPunctuationWildcard() {
		assertThat(TopicQuery.validate("bez*org")).isEmpty();
		assertError("bezorg**", 8, "wildcard * at column 8 follows another *");
		assertError("bez*!", 4, "wildcard * at column 4 must be followed by letters, digits or the end of the word");
	}

	@Test
	void rejectsWildcardWithOneLetter() {
		assertError("pakket b*", 9, "put at least two letters before * at column 9");
		assertError("\"pakket b*\"", 10, "put at least two letters before * at column 10");
	}

	@Test
	void rejectsWordWithoutLettersOrDigits() {
		assertError("pakket ?!", 8, "\"?!\" at column 8 has no letters or digits");
	}

	@Test
	void rejectsQueryOverLengthLimit() {
		String query = "pakket " + "x".repeat(QueryParser.MAX_LENGTH - 7);
		assertThat(TopicQuery.validate(query)).isEmpty();
		assertError(query + "x", 4001, "the limit is 4000");
	}

	@Test
	void rejectsQueryOverTermLimit() {
		String allowed = "t ".repeat(QueryParser.MAX_TERMS).trim();
		assertThat(TopicQuery.validate(allowed)).isEmpty();
		assertError(allowed + " \"x y\"", 2 * QueryParser.MAX_TERMS + 1, "too many terms");
	}

	@Test
	void rejectsQueryOverNestingLimit() {
		int depth = QueryParser.MAX_DEPTH;
		assertThat(TopicQuery.validate("(".repeat(depth) + "a" + ")".repeat(depth))).isEmpty();
		assertError("(".repeat(depth + 1) + "a" + ")".repeat(depth + 1), depth + 1, "nested too deeply");
	}

	@Test
	void survivesLongNotChains() {
		String query = "NOT ".repeat(900) + "a";
		assertThat(TopicQuery.parse(query).matches(TokenizedText.of("a"))).isTrue();
	}

	private static void assertError(String query, int column, String message) {
		QuerySyntaxError error = catchThrowableOfType(QuerySyntaxError.class, () -> TopicQuery.parse(query));
		assertThat(error).as("error for %s", query).isNotNull();
		assertThat(error.getMessage()).as("message for %s", query).contains(message);
		assertThat(error.column()).as("column for %s: %s", query, error.getMessage()).isEqualTo(column);
		assertThat(TopicQuery.validate(query)).get().extracting(QuerySyntaxError::column).isEqualTo(column);
	}

}
