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
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Verifies the candidate topics of a batch. A topic with an exact {@link DirectTopic direct form} is checked once per
 * batch (a top-level {@code OR} the monitor split into several candidates included) over the batch's own analysis
 * ({@link MentionBatch}). Any other topic (proximity, sloppy phrases, wildcard phrases) is first held to its direct
 * form's necessary condition, and only when some mention of the batch meets it checked by Lucene against the
 * monitor's index of the batch, like the monitor's {@code SIMPLE_MATCHER} but without the searcher's query cache (which
 * hashed every candidate query for a cache that never pays off on a throw-away index) and without the collector and
 * task machinery of {@link IndexSearcher#search}: the rewritten query's scorer is walked directly over the batch's one
 * segment.
 *
 * <p>One instance per batch and query index, used by the matching thread only.
 */
final class VerifyingMatcher extends CandidateMatcher<QueryMatch> {

	private final MentionBatch batch;

	private final Map<String, DirectTopic> direct;

	private VerifyingMatcher(IndexSearcher searcher, MentionBatch batch, Map<String, DirectTopic> direct) {
		super(searcher);
		this.batch = batch;
		this.direct = direct;
		searcher.setQueryCache(null);
	}

	/** A factory for one batch; {@code direct} holds the direct form of every topic that has one, by topic id. */
	static MatcherFactory<QueryMatch> factory(MentionBatch batch, Map<String, DirectTopic> direct) {
		return (searcher) -> new VerifyingMatcher(searcher, batch, direct);
	}

	@Override
	public void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
		DirectTopic topic = this.direct.get(queryId);
		if (topic != null && topic.exact()) {
			if (topic.firstAsk(this)) {
				long[] documents = topic.matches(this.batch);
				QueryMatch match = null;
				for (int w = 0; w < documents.length; w++) {
					long remaining = documents[w];
					while (remaining != 0) {
						if (match == null) {
							match = new QueryMatch(queryId);
						}
						addMatch(match, (w << 6) + Long.numberOfTrailingZeros(remaining));
						remaining &= remaining - 1;
					}
				}
			}
			return;
		}
		if (topic != null && topic.possible(this.batch, this) == null) {
			return;
		}
		Weight weight = this.searcher.createWeight(this.searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
		QueryMatch match = null;
		for (LeafReaderContext leaf : this.searcher.getIndexReader().leaves()) {
			ScorerSupplier supplier = weight.scorerSupplier(leaf);
			if (supplier == null) {
				continue;
			}
			DocIdSetIterator docs = supplier.get(Long.MAX_VALUE).iterator();
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
