package nl.luister.mention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored mentions: insert with deduplication on (source, external id), lookup and full-text search. */
@Repository
public class Mentions {

	static final String COLUMNS = """
			m.id, m.source_id, m.external_id, m.channel, m.author_handle, m.author_name, m.author_followers,
			m.title, m.text, m.url, m.published_at, m.in_reply_to, m.case_id""";

	private final JdbcClient jdbc;

	Mentions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the mentions that are not stored yet; returns them with their ids at the same index, or
	 * {@code null} at the index of a mention that was stored before.
	 */
	public List<StoredMention> insert(List<SourcedMention> mentions) {
		List<StoredMention> stored = new ArrayList<>(mentions.size());
		for (SourcedMention sm : mentions) {
			RawMention m = sm.mention();
			Long id = jdbc.sql("""
					insert into mentions (source_id, external_id, channel, author_handle, author_name, author_followers,
					  title, text, url, published_at, in_reply_to)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (source_id, external_id) do nothing returning id""")
				.params(sm.sourceId(), m.externalId(), m.channel().key(), m.author().handle(), m.author().name(),
						m.author().followers(), m.title(), m.text(), m.url(), Timestamp.from(m.publishedAt()), m.inReplyTo())
				.query(Long.class)
				.optional()
				.orElse(null);
			stored.add(id == null ? null
					: new StoredMention(id, sm.sourceId(), m.externalId(), m.channel(), m.author().handle(),
							m.author().name(), m.author().followers(), m.title(), m.text(), m.url(), m.publishedAt(),
							m.inReplyTo(), null));
		}
		return stored;
	}

	public void tag(long mentionId, java.util.Collection<Long> topicIds) {
		for (Long topicId : topicIds) {
			jdbc.sql("insert into mention_topics (mention_id, topic_id) values (?, ?) on conflict do nothing")
				.params(mentionId, topicId)
				.update();
		}
	}

	/** The newest stored mentions, newest first. */
	public List<StoredMention> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from mentions m order by m.published_at desc, m.id desc limit ?")
			.param(limit)
			.query(Mentions::map)
			.list();
	}

	/**
	 * Full-text search in Dutch and English (stemmed both ways), newest first. The query uses web-search
	 * syntax: words, "phrases", {@code or}, {@code -word}.
	 */
	public List<StoredMention> search(String query, int limit) {
		if (query == null || query.isBlank()) return recent(limit);
		return jdbc.sql("""
				select %s from mentions m
				where m.search @@ (websearch_to_tsquery('dutch'::regconfig, :q) || websearch_to_tsquery('english'::regconfig, :q))
				order by m.published_at desc, m.id desc limit :limit""".formatted(COLUMNS))
			.param("q", query)
			.param("limit", limit)
			.query(Mentions::map)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from mentions").query(Long.class).single();
	}

	public static StoredMention map(ResultSet rs, int row) throws SQLException {
		long caseId = rs.getLong("case_id");
		Long caseRef = rs.wasNull() ? null : caseId;
		int followers = rs.getInt("author_followers");
		Integer followerCount = rs.wasNull() ? null : followers;
		return new StoredMention(rs.getLong("id"), rs.getLong("source_id"), rs.getString("external_id"),
				Channel.parse(rs.getString("channel")), rs.getString("author_handle"), rs.getString("author_name"),
				followerCount, rs.getString("title"), rs.getString("text"), rs.getString("url"),
				rs.getTimestamp("published_at").toInstant(), rs.getString("in_reply_to"), caseRef);
	}

	/** A raw mention with the source that delivered it. */
	public record SourcedMention(long sourceId, RawMention mention) {
	}
}
