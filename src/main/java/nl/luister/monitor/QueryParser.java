package nl.luister.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns topic query text into a {@link QueryNode} tree. One instance parses one query; not thread-safe.
 * Every error is a {@link QuerySyntaxError} whose 1-based column points into the original text.
 */
final class QueryParser {

	static final int MAX_LENGTH = 4000;

	static final int MAX_TERMS = 200;

	static final int MAX_DEPTH = 20;

	private enum Kind {

		TERM, LPAREN, RPAREN, AND, OR, NOT, MINUS, END

	}

	private record Lexeme(Kind kind, int column, QueryNode node) {
	}

	private final String query;

	private final List<Lexeme> lexemes = new ArrayList<>();

	private int next;

	private QueryParser(String query) {
		this.query = query;
	}

	static QueryNode parse(String query) {
		if (query == null || query.isBlank()) {
			throw new QuerySyntaxError("empty query: type at least one word to look for", 1);
		}
		if (query.length() > MAX_LENGTH) {
			throw new QuerySyntaxError("query is " + query.length() + " characters long; the limit is " + MAX_LENGTH
					+ ": split it into several topics", MAX_LENGTH + 1);
		}
		QueryParser parser = new QueryParser(query);
		parser.lex();
		QueryNode root = parser.parseOr();
		Lexeme trailing = parser.peek();
		if (trailing.kind != Kind.END) {
			// The lexer has already balanced the parentheses, so this is not expected to happen.
			throw new QuerySyntaxError("unexpected text at column " + trailing.column, trailing.column);
		}
		if (root.matches(TokenizedText.of(""))) {
			int column = Math.max(1, firstNegation(root));
			throw new QuerySyntaxError("a query needs at least one positive term: as written it matches every "
					+ "mention without the excluded words; add a word to look for", column);
		}
		return root;
	}

	// Lexing

	private void lex() {
		Deque<Integer> open = new ArrayDeque<>();
		int terms = 0;
		int length = this.query.length();
		int i = 0;
		while (i < length) {
			char c = this.query.charAt(i);
			int column = i + 1;
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(') {
				open.push(column);
				if (open.size() > MAX_DEPTH) {
					throw new QuerySyntaxError("parentheses nested too deeply at column " + column + ": at most "
							+ MAX_DEPTH + " levels are allowed", column);
				}
				add(Kind.LPAREN, column, null);
				i++;
			}
			else if (c == ')') {
				if (open.isEmpty()) {
					throw new QuerySyntaxError("unbalanced parentheses: ) at column " + column
							+ " has no matching (; remove it or add a ( before it", column);
				}
				open.pop();
				add(Kind.RPAREN, column, null);
				i++;
			}
			else if (c == '-') {
				if (i + 1 >= length || Character.isWhitespace(this.query.charAt(i + 1))
						|| this.query.charAt(i + 1) == ')') {
					throw new QuerySyntaxError("- at column " + column
							+ " must be followed directly by a word, \"phrase\" or (group) to exclude", column);
				}
				add(Kind.MINUS, column, null);
				i++;
			}
			else if (c == '"') {
				int close = this.query.indexOf('"', i + 1);
				if (close < 0) {
					throw new QuerySyntaxError("close the quote opened at column " + column, column);
				}
				terms = countTerm(terms, column);
				add(Kind.TERM, column, phrase(i + 1, close, column));
				i = close + 1;
			}
			else {
				int end = i;
				while (end < length && !endsWord(this.query.charAt(end))) {
					end++;
				}
				String word = this.query.substring(i, end);
				switch (word) {
					case "AND" -> add(Kind.AND, column, null);
					case "OR" -> add(Kind.OR, column, null);
					case "NOT" -> add(Kind.NOT, column, null);
					default -> {
						terms = countTerm(terms, column);
						add(Kind.TERM, column, toNode(word(i, end, false)));
					}
				}
				i = end;
			}
		}
		if (!open.isEmpty()) {
			int column = open.peek();
			throw new QuerySyntaxError(
					"unbalanced parentheses: close the parenthesis opened at column " + column + " with a )", column);
		}
		add(Kind.END, length + 1, null);
	}

	private static boolean endsWord(char c) {
		return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
	}

	private int countTerm(int terms, int column) {
		if (terms == MAX_TERMS) {
			throw new QuerySyntaxError("too many terms: a query may have at most " + MAX_TERMS
					+ " words and phrases; split it into several topics", column);
		}
		return terms + 1;
	}

	private void add(Kind kind, int column, QueryNode node) {
		this.lexemes.add(new Lexeme(kind, column, node));
	}

	/** The words of {@code query[start, end)}, which holds no whitespace; a trailing {@code *} makes a prefix. */
	private List<QueryNode.Word> word(int start, int end, boolean mayBeEmpty) {
		int star = this.query.indexOf('*', start);
		if (star < 0 || star >= end) {
			List<String> tokens = TokenizedText.tokenize(this.query.substring(start, end));
			if (tokens.isEmpty() && !mayBeEmpty) {
				throw new QuerySyntaxError("\"" + this.query.substring(start, end) + "\" at column " + (start + 1)
						+ " has no letters or digits to search for", start + 1);
			}
			return tokens.stream().map((token) -> new QueryNode.Word(token, false)).toList();
		}
		int column = star + 1;
		if (star == start || !TokenizedText.isWordChar(this.query.codePointBefore(star))) {
			throw new QuerySyntaxError(
					"leading wildcard not allowed: put at least two letters before * at column " + column, column);
		}
		if (star != end - 1) {
			throw new QuerySyntaxError("wildcard * at column " + column
					+ " is only allowed at the end of a word: remove what follows it", column);
		}
		List<String> tokens = TokenizedText.tokenize(this.query.substring(start, star));
		if (tokens.isEmpty()) {
			throw new QuerySyntaxError(
					"leading wildcard not allowed: put at least two letters before * at column " + column, column);
		}
		if (tokens.getLast().length() < 2) {
			throw new QuerySyntaxError("wildcard too short: put at least two letters before * at column " + column,
					column);
		}
		List<QueryNode.Word> words = new ArrayList<>(tokens.size());
		for (int k = 0; k < tokens.size(); k++) {
			words.add(new QueryNode.Word(tokens.get(k), k == tokens.size() - 1));
		}
		return words;
	}

