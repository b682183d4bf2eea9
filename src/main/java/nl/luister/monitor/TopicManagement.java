package nl.luister.monitor;

import java.util.ArrayList;
import java.util.List;

import nl.luister.database.AfterCommit;
import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes topics and keeps the matcher in step, without a restart or a pause in
 * ingest. Every query is validated first: a query that does not parse is refused with the column.
 */
@Service
public class TopicManagement implements SmartInitializingSingleton {

	/** How many stored mentions a preview looks at (the newest). */
	static final int PREVIEW_WINDOW = 5000;

	private final Topics topics;
	private final TopicMatcher matcher;
	private final Mentions mentions;
	private final TopicExclusions exclusions;

	TopicManagement(Topics topics, TopicMatcher matcher, Mentions mentions, TopicExclusions exclusions) {
		this.topics = topics;
		this.matcher = matcher;
		this.mentions = mentions;
		this.exclusions = exclusions;
	}

	/** Loads the topics before lifecycle beans (the pipeline) start, so no mention is matched against nothing. */
	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	/** Loads every stored topic into the matcher. */
	public void reload() {
		matcher.replaceAll(topics.all().stream().map(t -> new TopicMatcher.StandingQuery(t.id(), t.query(), t.stemming())).toList());
	}

	public List<Topic> all() {
		return topics.all();
	}

	public Topic get(long id) {
		return topics.find(id).orElseThrow(() -> new TopicNotFound(id));
	}

	public long matchCount(long id) {
		return topics.matchCount(id);
	}

	/** A topic without stemming. @throws QuerySyntaxError when the query does not parse */
	public Topic create(String name, String query) {
		return create(name, query, Stemming.NONE);
	}

	/** @param stemming {@code null} is none. @throws QuerySyntaxError when the query does not parse */
	@Transactional
	public Topic create(String name, String query, Stemming stemming) {
		String cleanName = requireName(name);
		Stemming s = (stemming == null) ? Stemming.NONE : stemming;
		TopicQuery.parse(query, s);
		long id = topics.insert(cleanName, query.strip(), s);
		AfterCommit.run(() -> matcher.put(new TopicMatcher.StandingQuery(id, query.strip(), s)));
		return get(id);
	}

	/** Changes name and query, keeping the stemming. @throws QuerySyntaxError when the query does not parse */
	public Topic update(long id, String name, String query) {
		return update(id, name, query, get(id).stemming());
	}

	/** @param stemming {@code null} is none. @throws QuerySyntaxError when the query does not parse */
	@Transactional
	public Topic update(long id, String name, String query, Stemming stemming) {
		String cleanName = requireName(name);
		Stemming s = (stemming == null) ? Stemming.NONE : stemming;
		TopicQuery.parse(query, s);
		if (!topics.update(id, cleanName, query.strip(), s)) throw new TopicNotFound(id);
		AfterCommit.run(() -> matcher.put(new TopicMatcher.StandingQuery(id, query.strip(), s)));
		return get(id);
	}

	@Transactional
	public void delete(long id) {
		if (!topics.delete(id)) throw new TopicNotFound(id);
		AfterCommit.run(() -> matcher.remove(id));
	}

	/**
	 * Which of the newest stored mentions the query would match, before saving it.
	 *
	 * @throws QuerySyntaxError when the query does not parse
	 */
	public Preview preview(String query, int sampleSize) {
		return preview(query, Stemming.NONE, sampleSize);
	}

	/**
	 * Which of the newest stored mentions the query would match with this stemming, before saving it.
	 *
	 * @throws QuerySyntaxError when the query does not parse
	 */
	public Preview preview(String query, Stemming stemming, int sampleSize) {
		return preview(null, query, stemming, sampleSize);
	}

	/**
	 * Which of the newest stored mentions the query would match with this stemming, before saving it, leaving out
	 * (and listing with the reason) those the exclusion lists keep out: the workspace-wide list and, for an existing
	 * topic ({@code topicId} not {@code null}), its own.
	 *
	 * @throws QuerySyntaxError when the query does not parse
	 */
	public Preview preview(Long topicId, String query, Stemming stemming, int sampleSize) {
		TopicQuery parsed = TopicQuery.parse(query, stemming);
		List<StoredMention> window = mentions.recent(PREVIEW_WINDOW);
		java.util.Map<Long, String> sourceKeys = topics.sourceKeys();
		List<StoredMention> sample = new ArrayList<>();
		List<ExcludedMention> excludedSample = new ArrayList<>();
		int count = 0, excluded = 0;
		for (StoredMention m : window) {
			MatchDocument doc = new MatchDocument(m.title(), m.text(), m.authorHandle(), m.channel().key(), m.url(),
					sourceKeys.get(m.sourceId()), null, m.authorFollowers());
			if (parsed.matches(doc)) {
				var why = exclusions.why(topicId == null ? -1 : topicId, doc);
				if (why.isPresent()) {
					excluded++;
					if (excludedSample.size() < sampleSize) excludedSample.add(new ExcludedMention(m, why.get()));
					continue;
				}
				count++;
				if (sample.size() < sampleSize) sample.add(m);
			}
		}
		return new Preview(count, window.size(), sample, excluded, excludedSample);
	}

	/**
	 * How many of the {@code examined} newest mentions match, and the first few of them; and how many the query
	 * matches but an exclusion keeps out, with the first few and why.
	 */
	public record Preview(int matches, int examined, List<StoredMention> sample, int excluded, List<ExcludedMention> excludedSample) {

		public Preview(int matches, int examined, List<StoredMention> sample) {
			this(matches, examined, sample, 0, List.of());
		}
	}

	/** A mention the query matches that an exclusion keeps out of the topic. */
	public record ExcludedMention(StoredMention mention, Exclusion exclusion) {
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) throw new IllegalArgumentException("a topic needs a name");
		if (name.length() > 200) throw new IllegalArgumentException("a topic name can be at most 200 characters");
		return name.strip();
	}
}
