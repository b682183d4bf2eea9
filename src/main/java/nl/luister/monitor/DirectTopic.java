package nl.luister.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * A topic query compiled for direct verification over a {@link MentionBatch}: each part of the query gives the set
 * of the batch's documents it matches, as a bit set, from the batch's term sets, without building a Lucene index of
 * the batch or rewriting and scoring a Lucene query per candidate.
 *
 * <p>It follows {@link LuceneQueries#compile} part for part (same fields, same stemming, wildcards with Lucene's
 * own automaton), and {@code PresearcherOracleTests} holds the two to the same matches. Proximity ({@code NEAR},
 * {@code ONEAR}), sloppy phrases ({@code "a b"~n}) and phrases with a wildcard word are left to Lucene's span and
 * sloppy phrase queries, whose matching is subtle to repeat: for them the form is only a condition every match
 * meets (all the words are there), which spares asking Lucene about batches where no document meets it. The prefix
 * and suffix filter terms Lucene's form carries beside a wildcard word are left out: they only serve the
 * presearcher, and a word that matches the wildcard has them.
 *
 * <p>Thread-safe: immutable; the bit sets it returns are new or taken from the batch, and never changed.
 */
final class DirectTopic {

	private final Node root;

	private final boolean exact;

	/** For a form that is not exact, the Lucene query that verifies the topic ({@code null} when not given). */
	private final Query verification;

	private DirectTopic(Node root, boolean exact, Query verification) {
		this.root = root;
		this.exact = exact;
		this.verification = exact ? null : verification;
	}

	/**
	 * The direct form of a topic. When the topic has a part only Lucene's span queries verify, the form is not
	 * {@link #exact()} but a <em>necessary condition</em>: a document it leaves out cannot match (a {@code NEAR}
	 * needs all its words), so Lucene is asked only about batches where some document passes it. {@code null} when not
	 * even such a condition can be given (e.g. {@code NOT (a NEAR/2 b)} alone).
	 */
	static DirectTopic compile(QueryNode node, Stemming stemming) {
		return compile(node, stemming, null);
	}

	/**
	 * {@link #compile(QueryNode, Stemming)}, keeping {@code lucene} (the topic's whole Lucene query) as the
	 * {@link #verification} of a form that is not exact.
	 */
	static DirectTopic compile(QueryNode node, Stemming stemming, Query lucene) {
		Compiled compiled = node(node, stemming);
		return (compiled == null) ? null
				: new DirectTopic(compiled.node(), compiled.exact(),
						(lucene == null) ? null : LuceneQueries.withoutSelectionTerms(lucene));
	}

	/**
	 * For a form that is not {@link #exact()}: the whole topic's Lucene query, without the terms that only serve the
	 * presearcher, to run on each document that meets the condition; {@code null} for an exact form.
	 */
	Query verification() {
		return this.verification;
	}

	/** Whether {@link #matches} is the topic's answer, rather than a condition every match meets. */
	boolean exact() {
		return this.exact;
	}

	/**
	 * The documents of the batch this topic matches, or for a form that is not {@link #exact()} the documents that
	 * may match (a bit set the caller must not change).
	 */
	long[] matches(MentionBatch batch) {
		return this.root.eval(batch);
	}

	/** A compiled part: exactly what it matches, or (not exact) a superset of it. */
	private record Compiled(Node node, boolean exact) {

		static Compiled exactly(Node node) {
			return new Compiled(node, true);
		}

	}

	/** {@code null}: nothing narrower than every document can be said. */
	private static Compiled node(QueryNode node, Stemming stemming) {
		return switch (node) {
			case QueryNode.Term term -> Compiled.exactly(term(term, stemming));
			case QueryNode.Phrase phrase -> phrase(phrase, stemming);
			case QueryNode.Raw raw -> Compiled.exactly((raw.words().size() == 1)
					? new TermNode(MentionAnalysis.RAW, raw.words().getFirst())
					: new PhraseNode(MentionAnalysis.RAW, raw.words().toArray(String[]::new)));
			case QueryNode.Keyword keyword -> Compiled.exactly(keyword.wildcard()
					? wildcard(keyword.field().field, new QueryNode.Word(keyword.value(), true))
					: new TermNode(keyword.field().field, keyword.value()));
			case QueryNode.Followers followers -> Compiled
				.exactly(new FollowersNode(clamp(followers.min()), clamp(followers.max())));
			case QueryNode.Near near -> {
				// Either side must be there for the two to be near each other; how near is Lucene's to say.
				Compiled left = node(near.left(), stemming);
				Compiled right = node(near.right(), stemming);
				if (left == null || right == null) {
					yield (left == null) ? inexact(right) : inexact(left);
				}
				yield new Compiled(new AndNode(new Node[] { left.node(), right.node() }, new Node[0]), false);
			}
			case QueryNode.Not not -> {
				Compiled operand = node(not.operand(), stemming);
				yield (operand == null || !operand.exact()) ? null
						: Compiled.exactly(new AndNode(new Node[0], new Node[] { operand.node() }));
			}
			case QueryNode.And and -> and(and, stemming);
			case QueryNode.Or or -> {
				Node[] operands = new Node[or.operands().size()];
				boolean exact = true;
				for (int i = 0; i < operands.length; i++) {
					Compiled operand = node(or.operands().get(i), stemming);
					if (operand == null) {
						yield null;
					}
					operands[i] = operand.node();
					exact &= operand.exact();
				}
				yield new Compiled(new OrNode(operands), exact);
			}
		};
	}

