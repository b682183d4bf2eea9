package nl.luister.monitor;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Verifies a candidate topic against the batch's in-memory index, like the monitor's {@code SIMPLE_MATCHER}, but
 * without the searcher's query cache (which hashed every candidate query for a cache that never pays off on a
 * throw-away index of a few documents) and without the collector and task machinery of
 * {@link IndexSearcher#search}: the rewritten query's scorer is walked directly over the batch's one segment.
 *
 * <p>One instance per batch, used by the matching thread only.
 */
final class VerifyingMatcher extends CandidateMatcher<QueryMatch> {

	static final MatcherFactory<QueryMatch> FACTORY = VerifyingMatcher::new;

	private VerifyingMatcher(IndexSearcher searcher) {
		super(searcher);
		searcher.setQueryCache(null);
	}

	@Override
	public void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
		Weight weight = this.searcher.createWeight(this.searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
		QueryMatch match = null;
		for (LeafReaderContext leaf : this.searcher.getIndexReader().leaves()) {
			ScorerSupplier supplier = weight.scorerSupplier(leaf);
			if (supplier == null) {
				continue;
			}
			Scorer scorer = supplier.get(Long.MAX_VALUE);
			DocIdSetIterator docs = scorer.iterator();
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				if (match == null) {
					match = new QueryMatch(queryId);
				}
				addMatch(match, leaf.docBase + doc);
			}
		}
	}

	@Override
	public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
		return match1;
	}

}
