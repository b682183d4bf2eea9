package nl.luister.monitor;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Matches mentions against all standing topic queries.
 *
 * <p>Thread-safety: {@link #match} may be called from many threads at once while {@link #replaceAll},
 * {@link #put} or {@link #remove} change the topics; a match sees either the old or the new set of a
 * topic, never half of it.
 */
public interface TopicMatcher {

	/** Replaces every standing query at once (used at start-up). Each query must already be valid. */
	void replaceAll(Collection<StandingQuery> queries);

	/** Adds or replaces one standing query. */
	void put(StandingQuery query);

	/** Removes the topic's query; unknown ids are ignored. */
	void remove(long topicId);

	/**
	 * Matches a batch of documents.
	 *
	 * @return for each document, at the same index, the ids of the topics whose query matches it (empty set
	 *         when none); never {@code null}
	 */
	List<Set<Long>> match(List<MatchDocument> documents);

	/** A topic's id, its query text and the stemming its words match with ({@code null} is none). */
	record StandingQuery(long topicId, String query, Stemming stemming) {

		public StandingQuery {
			stemming = (stemming == null) ? Stemming.NONE : stemming;
		}

		/** A query without stemming. */
		public StandingQuery(long topicId, String query) {
			this(topicId, query, Stemming.NONE);
		}

	}
}
