package nl.luister.monitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Verifies the candidate topics of a batch, which the monitor presearched as one document
 * ({@link MentionBatch#presearchDocument}). A topic with an exact {@link DirectTopic direct form} (which its stored
 * query carries: {@link DirectFormQuery}) is checked once per batch over the batch's own analysis
 * ({@link MentionBatch}). Any other topic (proximity, sloppy phrases, wildcard phrases) is first held to its direct
 * form's necessary condition, and only the mentions that meet it are checked by Lucene, once for the whole topic
 * ({@link DirectTopic#verification}), each against an in-memory index of that mention's words alone
 * ({@link MentionBatch#searcher}), built only when some topic needs it. A candidate without a direct form is checked
 * by Lucene on every mention. Which mentions a topic matches goes to {@link Verified}, not to the monitor (whose one
 * document stands for the whole batch).
 *
 * <p>One instance per batch and query index, used by the matching thread only.
 */
final class VerifyingMatcher extends CandidateMatcher<QueryMatch> {

	private final MentionBatch batch;

	private final Verified verified;

	private VerifyingMatcher(IndexSearcher searcher, MentionBatch batch, Verified verified) {
		super(searcher);
		this.batch = batch;
		this.verified = verified;
	}

	/** A factory for one batch; {@code verified} receives the matches. */
	static MatcherFactory<QueryMatch> factory(MentionBatch batch, Verified verified) {
		return (searcher) -> new VerifyingMatcher(searcher, batch, verified);
	}

	@Override
	public void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
		if (!(matchQuery instanceof DirectFormQuery form)) {
			// no direct form (a safeguard: every topic the parser accepts has one; the monitor may offer each part
			// of such a query's top-level OR): Lucene checks every mention, on an index of all its fields
			verifyEach(queryId, matchQuery, this.batch.all(), true);
			return;
		}
		DirectTopic topic = form.direct();
		long[] documents = topic.matches(this.batch);
		if (topic.exact()) {
			this.verified.add(queryId, documents);
		}
		else {
			verifyEach(queryId, topic.verification(), documents, false);
		}
	}

	/** Runs a query on each of the {@code documents} alone; {@code allFields} when it may read more than words. */
	private void verifyEach(String queryId, Query query, long[] documents, boolean allFields) throws IOException {
		long[] matched = null;
		for (int w = 0; w < documents.length; w++) {
			long remaining = documents[w];
			while (remaining != 0) {
				int document = (w << 6) + Long.numberOfTrailingZeros(remaining);
				remaining &= remaining - 1;
				IndexSearcher searcher = allFields ? this.batch.fullSearcher(document) : this.batch.searcher(document);
				if (searcher.count(query) > 0) {
					if (matched == null) {
						matched = this.batch.none();
					}
					matched[document >>> 6] |= 1L << document;
				}
			}
		}
		if (matched != null) {
			this.verified.add(queryId, matched);
		}
	}

	@Override
	public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
		return match1;
	}

	/**
	 * The matches of one batch against one query index: per topic id the bit set of the mentions it matches. Used by
	 * the matching thread only.
	 */
	static final class Verified {

		private final int size;

		private final Map<String, long[]> byTopic = new LinkedHashMap<>();

		Verified(int size) {
			this.size = size;
		}

		/** Adds matches of a topic (its parts, when the monitor split it, add to each other). */
		void add(String topicId, long[] documents) {
			long[] known = this.byTopic.get(topicId);
			if (known == null) {
				if (!DirectTopic.isEmpty(documents)) {
					this.byTopic.put(topicId, documents.clone());
				}
				return;
			}
			for (int w = 0; w < known.length; w++) {
				known[w] |= documents[w];
			}
		}

		/** For each mention in order, the ids of the topics it matched, without the {@code hidden} ones. */
		List<Set<Long>> byDocument(Predicate<String> hidden) {
			List<Set<Long>> ids = new ArrayList<>(Collections.nCopies(this.size, Set.of()));
			this.byTopic.forEach((topicId, documents) -> {
				if (hidden.test(topicId)) {
					return;
				}
				long id = Long.parseLong(topicId);
				for (int w = 0; w < documents.length; w++) {
					long remaining = documents[w];
					while (remaining != 0) {
						int document = (w << 6) + Long.numberOfTrailingZeros(remaining);
						remaining &= remaining - 1;
						Set<Long> matched = ids.get(document);
						if (matched.isEmpty()) {
							matched = new LinkedHashSet<>();
							ids.set(document, matched);
						}
						matched.add(id);
					}
				}
			});
			for (int i = 0; i < ids.size(); i++) {
				if (!ids.get(i).isEmpty()) {
					ids.set(i, Collections.unmodifiableSet(ids.get(i)));
				}
			}
			return ids;
		}

	}

}