	private static Compiled inexact(Compiled compiled) {
		return (compiled == null) ? null : new Compiled(compiled.node(), false);
	}

	/** Required parts must all hold; an excluded part narrows the result only when its form is exact. */
	private static Compiled and(QueryNode.And and, Stemming stemming) {
		List<Node> required = new ArrayList<>();
		List<Node> excluded = new ArrayList<>();
		boolean exact = true;
		for (QueryNode operand : and.operands()) {
			boolean negated = operand instanceof QueryNode.Not;
			Compiled compiled = node(negated ? ((QueryNode.Not) operand).operand() : operand, stemming);
			if (compiled == null) {
				exact = false;
				continue;
			}
			if (negated && !compiled.exact()) {
				exact = false;
				continue;
			}
			exact &= compiled.exact();
			(negated ? excluded : required).add(compiled.node());
		}
		if (!exact && required.isEmpty()) {
			return null;
		}
		return new Compiled(new AndNode(required.toArray(Node[]::new), excluded.toArray(Node[]::new)), exact);
	}

	private static Node term(QueryNode.Term term, Stemming stemming) {
		String base = (term.scope() == QueryNode.Scope.TITLE) ? MentionAnalysis.TITLE : MentionAnalysis.TEXT;
		QueryNode.Word word = term.word();
		if (word.wildcard()) {
			return wildcard(base, word);
		}
		String field = MentionAnalysis.field(base, stemming);
		return new TermNode(field, LuceneQueries.stemmed(word.text(), field, stemming));
	}

	private static Compiled phrase(QueryNode.Phrase phrase, Stemming stemming) {
		String base = (phrase.scope() == QueryNode.Scope.TITLE) ? MentionAnalysis.TITLE : MentionAnalysis.TEXT;
		String field = MentionAnalysis.field(base, stemming);
		if (phrase.hasWildcard() || phrase.slop() > 0) {
			// Every word must be there (a wildcard word in the unstemmed field, as Lucene's span form has it).
			Node[] words = new Node[phrase.words().size()];
			for (int i = 0; i < words.length; i++) {
				QueryNode.Word word = phrase.words().get(i);
				words[i] = word.wildcard() ? wildcard(base, word)
						: new TermNode(field, LuceneQueries.stemmed(word.text(), field, stemming));
			}
			return new Compiled(new AndNode(words, new Node[0]), false);
		}
		String[] words = new String[phrase.words().size()];
		for (int i = 0; i < words.length; i++) {
			words[i] = LuceneQueries.stemmed(phrase.words().get(i).text(), field, stemming);
		}
		return Compiled.exactly((words.length == 1) ? new TermNode(field, words[0]) : new PhraseNode(field, words));
	}

	private static Node wildcard(String field, QueryNode.Word word) {
		String text = word.text();
		if (word.prefix()) {
			return new WildcardNode(field + "\u0000" + text, field, text.substring(0, text.length() - 1), "", null);
		}
		// Lucene reads a backslash as an escape; the literal start is then only known up to it.
		String literal = word.literalPrefix();
		int escape = literal.indexOf('\\');
		CharacterRunAutomaton automaton = new CharacterRunAutomaton(WildcardQuery.toAutomaton(
				new org.apache.lucene.index.Term(field, text), LuceneQueries.DETERMINIZE_WORK_LIMIT));
		int last = Math.max(text.lastIndexOf('*'), text.lastIndexOf('?'));
		String suffix = (text.indexOf('\\') >= 0) ? "" : text.substring(last + 1);
		return new WildcardNode(field + "\u0000" + text, field, (escape >= 0) ? literal.substring(0, escape) : literal,
				suffix, automaton);
	}

	private static int clamp(long value) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

	/** Whether a bit set of a batch holds no document. */
	static boolean isEmpty(long[] bits) {
		for (long word : bits) {
			if (word != 0) {
				return false;
			}
		}
		return true;
	}

	private sealed interface Node permits TermNode, PhraseNode, WildcardNode, FollowersNode, AndNode, OrNode {

		long[] eval(MentionBatch batch);

	}