	private QueryNode phrase(int start, int end, int quoteColumn) {
		List<QueryNode.Word> words = new ArrayList<>();
		int i = start;
		while (i < end) {
			if (Character.isWhitespace(this.query.charAt(i))) {
				i++;
				continue;
			}
			int wordEnd = i;
			while (wordEnd < end && !Character.isWhitespace(this.query.charAt(wordEnd))) {
				wordEnd++;
			}
			words.addAll(word(i, wordEnd, true));
			i = wordEnd;
		}
		if (words.isEmpty()) {
			throw new QuerySyntaxError(
					"empty phrase at column " + quoteColumn + ": put at least one word between the quotes",
					quoteColumn);
		}
		return toNode(words);
	}

	private static QueryNode toNode(List<QueryNode.Word> words) {
		return (words.size() == 1) ? new QueryNode.Term(words.getFirst()) : new QueryNode.Phrase(words);
	}

	// Parsing: or := and (OR and)* ; and := unary ([AND] unary)* ; unary := NOT unary | - primary | primary

	private QueryNode parseOr() {
		List<QueryNode> operands = new ArrayList<>();
		operands.add(parseAnd());
		while (peek().kind == Kind.OR) {
			Lexeme operator = take();
			requireOperand(operator);
			operands.add(parseAnd());
		}
		return (operands.size() == 1) ? operands.getFirst() : new QueryNode.Or(operands);
	}

	private QueryNode parseAnd() {
		List<QueryNode> operands = new ArrayList<>();
		operands.add(parseUnary());
		while (true) {
			Kind kind = peek().kind;
			if (kind == Kind.AND) {
				requireOperand(take());
			}
			else if (!startsOperand(kind)) {
				break;
			}
			operands.add(parseUnary());
		}
		return (operands.size() == 1) ? operands.getFirst() : new QueryNode.And(operands);
	}

	private QueryNode parseUnary() {
		Lexeme lexeme = peek();
		if (lexeme.kind == Kind.NOT) {
			take();
			if (!startsOperand(peek().kind)) {
				throw new QuerySyntaxError("NOT at column " + lexeme.column + " needs a term after it", lexeme.column);
			}
			return negate(parseUnary(), lexeme.column);
		}
		if (lexeme.kind == Kind.MINUS) {
			take();
			Kind following = peek().kind;
			if (following != Kind.TERM && following != Kind.LPAREN) {
				throw new QuerySyntaxError("- at column " + lexeme.column
						+ " must be followed directly by a word, \"phrase\" or (group) to exclude", lexeme.column);
			}
			return negate(parsePrimary(), lexeme.column);
		}
		return parsePrimary();
	}

	private QueryNode parsePrimary() {
		Lexeme lexeme = take();
		return switch (lexeme.kind) {
			case TERM -> lexeme.node;
			case LPAREN -> {
				if (peek().kind == Kind.RPAREN) {
					throw new QuerySyntaxError(
							"empty parentheses at column " + lexeme.column + ": put a term between them",
							lexeme.column);
				}
				QueryNode inner = parseOr();
				Lexeme close = take();
				if (close.kind != Kind.RPAREN) {
					throw new QuerySyntaxError("unbalanced parentheses: close the parenthesis opened at column "
							+ lexeme.column + " with a )", lexeme.column);
				}
				yield inner;
			}
			case AND, OR -> throw danglingOperator(lexeme);
			default -> throw new QuerySyntaxError("expected a term at column " + lexeme.column, lexeme.column);
		};
	}

	private static QueryNode negate(QueryNode operand, int column) {
		return (operand instanceof QueryNode.Not not) ? not.operand() : new QueryNode.Not(operand, column);
	}

	private void requireOperand(Lexeme operator) {
		if (!startsOperand(peek().kind)) {
			throw danglingOperator(operator);
		}
	}

	private static boolean startsOperand(Kind kind) {
		return kind == Kind.TERM || kind == Kind.LPAREN || kind == Kind.NOT || kind == Kind.MINUS;
	}

	private static QuerySyntaxError danglingOperator(Lexeme operator) {
		return new QuerySyntaxError(
				operator.kind + " at column " + operator.column + " needs a term on both sides", operator.column);
	}

	private Lexeme peek() {
		return this.lexemes.get(this.next);
	}

	private Lexeme take() {
		return this.lexemes.get(this.next++);
	}

	private static int firstNegation(QueryNode node) {
		return switch (node) {
			case QueryNode.Not not -> not.column();
			case QueryNode.And and -> firstNegation(and.operands());
			case QueryNode.Or or -> firstNegation(or.operands());
			default -> 0;
		};
	}

	private static int firstNegation(List<QueryNode> operands) {
		for (QueryNode operand : operands) {
			int column = firstNegation(operand);
			if (column > 0) {
				return column;
			}
		}
		return 0;
	}

}
