package nl.luister.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.FieldMaskingSpanQuery;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Compiles a {@link QueryNode} tree to a Lucene {@link Query} over the fields of {@link MentionAnalysis}.
 *
 * <p>Words go to the (stemmed) text field; wildcard words always to the unstemmed one, with a required
 * {@code pfx.} prefix term (and {@code sfx.} suffix and {@code ngr.} gram terms) beside them so the presearcher can
 * select on it. {@code NEAR}/{@code ONEAR}
 * become span queries; sloppy phrases {@code PhraseQuery} with slop. Stateless and thread-safe.
 */
final class LuceneQueries {

	/** Bounds the automaton built for a wildcard word; our words are short, so this is never reached in practice. */
	static final int DETERMINIZE_WORK_LIMIT = Operations.DEFAULT_DETERMINIZE_WORK_LIMIT;

	/** A searcher over no documents, for rewrites that do not depend on the documents. */
	private static final IndexSearcher NO_DOCUMENTS = noDocuments();

	private LuceneQueries() {
	}

	/** Whether a compiled query selects on prefix, suffix or gram terms (it has a wildcard word). */
	static boolean usesAffixes(Query query) {
		boolean[] found = { false };
		forEachTerm(query, (term) -> {
			if (MentionAnalysis.isAffixField(term.field())) {
				found[0] = true;
			}
		});
		return found[0];
	}

