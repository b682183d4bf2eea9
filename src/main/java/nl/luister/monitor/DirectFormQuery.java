package nl.luister.monitor;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A topic's compiled Lucene query as the monitor stores it, carrying the topic's {@link DirectTopic direct form}: the
 * monitor hands a candidate's stored query to {@link VerifyingMatcher}, which so finds the form the candidate was
 * indexed with without a look-up by id (at 100k topics that look-up, a miss in a large map per candidate, was a tenth
 * of matching a batch) and never a newer or older form than the query it was presearched by.
 *
 * <p>To everything else it is the Lucene query: the presearcher extracts the same terms (it visits the wrapped query),
 * and a searcher rewrites it to the wrapped query. The monitor does not split it at a top-level {@code OR} (it splits
 * Boolean queries only), so a topic is one candidate per batch and index.
 */
final class DirectFormQuery extends Query {

	private final Query lucene;

	private final DirectTopic direct;

	DirectFormQuery(Query lucene, DirectTopic direct) {
		this.lucene = lucene;
		this.direct = direct;
	}

	/** The compiled Lucene query. */
	Query lucene() {
		return this.lucene;
	}

	/** The topic's direct form. */
	DirectTopic direct() {
		return this.direct;
	}

	@Override
	public Query rewrite(IndexSearcher searcher) {
		return this.lucene;
	}

	@Override
	public void visit(QueryVisitor visitor) {
		this.lucene.visit(visitor);
	}

	@Override
	public String toString(String field) {
		return this.lucene.toString(field);
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && this.lucene.equals(((DirectFormQuery) other).lucene)
				&& this.direct == ((DirectFormQuery) other).direct;
	}

	@Override
	public int hashCode() {
		return 31 * classHash() + this.lucene.hashCode();
	}

}