	private record TermNode(String field, String term) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] bits = batch.documents(this.field, this.term);
			return (bits == null) ? batch.none() : bits;
		}

	}

	/** Words at consecutive positions of one field (Lucene's exact {@code PhraseQuery}). */
	private record PhraseNode(String field, String[] words) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] candidates = null;
			for (String word : this.words) {
				long[] bits = batch.documents(this.field, word);
				if (bits == null) {
					return batch.none();
				}
				if (candidates == null) {
					candidates = bits.clone();
				}
				else {
					for (int i = 0; i < candidates.length; i++) {
						candidates[i] &= bits[i];
					}
				}
			}
			for (int w = 0; w < candidates.length; w++) {
				long remaining = candidates[w];
				while (remaining != 0) {
					int bit = Long.numberOfTrailingZeros(remaining);
					remaining &= remaining - 1;
					if (!at(batch.words(this.field, (w << 6) + bit))) {
						candidates[w] &= ~(1L << bit);
					}
				}
			}
			return candidates;
		}

		private boolean at(String[] tokens) {
			for (int start = 0; start + this.words.length <= tokens.length; start++) {
				int k = 0;
				while (k < this.words.length && tokens[start + k].equals(this.words[k])) {
					k++;
				}
				if (k == this.words.length) {
					return true;
				}
			}
			return false;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PhraseNode p && p.field.equals(this.field) && Arrays.equals(p.words, this.words);
		}

		@Override
		public int hashCode() {
			return this.field.hashCode() * 31 + Arrays.hashCode(this.words);
		}

		@Override
		public String toString() {
			return this.field + ":\"" + String.join(" ", this.words) + "\"";
		}

	}

	/**
	 * A word with {@code *} or {@code ?}: the batch's terms of the field that start with the literal prefix, checked
	 * with Lucene's wildcard automaton ({@code null}: a trailing {@code *} only, so the prefix is all) after the cheap
	 * test of the literal end ({@code suffix}: the letters after the last wildcard, empty when the word has an escape).
	 * Worked out once per batch for each field and word ({@code key}): many topics share words like {@code bezorg*}.
	 */
	private record WildcardNode(String key, String field, String prefix, String suffix,
			CharacterRunAutomaton automaton) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] known = batch.wildcard(this.key);
			if (known != null) {
				return known;
			}
			String[] terms = batch.sortedTerms(this.field);
			int from = Arrays.binarySearch(terms, this.prefix);
			if (from < 0) {
				from = -from - 1;
			}
			long[] result = batch.none();
			for (int i = from; i < terms.length && terms[i].startsWith(this.prefix); i++) {
				if (this.automaton == null || (terms[i].endsWith(this.suffix) && this.automaton.run(terms[i]))) {
					long[] bits = batch.documents(this.field, terms[i]);
					for (int w = 0; w < result.length; w++) {
						result[w] |= bits[w];
					}
				}
			}
			batch.wildcard(this.key, result);
			return result;
		}

	}

	/** The author's follower count in {@code [min, max]} (Lucene's {@code IntPoint} range). */
	private record FollowersNode(int min, int max) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] result = batch.none();
			for (int i = 0; i < batch.size(); i++) {
				Integer followers = batch.followers(i);
				if (followers != null && followers >= this.min && followers <= this.max) {
					result[i >>> 6] |= 1L << i;
				}
			}
			return result;
		}

	}

	/** Every required part and none of the excluded ones; all documents when nothing is required. */
	private record AndNode(Node[] required, Node[] excluded) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] result = null;
			for (Node node : this.required) {
				long[] bits = node.eval(batch);
				if (result == null) {
					result = bits.clone();
				}
				else {
					for (int w = 0; w < result.length; w++) {
						result[w] &= bits[w];
					}
				}
				if (isEmpty(result)) {
					return result;
				}
			}
			if (result == null) {
				result = batch.all().clone();
			}
			for (Node node : this.excluded) {
				long[] bits = node.eval(batch);
				for (int w = 0; w < result.length; w++) {
					result[w] &= ~bits[w];
				}
				if (isEmpty(result)) {
					return result;
				}
			}
			return result;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof AndNode a && Arrays.equals(a.required, this.required)
					&& Arrays.equals(a.excluded, this.excluded);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.required) * 31 + Arrays.hashCode(this.excluded);
		}

		@Override
		public String toString() {
			return "AND" + Arrays.toString(this.required) + " NOT" + Arrays.toString(this.excluded);
		}

	}

	/** At least one of the parts. */
	private record OrNode(Node[] operands) implements Node {

		@Override
		public long[] eval(MentionBatch batch) {
			long[] result = null;
			for (Node node : this.operands) {
				long[] bits = node.eval(batch);
				if (result == null) {
					result = bits.clone();
				}
				else {
					for (int w = 0; w < result.length; w++) {
						result[w] |= bits[w];
					}
				}
			}
			return (result == null) ? batch.none() : result;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof OrNode o && Arrays.equals(o.operands, this.operands);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.operands);
		}

		@Override
		public String toString() {
			return "OR" + Arrays.toString(this.operands);
		}

	}

}
