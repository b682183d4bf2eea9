package nl.luister.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link TopicMatcher} that evaluates every topic query against every document, tokenising each document
 * once per batch.
 *
 * <p>Thread-safety: the topics live in an immutable snapshot behind a volatile field. Writers
 * ({@link #put}, {@link #remove}, {@link #replaceAll}) parse outside the lock, then copy and swap the
 * snapshot under a lock; {@link #match} reads the snapshot once per batch without locking, so a whole batch
 * sees one consistent set of topics.
 *
 * <p>Errors: {@link #put} and {@link #replaceAll} throw {@link QuerySyntaxError} for an invalid query and then
 * change nothing. {@code null} arguments, or {@code null} documents in a batch, raise
 * {@link NullPointerException}.
 */
public final class SimpleTopicMatcher implements TopicMatcher {

	private final Object writeLock = new Object();

	private volatile Snapshot snapshot = Snapshot.of(new TreeMap<>());

	@Override
	public void replaceAll(Collection<StandingQuery> queries) {
		TreeMap<Long, TopicQuery> parsed = new TreeMap<>();
		for (StandingQuery query : queries) {
			parsed.put(query.topicId(), parse(query));
		}
		synchronized (this.writeLock) {
			this.snapshot = Snapshot.of(parsed);
		}
	}

	@Override
	public void put(StandingQuery query) {
		TopicQuery parsed = parse(query);
		synchronized (this.writeLock) {
			TreeMap<Long, TopicQuery> topics = new TreeMap<>(this.snapshot.topics);
			topics.put(query.topicId(), parsed);
			this.snapshot = Snapshot.of(topics);
		}
	}

	@Override
	public void remove(long topicId) {
		synchronized (this.writeLock) {
			if (!this.snapshot.topics.containsKey(topicId)) {
				return;
			}
			TreeMap<Long, TopicQuery> topics = new TreeMap<>(this.snapshot.topics);
			topics.remove(topicId);
			this.snapshot = Snapshot.of(topics);
		}
	}

	@Override
	public List<Set<Long>> match(List<MatchDocument> documents) {
		Snapshot current = this.snapshot;
		List<Set<Long>> results = new ArrayList<>(documents.size());
		for (MatchDocument document : documents) {
			TokenizedText text = TokenizedText.of(document);
			Set<Long> matched = null;
			for (int i = 0; i < current.ids.length; i++) {
				if (current.queries[i].matches(text)) {
					if (matched == null) {
						matched = new LinkedHashSet<>();
					}
					matched.add(current.ids[i]);
				}
			}
			results.add((matched != null) ? Collections.unmodifiableSet(matched) : Set.of());
		}
		return Collections.unmodifiableList(results);
	}

	/** The standing queries by topic id; an immutable view of what {@link #match} currently uses. */
	public Map<Long, TopicQuery> topics() {
		return this.snapshot.topics;
	}

	private static TopicQuery parse(StandingQuery query) {
		try {
			return TopicQuery.parse(query.query());
		}
		catch (QuerySyntaxError ex) {
			throw new QuerySyntaxError("topic " + query.topicId() + ": " + ex.getMessage(), ex.column());
		}
	}

	/** Topics in id order, also laid out as arrays so matching does not iterate a map. */
	private record Snapshot(Map<Long, TopicQuery> topics, long[] ids, TopicQuery[] queries) {

		static Snapshot of(TreeMap<Long, TopicQuery> topics) {
			long[] ids = new long[topics.size()];
			TopicQuery[] queries = new TopicQuery[topics.size()];
			int i = 0;
			for (Map.Entry<Long, TopicQuery> entry : topics.entrySet()) {
				ids[i] = entry.getKey();
				queries[i] = entry.getValue();
				i++;
			}
			return new Snapshot(Collections.unmodifiableMap(topics), ids, queries);
		}

	}

}
