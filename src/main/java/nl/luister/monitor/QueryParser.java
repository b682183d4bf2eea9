package nl.luister.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns topic query text into a {@link QueryNode} tree. One instance parses one query; not thread-safe.
 * Every error is a {@link QuerySyntaxError} whose 1-based column points into the original text.
 */
final class QueryParser {

	static final int MAX_LENGTH = 4000;

	static final int MAX_TERMS = 200;

	static final int MAX_DEPTH = 20;

	static final int MAX_DISTANCE = 100;

	static final int MAX_WILDCARDS_PER_WORD = 4;

	static final int MAX_WILDCARD_WORDS = 20;

	private static final Pattern NEAR = Pattern.compile("(O?)NEAR(?:/(\\d{1,6}))?");

	private static final Pattern FIELD = Pattern.compile("(author|site|url|lang|source|channel|title|raw|followers):");

	private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<)(\\d{1,12})");

	private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d{1,12})\\s+TO\\s+(\\d{1,12})\\s*\\]");

	private enum Kind {

		TERM, LPAREN, RPAREN, AND, OR, NOT, MINUS, NEAR, END

	}

	private record Lexeme(Kind kind, int column, QueryNode node, String text, int distance, boolean ordered) {

		@Override
		public String toString() {
			return (this.kind == Kind.NEAR) ? this.text : this.kind.name();
		}

	}

	private final String query;

	private final List<Lexeme> lexemes = new ArrayList<>();

	private int next;

	private int wildcardWords;

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
			throw new QuerySyntaxError(trailing + " at column " + trailing.column + " needs a term on both sides",
					trailing.column);
		}
		if (QueryNode.matchesEmpty(root)) {
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
				terms = countTerm(terms, column);
				i = quoted(i, QueryNode.Scope.TEXT);
			}
			else {
				int end = wordEnd(i);
				String word = this.query.substring(i, end);
				Matcher near = NEAR.matcher(word);
				Matcher field = FIELD.matcher(word);
				if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
					add(Kind.valueOf(word), column, null);
					i = end;
				}
				else if (near.matches()) {
					if (near.group(2) == null) {
						throw new QuerySyntaxError(word + " at column " + column + " needs a distance: write " + word
								+ "/5 for at most 5 words in between", column);
					}
					int distance = Integer.parseInt(near.group(2));
					if (distance > MAX_DISTANCE) {
						throw new QuerySyntaxError(word + " at column " + column + ": the distance can be at most "
								+ MAX_DISTANCE, column);
					}
					this.lexemes.add(new Lexeme(Kind.NEAR, column, null, word, distance, !near.group(1).isEmpty()));
					i = end;
				}
				else if (field.lookingAt()) {
					terms = countTerm(terms, column);
					i = field(i, field.group(1), field.end());
				}
				else {
					terms = countTerm(terms, column);
					add(Kind.TERM, column, plainWord(i, end));
					i = end;
				}
			}
		}
		if (!open.isEmpty()) {
			int column = open.peek();
			throw new QuerySyntaxError(
					"unbalanced parentheses: close the parenthesis opened at column " + column + " with a )", column);
		}
		add(Kind.END, length + 1, null);
	}

	private int wordEnd(int start) {
		int end = start;
		while (end < this.query.length() && !endsWord(this.query.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean endsWord(char c) {
		return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
	}

	/** A {@code "phrase"} starting at the quote {@code at}, with an optional {@code ~n}; returns where it ends. */
	private int quoted(int at, QueryNode.Scope scope) {
		int column = at + 1;
		int close = this.query.indexOf('"', at + 1);
		if (close < 0) {
			throw new QuerySyntaxError("close the quote opened at column " + column, column);
		}
		List<QueryNode.Word> words = phraseWords(at + 1, close, column);
		int end = close + 1;
		int slop = 0;
		if (end < this.query.length() && this.query.charAt(end) == '~') {
			int digitsEnd = end + 1;
			while (digitsEnd < this.query.length() && Character.isDigit(this.query.charAt(digitsEnd))
					&& digitsEnd - end <= 6) {
				digitsEnd++;
			}
			if (digitsEnd == end + 1) {
				throw new QuerySyntaxError("~ at column " + (end + 1) + " needs a distance right after it: \"a b\"~3",
						end + 1);
			}
			slop = Integer.parseInt(this.query.substring(end + 1, digitsEnd));
			if (slop > MAX_DISTANCE) {
				throw new QuerySyntaxError("~ at column " + (end + 1) + ": the distance can be at most " + MAX_DISTANCE,
						end + 1);
			}
			end = digitsEnd;
		}
		QueryNode node = (words.size() == 1 && scope == QueryNode.Scope.TEXT)
				? new QueryNode.Term(words.getFirst())
				: (words.size() == 1) ? new QueryNode.Term(words.getFirst(), scope)
						: new QueryNode.Phrase(words, slop, scope);
		add(Kind.TERM, column, node);
		return end;
	}

	/** A field such as {@code channel:twitter} starting at {@code start}; returns where it ends. */
	private int field(int start, String name, int nameLength) {
		int column = start + 1;
		int valueStart = start + nameLength;
		int valueColumn = valueStart + 1;
		boolean quote = valueStart < this.query.length() && this.query.charAt(valueStart) == '"';
		if (name.equals("title")) {
			if (quote) {
				return quoted(valueStart, QueryNode.Scope.TITLE);
			}
			int end = requireValue(name, column, valueStart);
			List<QueryNode.Word> words = word(valueStart, end, false);
			add(Kind.TERM, column, (words.size() == 1) ? new QueryNode.Term(words.getFirst(), QueryNode.Scope.TITLE)
					: new QueryNode.Phrase(words, 0, QueryNode.Scope.TITLE));
			return end;
		}
		if (name.equals("raw")) {
			int from = quote ? valueStart + 1 : valueStart;
			int end = quote ? this.query.indexOf('"', from) : requireValue(name, column, valueStart);
			if (end < 0) {
				throw new QuerySyntaxError("close the quote opened at column " + valueColumn, valueColumn);
			}
			String value = this.query.substring(from, end);
			int star = indexOfWildcard(value);
			if (star >= 0) {
				throw new QuerySyntaxError("raw: takes exact words; remove the wildcard at column " + (from + star + 1),
						from + star + 1);
			}
			List<String> words = MentionAnalysis.rawTokens(value);
			if (words.isEmpty()) {
				throw new QuerySyntaxError("raw: at column " + column + " needs words with letters or digits", column);
			}
			add(Kind.TERM, column, new QueryNode.Raw(words));
			return quote ? end + 1 : end;
		}
		if (name.equals("followers")) {
			return followers(column, valueStart);
		}
		int end = requireValue(name, column, valueStart);
		QueryNode.KeywordField field = QueryNode.KeywordField.valueOf(name.toUpperCase(Locale.ROOT));
		add(Kind.TERM, column, keyword(field, valueStart, end));
		return end;
	}

	private int requireValue(String name, int column, int valueStart) {
		int end = wordEnd(valueStart);
		if (end == valueStart) {
			throw new QuerySyntaxError(name + ": at column " + column + " needs a value right after the colon, "
					+ "without a space", column);
		}
		return end;
	}

	private int followers(int column, int valueStart) {
		String rest = this.query.substring(valueStart);
		Matcher range = RANGE.matcher(rest);
		Matcher comparison = COMPARISON.matcher(rest);
		long min;
		long max;
		int end;
		if (range.lookingAt()) {
			min = Long.parseLong(range.group(1));
			max = Long.parseLong(range.group(2));
			end = valueStart + range.end();
			if (min > max) {
				throw new QuerySyntaxError("followers: at column " + column + ": the range starts above its end; "
						+ "write [low TO high]", column);
			}
		}
		else if (comparison.lookingAt()) {
			long value = Long.parseLong(comparison.group(2));
			switch (comparison.group(1)) {
				case ">" -> { min = value + 1; max = Long.MAX_VALUE; }
				case ">=" -> { min = value; max = Long.MAX_VALUE; }
				case "<" -> { min = Long.MIN_VALUE; max = value - 1; }
				default -> { min = Long.MIN_VALUE; max = value; }
			}
			end = valueStart + comparison.end();
		}
		else {
			throw new QuerySyntaxError("followers: at column " + column
					+ " takes >n, >=n, <n, <=n or [low TO high], e.g. followers:>1000", column);
		}
		if (end < this.query.length() && !endsWord(this.query.charAt(end))) {
			throw new QuerySyntaxError("followers: at column " + column
					+ " takes >n, >=n, <n, <=n or [low TO high], e.g. followers:>1000", column);
		}
		add(Kind.TERM, column, new QueryNode.Followers(min, max));
		return end;
	}

	private QueryNode keyword(QueryNode.KeywordField field, int start, int end) {
		String value = this.query.substring(start, end);
		int wildcard = indexOfWildcard(value);
		if (wildcard >= 0) {
			int column = start + wildcard + 1;
			if (!field.wildcards) {
				throw new QuerySyntaxError("wildcards are not allowed in " + field.name().toLowerCase(Locale.ROOT)
						+ ": (column " + column + "); write the whole value", column);
			}
			if (field == QueryNode.KeywordField.URL) {
				if (wildcard < 2) {
					throw new QuerySyntaxError("leading wildcard not allowed: put at least two letters before "
							+ value.charAt(wildcard) + " at column " + column, column);
				}
				countWildcardWord(column);
			}
			else {
				checkWildcards(value, start);
			}
		}
		String normalized = switch (field) {
			case SITE -> MentionAnalysis.host(value);
			case URL -> MentionAnalysis.normalizeUrl(value);
			case AUTHOR, HASHTAG, MENTION -> MentionAnalysis.handle(value);
			default -> value.toLowerCase(Locale.ROOT);
		};
		if (normalized == null || normalized.isEmpty() || normalized.equals("*")) {
			throw new QuerySyntaxError(field.name().toLowerCase(Locale.ROOT) + " at column " + start
					+ " needs a value with letters or digits", start);
		}
		return new QueryNode.Keyword(field, normalized, wildcard >= 0);
	}

	/** A word outside quotes: {@code #tag}, {@code @handle} or words with optional wildcards. */
	private QueryNode plainWord(int start, int end) {
		char first = this.query.charAt(start);
		if ((first == '#' || first == '@') && end - start > 1) {
			int valueStart = start + 1;
			char second = this.query.charAt(valueStart);
			if (second == '*' || second == '?') {
				throw new QuerySyntaxError("leading wildcard not allowed: put at least two letters before " + second
						+ " at column " + (valueStart + 1), valueStart + 1);
			}
			if (TokenizedText.isWordChar(this.query.codePointAt(valueStart))) {
				return keyword((first == '#') ? QueryNode.KeywordField.HASHTAG : QueryNode.KeywordField.MENTION,
						valueStart, end);
			}
		}
		return toNode(word(start, end, false));
	}

	private static int indexOfWildcard(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '*' || s.charAt(i) == '?') {
				return i;
			}
		}
		return -1;
	}

	/** Rejects leading wildcards, {@code **}, and too many wildcards; {@code offset} is where {@code value} starts. */
	private void checkWildcards(String value, int offset) {
		int first = indexOfWildcard(value);
		int column = offset + first + 1;
		char wildcard = value.charAt(first);
		int letters = 0;
		for (int i = first - 1; i >= 0 && TokenizedText.isWordChar(value.charAt(i)); i--) {
			letters++;
		}
		if (letters == 0) {
			throw new QuerySyntaxError("leading wildcard not allowed: put at least two letters before " + wildcard
					+ " at column " + column, column);
		}
		if (letters < 2) {
			throw new QuerySyntaxError("wildcard too short: put at least two letters before " + wildcard
					+ " at column " + column, column);
		}
		int count = 0;
		for (int i = first; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '*' || c == '?') {
				count++;
				if (c == '*' && i > first && value.charAt(i - 1) == '*') {
					throw new QuerySyntaxError("wildcard * at column " + (offset + i + 1)
							+ " follows another *: one is enough", offset + i + 1);
				}
			}
			else if (!TokenizedText.isWordChar(value.codePointAt(i))) {
				throw new QuerySyntaxError("wildcard " + wildcard + " at column " + column
						+ " must be followed by letters, digits or the end of the word", column);
			}
		}
		if (count > MAX_WILDCARDS_PER_WORD) {
			throw new QuerySyntaxError("too many wildcards in the word at column " + (offset + 1) + ": at most "
					+ MAX_WILDCARDS_PER_WORD + " per word", offset + 1);
		}
		countWildcardWord(column);
	}

	private void countWildcardWord(int column) {
		if (++this.wildcardWords > MAX_WILDCARD_WORDS) {
			throw new QuerySyntaxError("too many wildcard words: a query may have at most " + MAX_WILDCARD_WORDS
					+ "; split it into several topics", column);
		}
	}

	private int countTerm(int terms, int column) {
		if (terms == MAX_TERMS) {
			throw new QuerySyntaxError("too many terms: a query may have at most " + MAX_TERMS
					+ " words and phrases; split it into several topics", column);
		}
		return terms + 1;
	}

	private void add(Kind kind, int column, QueryNode node) {
		this.lexemes.add(new Lexeme(kind, column, node, null, 0, false));
	}

	/** The words of {@code query[start, end)}, which holds no whitespace; {@code *} and {@code ?} are wildcards. */
	private List<QueryNode.Word> word(int start, int end, boolean mayBeEmpty) {
		String text = this.query.substring(start, end);
		int wildcard = indexOfWildcard(text);
		if (wildcard < 0 || (text.indexOf('*') < 0 && TokenizedText.tokenize(text).isEmpty())) {
			List<String> tokens = TokenizedText.tokenize(text);
			if (tokens.isEmpty() && !mayBeEmpty) {
				throw new QuerySyntaxError("\"" + text + "\" at column " + (start + 1)
						+ " has no letters or digits to search for", start + 1);
			}
			return tokens.stream().map((token) -> new QueryNode.Word(token, false)).toList();
		}
		checkWildcards(text, start);
		List<String> tokens = TokenizedText.tokenize(text.substring(0, wildcard));
		List<QueryNode.Word> words = new ArrayList<>(tokens.size());
		for (int k = 0; k < tokens.size() - 1; k++) {
			words.add(new QueryNode.Word(tokens.get(k), false));
		}
		words.add(new QueryNode.Word(tokens.getLast() + normalizeWildcardTail(text.substring(wildcard)), true));
		return words;
	}

	/** Lower-cases and folds the letters after the first wildcard, keeping the wildcards in place. */
	static String normalizeWildcardTail(String tail) {
		StringBuilder out = new StringBuilder(tail.length());
		int segment = 0;
		for (int i = 0; i <= tail.length(); i++) {
			if (i == tail.length() || tail.charAt(i) == '*' || tail.charAt(i) == '?') {
				if (i > segment) {
					out.append(String.join("", TokenizedText.tokenize(tail.substring(segment, i))));
				}
				if (i < tail.length()) {
					out.append(tail.charAt(i));
				}
				segment = i + 1;
			}
		}
		return out.toString();
	}

	private List<QueryNode.Word> phraseWords(int start, int end, int quoteColumn) {
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
		return words;
	}

	private static QueryNode toNode(List<QueryNode.Word> words) {
		return (words.size() == 1) ? new QueryNode.Term(words.getFirst()) : new QueryNode.Phrase(words);
	}

	// Parsing: or := and (OR and)* ; and := unary ([AND] unary)* ; unary := NOT unary | - near | near ;
	// near := primary ((NEAR/n | ONEAR/n) primary)*

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
			return negate(parseNear(), lexeme.column);
		}
		return parseNear();
	}

	private QueryNode parseNear() {
		QueryNode left = parsePrimary();
		while (peek().kind == Kind.NEAR) {
			Lexeme operator = take();
			Kind following = peek().kind;
			if (following != Kind.TERM && following != Kind.LPAREN) {
				throw danglingOperator(operator);
			}
			QueryNode right = parsePrimary();
			requireSpan(left, operator);
			requireSpan(right, operator);
			left = new QueryNode.Near(left, right, operator.distance, operator.ordered, operator.column);
		}
		return left;
	}

	private static void requireSpan(QueryNode operand, Lexeme operator) {
		boolean span = switch (operand) {
			case QueryNode.Term term -> term.scope() == QueryNode.Scope.TEXT;
			case QueryNode.Phrase phrase -> phrase.scope() == QueryNode.Scope.TEXT && phrase.slop() == 0;
			case QueryNode.Near near -> true;
			case QueryNode.Or or -> {
				for (QueryNode inner : or.operands()) {
					requireSpan(inner, operator);
				}
				yield true;
			}
			default -> false;
		};
		if (!span) {
			throw new QuerySyntaxError(operator.text + " at column " + operator.column
					+ " works on words, \"phrases\" and (OR groups) of them: fields, ~, NOT and AND can't be on "
					+ "either side", operator.column);
		}
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
					if (close.kind == Kind.NEAR) {
						throw danglingOperator(close);
					}
					throw new QuerySyntaxError("unbalanced parentheses: close the parenthesis opened at column "
							+ lexeme.column + " with a )", lexeme.column);
				}
				yield inner;
			}
			case AND, OR, NEAR -> throw danglingOperator(lexeme);
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
		return new QuerySyntaxError(operator + " at column " + operator.column + " needs a term on both sides",
				operator.column);
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