	/** Every term a compiled query names (not those a wildcard or range stands for). */
	static void forEachTerm(Query query, java.util.function.Consumer<Term> action) {
		query.visit(new QueryVisitor() {
			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				for (Term term : terms) {
					action.accept(term);
				}
			}
		});
	}

	/** The fields a compiled query reads. */
	static Set<String> fields(Query query) {
		Set<String> fields = new java.util.HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}

			@Override
			public boolean acceptField(String field) {
				fields.add(field);
				return true;
			}

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				for (Term term : terms) {
					fields.add(term.field());
				}
			}

			@Override
			public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
				fields.add(field);
			}
		});
		return fields;
	}

	private static IndexSearcher noDocuments() {
		try {
			return new IndexSearcher(new MultiReader());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not open an empty reader", ex);
		}
	}

	/**
	 * The query as Lucene rewrites it before every search, done once: boolean clauses flattened and wildcards
	 * wrapped for constant-score matching. Verifying a candidate then skips the rewrite loop, which otherwise
	 * rebuilt (and hashed) the query for every mention. Only queries made of parts whose rewrite ignores the
	 * documents are rewritten; spans and numeric ranges (whose rewrite reads the index) are returned unchanged.
	 */
	static Query prerewritten(Query query) {
		boolean[] documentFree = { true };
		query.visit(new QueryVisitor() {
			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				check(parent);
				return this;
			}

			@Override
			public void visitLeaf(Query leaf) {
				check(leaf);
			}

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				check(leaf);
			}

			@Override
			public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
				check(leaf);
			}

			private void check(Query part) {
				if (!(part instanceof BooleanQuery || part instanceof TermQuery || part instanceof PhraseQuery
						|| part instanceof WildcardQuery || part instanceof PrefixQuery
						|| part instanceof MatchAllDocsQuery)) {
					documentFree[0] = false;
				}
			}
		});
		if (!documentFree[0]) {
			return query;
		}
		try {
			return NO_DOCUMENTS.rewrite(query);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not rewrite " + query, ex);
		}
	}

	/**
	 * The query without the prefix, suffix and gram terms beside its wildcard words and the word pair beside an exact
	 * phrase: those only serve the presearcher (a word that matches the wildcard has them, a mention with the phrase
	 * has its pairs), so a mention's index for verifying the query needs only its words and keyword values.
	 */
	static Query withoutSelectionTerms(Query query) {
		if (query instanceof ConstantScoreQuery constant) {
			return new ConstantScoreQuery(withoutSelectionTerms(constant.getQuery()));
		}
		if (query instanceof BoostQuery boost) {
			return new BoostQuery(withoutSelectionTerms(boost.getQuery()), boost.getBoost());
		}
		if (!(query instanceof BooleanQuery bool)) {
			return query;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder()
			.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
		List<BooleanClause> kept = new ArrayList<>();
		for (BooleanClause clause : bool.clauses()) {
			if (clause.occur() == Occur.FILTER && clause.query() instanceof TermQuery term
					&& (MentionAnalysis.isAffixField(term.getTerm().field())
							|| term.getTerm().field().equals(MentionAnalysis.PAIRS))) {
				continue;
			}
			kept.add(new BooleanClause(withoutSelectionTerms(clause.query()), clause.occur()));
		}
		if (kept.size() == 1 && kept.getFirst().occur() == Occur.MUST && kept.size() < bool.clauses().size()) {
			return kept.getFirst().query();
		}
		kept.forEach(builder::add);
		return builder.build();
	}

	static Query compile(QueryNode node, Stemming stemming) {
		return switch (node) {
			case QueryNode.Term term -> term(term, stemming);
			case QueryNode.Phrase phrase -> phrase(phrase, stemming);
			case QueryNode.Raw raw -> raw(raw);
			case QueryNode.Keyword keyword -> keyword(keyword);
			case QueryNode.Followers followers -> IntPoint.newRangeQuery(MentionAnalysis.FOLLOWERS,
					clamp(followers.min()), clamp(followers.max()));
			case QueryNode.Near near -> withPrefixFilters(span(near, stemming), near);
			case QueryNode.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
				.add(compile(not.operand(), stemming), Occur.MUST_NOT)
				.build();
			case QueryNode.And and -> and(and, stemming);
			case QueryNode.Or or -> {
				BooleanQuery.Builder builder = new BooleanQuery.Builder();
				for (QueryNode operand : or.operands()) {
					builder.add(compile(operand, stemming), Occur.SHOULD);
				}
				yield builder.build();
			}
		};
	}

	private static Query and(QueryNode.And and, Stemming stemming) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		boolean positive = false;
		for (QueryNode operand : and.operands()) {
			if (operand instanceof QueryNode.Not not) {
				builder.add(compile(not.operand(), stemming), Occur.MUST_NOT);
			}
			else {
				builder.add(compile(operand, stemming), Occur.MUST);
				positive = true;
			}
		}
		if (!positive) {
			builder.add(new MatchAllDocsQuery(), Occur.FILTER);
		}
		return builder.build();
	}

	private static Query term(QueryNode.Term term, Stemming stemming) {
		String base = (term.scope() == QueryNode.Scope.TITLE) ? MentionAnalysis.TITLE : MentionAnalysis.TEXT;
		QueryNode.Word word = term.word();
		if (word.wildcard()) {
			return withPrefixFilter(multiTerm(base, word), base, word);
		}
		String field = MentionAnalysis.field(base, stemming);
		return new TermQuery(new Term(field, stemmed(word.text(), field, stemming)));
	}

	private static Query phrase(QueryNode.Phrase phrase, Stemming stemming) {
		String base = (phrase.scope() == QueryNode.Scope.TITLE) ? MentionAnalysis.TITLE : MentionAnalysis.TEXT;
		String field = MentionAnalysis.field(base, stemming);
		if (!phrase.hasWildcard()) {
			PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(phrase.slop());
			for (QueryNode.Word word : phrase.words()) {
				builder.add(new Term(field, stemmed(word.text(), field, stemming)));
			}
			if (phrase.slop() > 0 || phrase.scope() != QueryNode.Scope.TEXT || stemming != Stemming.NONE) {
				return builder.build();
			}
			// An exact unstemmed phrase implies its word pairs in the text; the longest one selects the topic.
			return new BooleanQuery.Builder().add(builder.build(), Occur.MUST)
				.add(new TermQuery(new Term(MentionAnalysis.PAIRS, longestPair(phrase.words()))), Occur.FILTER)
				.build();
		}
		SpanQuery[] clauses = new SpanQuery[phrase.words().size()];
		for (int i = 0; i < clauses.length; i++) {
			clauses[i] = spanWord(phrase.words().get(i), base, field, stemming);
		}
		Query spans = new SpanNearQuery(clauses, phrase.slop(), true);
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(spans, Occur.MUST);
		for (QueryNode.Word word : phrase.words()) {
			addPrefixFilter(builder, base, word);
		}
		return builder.build();
	}

	private static Query raw(QueryNode.Raw raw) {
		if (raw.words().size() == 1) {
			return new TermQuery(new Term(MentionAnalysis.RAW, raw.words().getFirst()));
		}
		PhraseQuery.Builder builder = new PhraseQuery.Builder();
		for (String word : raw.words()) {
			builder.add(new Term(MentionAnalysis.RAW, word));
		}
		return builder.build();
	}

	private static Query keyword(QueryNode.Keyword keyword) {
		String field = keyword.field().field;
		QueryNode.Word word = new QueryNode.Word(keyword.value(), keyword.wildcard());
		if (!keyword.wildcard()) {
			return new TermQuery(new Term(field, keyword.value()));
		}
		return withPrefixFilter(multiTerm(field, word), field, word);
	}

	private static MultiTermQuery multiTerm(String field, QueryNode.Word word) {
		if (word.prefix()) {
			return new PrefixQuery(new Term(field, word.text().substring(0, word.text().length() - 1)));
		}
		return new WildcardQuery(new Term(field, word.text()), DETERMINIZE_WORK_LIMIT);
	}

	private static SpanQuery span(QueryNode node, Stemming stemming) {
		String field = MentionAnalysis.field(MentionAnalysis.TEXT, stemming);
		return switch (node) {
			case QueryNode.Term term -> spanWord(term.word(), MentionAnalysis.TEXT, field, stemming);
			case QueryNode.Phrase phrase -> {
				SpanQuery[] clauses = new SpanQuery[phrase.words().size()];
				for (int i = 0; i < clauses.length; i++) {
					clauses[i] = spanWord(phrase.words().get(i), MentionAnalysis.TEXT, field, stemming);
				}
				yield new SpanNearQuery(clauses, 0, true);
			}
			case QueryNode.Or or -> {
				SpanQuery[] clauses = new SpanQuery[or.operands().size()];
				for (int i = 0; i < clauses.length; i++) {
					clauses[i] = span(or.operands().get(i), stemming);
				}
				yield new SpanOrQuery(clauses);
			}
			case QueryNode.Near near -> new SpanNearQuery(
					new SpanQuery[] { span(near.left(), stemming), span(near.right(), stemming) }, near.distance(),
					near.ordered());
			default -> throw new IllegalArgumentException("not a proximity operand: " + node);
		};
	}

	private static SpanQuery spanWord(QueryNode.Word word, String base, String field, Stemming stemming) {
		if (!word.wildcard()) {
			return new SpanTermQuery(new Term(field, stemmed(word.text(), field, stemming)));
		}
		SpanQuery wildcard = new SpanMultiTermQueryWrapper<>(multiTerm(base, word));
		// Wildcard words live in the unstemmed field; the positions are the same, so mask it as the stemmed one.
		return base.equals(field) ? wildcard : new FieldMaskingSpanQuery(wildcard, field);
	}

	/** Required prefix terms for the wildcard words a proximity match cannot do without. */
	private static Query withPrefixFilters(SpanQuery spans, QueryNode.Near near) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(spans, Occur.MUST);
		List<QueryNode.Word> required = new ArrayList<>();
		requiredWords(near, required);
		for (QueryNode.Word word : required) {
			addPrefixFilter(builder, MentionAnalysis.TEXT, word);
		}
		return builder.build();
	}

	private static void requiredWords(QueryNode node, List<QueryNode.Word> into) {
		switch (node) {
			case QueryNode.Term term -> into.add(term.word());
			case QueryNode.Phrase phrase -> into.addAll(phrase.words());
			case QueryNode.Near near -> {
				requiredWords(near.left(), into);
				requiredWords(near.right(), into);
			}
			default -> {
			}
		}
	}

	private static Query withPrefixFilter(Query query, String base, QueryNode.Word word) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
		addPrefixFilter(builder, base, word);
		return builder.build();
	}

	private static void addPrefixFilter(BooleanQuery.Builder builder, String base, QueryNode.Word word) {
		if (!word.wildcard()) {
			return;
		}
		Term prefix = MentionAnalysis.prefixTerm(base, word.literalPrefix());
		if (prefix != null) {
			builder.add(new TermQuery(prefix), Occur.FILTER);
		}
		Term suffix = MentionAnalysis.suffixTerm(base, word.literalSuffix());
		if (suffix != null) {
			builder.add(new TermQuery(suffix), Occur.FILTER);
		}
		for (Term gram : MentionAnalysis.gramTerms(base, word.text())) {
			builder.add(new TermQuery(gram), Occur.FILTER);
		}
	}

	private static String longestPair(List<QueryNode.Word> words) {
		String best = "";
		for (int i = 1; i < words.size(); i++) {
			String pair = words.get(i - 1).text() + " " + words.get(i).text();
			if (pair.length() > best.length()) {
				best = pair;
			}
		}
		return best;
	}

	static String stemmed(String word, String field, Stemming stemming) {
		return (stemming == Stemming.NONE) ? word : MentionAnalysis.stem(word, field);
	}

	private static int clamp(long value) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

}
