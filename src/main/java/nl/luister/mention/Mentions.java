package nl.luister.mention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored mentions: insert with deduplication on (source, external id), lookup and full-text search. */
@Repository
public class Mentions {

	/** The columns {@link #map} reads, of {@code mentions m}. */
	public static final String COLUMNS = """
			m.id, m.source_id, m.external_id, m.channel, m.author_handle, m.author_name, m.author_followers,
			m.title, m.text, m.url, m.published_at, m.in_reply_to, m.case_id, m.addressed""";

	private final JdbcClient jdbc;

	Mentions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the mentions that are not stored yet, in one statement; returns them with their ids at the same
	 * index, or {@code null} at the index of a mention that was stored before (or earlier in this list).
	 */
	public List<StoredMention> insert(List<SourcedMention> mentions) {
		int n = mentions.size();
		if (n == 0) return List.of();
		long[] sources = new long[n];
		String[] ids = new String[n], channels = new String[n], handles = new String[n], names = new String[n],
				followers = new String[n], titles = new String[n], texts = new String[n], urls = new String[n],
				published = new String[n], replyTo = new String[n];
		boolean[] addressed = new boolean[n];
		for (int i = 0; i < n; i++) {
			RawMention m = mentions.get(i).mention();
			sources[i] = mentions.get(i).sourceId();
			ids[i] = m.externalId();
			channels[i] = m.channel().key();
			handles[i] = m.author().handle();
			names[i] = m.author().name();
			followers[i] = m.author().followers() == null ? null : m.author().followers().toString();
			titles[i] = m.title();
			texts[i] = m.text();
			urls[i] = m.url();
			published[i] = m.publishedAt().toString();
			replyTo[i] = m.inReplyTo();
			addressed[i] = m.addressed();
		}
		Map<String, Long> stored = new HashMap<>();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, author_name, author_followers,
				  title, text, url, published_at, in_reply_to, addressed)
				select t.source_id, t.external_id, t.channel, t.handle, t.name, t.followers::int, t.title, t.text, t.url,
				       t.published::timestamptz, t.reply_to, t.addressed
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[], ?::text[], ?::text[], ?::boolean[])
				     with ordinality as t(source_id, external_id, channel, handle, name, followers, title, text, url,
				                          published, reply_to, addressed, n)
				order by t.n
				on conflict (source_id, external_id) do nothing
				returning id, source_id, external_id""")
			.params(sources, ids, channels, handles, names, followers, titles, texts, urls, published, replyTo, addressed)
			.query((rs, row) -> stored.put(rs.getLong(2) + "\u0000" + rs.getString(3), rs.getLong(1)))
			.list();
		List<StoredMention> result = new ArrayList<>(n);
		for (SourcedMention sm : mentions) {
			RawMention m = sm.mention();
			Long id = stored.remove(sm.sourceId() + "\u0000" + m.externalId());
			result.add(id == null ? null
					: new StoredMention(id, sm.sourceId(), m.externalId(), m.channel(), m.author().handle(),
							m.author().name(), m.author().followers(), m.title(), m.text(), m.url(), m.publishedAt(),
							m.inReplyTo(), null, m.addressed()));
		}
		return result;
	}

	/** Records which topics each mention matched, in one statement. */
	public void tag(List<Long> mentionIds, List<? extends java.util.Collection<Long>> topicIds) {
		List<Long> mentionColumn = new ArrayList<>();
		List<Long> topicColumn = new ArrayList<>();
		for (int i = 0; i < mentionIds.size(); i++) {
			for (Long topic : topicIds.get(i)) {
				mentionColumn.add(mentionIds.get(i));
				topicColumn.add(topic);
			}
		}
		if (mentionColumn.isEmpty()) return;
		// a topic deleted while this batch was matched is skipped, not a failure
		jdbc.sql("""
				insert into mention_topics (mention_id, topic_id)
				select t.mention_id, t.topic_id from unnest(?::bigint[], ?::bigint[]) as t(mention_id, topic_id)
				where exists (select 1 from topics where id = t.topic_id)
				on conflict do nothing""")
			.params(mentionColumn.stream().mapToLong(Long::longValue).toArray(), topicColumn.stream().mapToLong(Long::longValue).toArray())
			.update();
	}

	/** Stores what was understood of each mention, in one statement ({@code labels} at the index of its id). */
	public void label(List<Long> mentionIds, List<Labels> labels) {
		int n = mentionIds.size();
		if (n == 0) return;
		long[] ids = new long[n];
		String[] languages = new String[n], sentiments = new String[n];
		double[] confidence = new double[n], complaint = new double[n], question = new double[n], praise = new double[n], request = new double[n];
		for (int i = 0; i < n; i++) {
			Labels l = labels.get(i);
			ids[i] = mentionIds.get(i);
			languages[i] = l.language();
			sentiments[i] = l.sentiment();
			confidence[i] = l.sentimentConfidence();
			complaint[i] = l.complaint();
			question[i] = l.question();
			praise[i] = l.praise();
			request[i] = l.request();
		}
		jdbc.sql("""
				update mentions m set language = t.language, sentiment = t.sentiment, sentiment_confidence = t.confidence,
				  complaint = t.complaint, question = t.question, praise = t.praise, request = t.request
				from unnest(?::bigint[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
				  as t(id, language, sentiment, confidence, complaint, question, praise, request)
				where m.id = t.id""")
			.params(ids, languages, sentiments, confidence, complaint, question, praise, request)
			.update();
	}

	/** The labels of these mentions, by mention id; mentions stored before understanding existed have none. */
	public Map<Long, Labels> labels(java.util.Collection<Long> mentionIds) {
		Map<Long, Labels> result = new HashMap<>();
		if (mentionIds.isEmpty()) return result;
		jdbc.sql("""
				select id, language, sentiment, sentiment_confidence, complaint, question, praise, request
				from mentions where id = any(?) and sentiment is not null""")
			.param(mentionIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> result.put(rs.getLong("id"), new Labels(rs.getString("language"), rs.getString("sentiment"),
					rs.getDouble("sentiment_confidence"), rs.getDouble("complaint"), rs.getDouble("question"), rs.getDouble("praise"),
					rs.getDouble("request"))))
			.list();
		return result;
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

	public static StoredMention map(ResultSet rs, int row) throws SQLException {
		long caseId = rs.getLong("case_id");
		Long caseRef = rs.wasNull() ? null : caseId;
		int followers = rs.getInt("author_followers");
		Integer followerCount = rs.wasNull() ? null : followers;
		return new StoredMention(rs.getLong("id"), rs.getLong("source_id"), rs.getString("external_id"),
				Channel.parse(rs.getString("channel")), rs.getString("author_handle"), rs.getString("author_name"),
				followerCount, rs.getString("title"), rs.getString("text"), rs.getString("url"),
				rs.getTimestamp("published_at").toInstant(), rs.getString("in_reply_to"), caseRef, rs.getBoolean("addressed"));
	}

	/** A raw mention with the source that delivered it. */
	public record SourcedMention(long sourceId, RawMention mention) {
	}
}
