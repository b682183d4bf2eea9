package nl.luister.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.luister.analytics.rollup.Rollups;
import org.springframework.stereotype.Service;

/**
 * Answers "where do our customers talk about us?" for a topic and a period (top sites and forums, top
 * authors, channels) and compares topics by their share of voice. Reads the stored matches; read-only.
 */
@Service
public class TopicInsights {

	/** The host of a URL without scheme, port, path and a leading {@code www.}: the site as the rollups count it. */
	private static final String HOST = Rollups.SITE_OF_URL;

	private final JdbcClient jdbc;

	TopicInsights(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where a topic was talked about between {@code from} (inclusive) and {@code to} (exclusive). */
	public Where where(long topicId, Instant from, Instant to, int limit) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		long total = jdbc.sql("""
				select count(*) from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ?""")
			.params(topicId, f, t)
			.query(Long.class)
			.single();
		List<Count> sites = jdbc.sql("""
				select %s as host, count(*) as n from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ? and m.url is not null
				group by 1 having %s is not null order by n desc, host limit ?""".formatted(HOST, HOST))
			.params(topicId, f, t, limit)
			.query((rs, row) -> new Count(rs.getString("host"), rs.getLong("n"), share(rs.getLong("n"), total)))
			.list();
		List<Author> authors = jdbc.sql("""
				select m.author_handle, max(m.author_name) as name, m.channel, count(*) as n, max(m.author_followers) as followers
				from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ? and m.author_handle is not null
				group by m.author_handle, m.channel order by n desc, followers desc nulls last, m.author_handle limit ?""")
			.params(topicId, f, t, limit)
			.query((rs, row) -> {
				long followers = rs.getLong("followers");
				return new Author(rs.getString("author_handle"), rs.getString("name"), rs.getString("channel"), rs.getLong("n"),
						rs.wasNull() ? null : followers);
			})
			.list();
		List<Count> channels = jdbc.sql("""
				select m.channel, count(*) as n from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ?
				group by m.channel order by n desc, m.channel""")
			.params(topicId, f, t)
			.query((rs, row) -> new Count(rs.getString("channel"), rs.getLong("n"), share(rs.getLong("n"), total)))
			.list();
		return new Where(total, sites, authors, channels);
	}

	/**
	 * Each topic's number of matched mentions in the period and its share of all those matches. A mention that
	 * matches two of the topics counts for both, as the listening tools count it.
	 */
	public List<Count> shareOfVoice(List<Long> topicIds, Instant from, Instant to) {
		if (topicIds.isEmpty()) return List.of();
		List<Object[]> rows = jdbc.sql("""
				select t.id, t.name, count(m.id) as n from topics t
				left join mention_topics mt on mt.topic_id = t.id
				left join mentions m on m.id = mt.mention_id and m.published_at >= ? and m.published_at < ?
				where t.id = any(?) group by t.id, t.name order by n desc, t.name""")
			.params(Timestamp.from(from), Timestamp.from(to), topicIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> new Object[] { rs.getString("name"), rs.getLong("n") })
			.list();
		long total = rows.stream().mapToLong(r -> (Long) r[1]).sum();
		return rows.stream().map(r -> new Count((String) r[0], (Long) r[1], share((Long) r[1], total))).toList();
	}

	private static double share(long n, long total) {
		return total == 0 ? 0 : (double) n / total;
	}

	/** A name (site, channel, topic) with its count and its share of the whole (0–1). */
	public record Count(String name, long count, double share) {

		/** The share in whole percent, for display. */
		public long percent() {
			return Math.round(share * 100);
		}
	}

	/** An author who talked about the topic, with how often and their largest reported follower count. */
	public record Author(String handle, String name, String channel, long count, Long followers) {
	}

	/** Where a topic was talked about: the total and the top sites, authors and channels. */
	public record Where(long total, List<Count> sites, List<Author> authors, List<Count> channels) {
	}
}
