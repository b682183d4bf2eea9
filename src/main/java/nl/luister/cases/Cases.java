package nl.luister.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.luister.channel.Channel;
import nl.luister.mention.StoredMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the cases feature. */
@Repository
class Cases {

	private static final String SUMMARY = """
			select c.id, c.status, c.channel, c.author_handle, c.author_name, c.snippet, c.topic_id, t.name as topic,
			       c.assignee_id, coalesce(u.display_name, u.username) as assignee, c.mention_count, c.opened_at,
			       c.last_activity_at, c.source_id, s.type as source_type, c.sentiment, c.complaint, c.question, c.praise
			from cases c
			join sources s on s.id = c.source_id
			left join topics t on t.id = c.topic_id
			left join users u on u.id = c.assignee_id
			""";

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CaseSummary> find(long id) {
		return jdbc.sql(SUMMARY + " where c.id = ?").param(id).query(Cases::summary).optional();
	}

	List<CaseSummary> inbox(InboxFilter f) {
		StringBuilder where = new StringBuilder(" where true");
		var params = new java.util.HashMap<String, Object>();
		if (!f.statuses().isEmpty()) {
			where.append(" and c.status in (:statuses)");
			params.put("statuses", f.statuses().stream().map(Enum::name).toList());
		}
		if (f.topicId() != null) {
			where.append(" and exists (select 1 from mentions m join mention_topics mt on mt.mention_id = m.id where m.case_id = c.id and mt.topic_id = :topic)");
			params.put("topic", f.topicId());
		}
		if (f.sentiment() != null) {
			where.append(" and c.sentiment = :sentiment");
			params.put("sentiment", f.sentiment());
		}
		if (f.intent() != null) {
			switch (f.intent()) {
				case "complaint" -> where.append(" and c.complaint");
				case "question" -> where.append(" and c.question");
				case "praise" -> where.append(" and c.praise");
				default -> throw new IllegalArgumentException("unknown intent '" + f.intent() + "' (expected complaint, question or praise)");
			}
		}
		if (f.channel() != null) {
			where.append(" and c.channel = :channel");
			params.put("channel", f.channel().key());
		}
		if (f.unassigned()) where.append(" and c.assignee_id is null");
		else if (f.assigneeId() != null) {
			where.append(" and c.assignee_id = :assignee");
			params.put("assignee", f.assigneeId());
		}
		params.put("limit", f.limit());
		String order = f.bySeverity() ? " order by c.escalated desc, c.severity desc nulls last, c.last_activity_at desc, c.id desc"
				: " order by c.last_activity_at desc, c.id desc";
		return jdbc.sql(SUMMARY + where + order + " limit :limit")
			.params(params)
			.query(Cases::summary)
			.list();
	}

	List<CaseSummary> otherCasesOf(CaseSummary c) {
		if (c.authorHandle() == null) return List.of();
		return jdbc.sql(SUMMARY + " where c.channel = ? and c.author_handle = ? and c.id <> ? order by c.last_activity_at desc limit 20")
			.params(c.channel().key(), c.authorHandle(), c.id())
			.query(Cases::summary)
			.list();
	}

	/**
	 * The cases of already stored messages, keyed by {@code sourceId + "\0" + externalId}: customer messages, and
	 * replies sent from Luister by the id the channel gave them (a customer answering a reply joins its case).
	 */
	Map<String, Long> casesOfMessages(long[] sourceIds, String[] externalIds) {
		Map<String, Long> result = new HashMap<>();
		if (sourceIds.length == 0) return result;
		jdbc.sql("""
				select m.source_id, m.external_id, m.case_id from mentions m
				join unnest(?::bigint[], ?::text[]) as t(source_id, external_id)
				  on m.source_id = t.source_id and m.external_id = t.external_id
				where m.case_id is not null
				union all
				select c.source_id, r.external_id, r.case_id from replies r
				join cases c on c.id = r.case_id
				join unnest(?::bigint[], ?::text[]) as t(source_id, external_id)
				  on r.external_id = t.external_id and c.source_id = t.source_id""")
			.params(sourceIds, externalIds, sourceIds, externalIds)
			.query((rs, row) -> result.put(rs.getLong(1) + "\u0000" + rs.getString(2), rs.getLong(3)))
			.list();
		return result;
	}

	/** The latest case of each author on each channel, keyed by {@code channel + "\0" + handle}. */
	Map<String, LatestCase> latestCasesOf(String[] channels, String[] handles) {
		Map<String, LatestCase> result = new HashMap<>();
		if (channels.length == 0) return result;
		jdbc.sql("""
				select distinct on (c.channel, c.author_handle) c.channel, c.author_handle, c.id, c.last_activity_at
				from cases c join unnest(?::text[], ?::text[]) as t(channel, handle)
				  on c.channel = t.channel and c.author_handle = t.handle
				order by c.channel, c.author_handle, c.last_activity_at desc""")
			.params(channels, handles)
			.query((rs, row) -> result.put(rs.getString(1) + "\u0000" + rs.getString(2),
					new LatestCase(rs.getLong(3), rs.getTimestamp(4).toInstant())))
			.list();
		return result;
	}

	record LatestCase(long caseId, Instant lastActivity) {
	}

	/**
	 * Brings the cases' labels up to date with their messages: the sentiment of the newest labelled customer
	 * message, and each intent when any message has it.
	 */
	void refreshLabels(long[] caseIds) {
		if (caseIds.length == 0) return;
		jdbc.sql("""
				update cases c set sentiment = l.sentiment, complaint = l.complaint, question = l.question, praise = l.praise
				from (select m.case_id,
				             (array_agg(m.sentiment order by m.published_at desc, m.id desc))[1] as sentiment,
				             bool_or(m.complaint >= 0.5) as complaint, bool_or(m.question >= 0.5) as question,
				             bool_or(m.praise >= 0.5) as praise
				      from mentions m where m.case_id = any(?) and m.sentiment is not null group by m.case_id) l
				where c.id = l.case_id""")
			.param(caseIds)
			.update();
	}

	void linkMentions(long[] mentionIds, long[] caseIds) {
		if (mentionIds.length == 0) return;
		jdbc.sql("update mentions m set case_id = t.case_id from unnest(?::bigint[], ?::bigint[]) as t(id, case_id) where m.id = t.id")
			.params(mentionIds, caseIds)
			.update();
	}

	/**
	 * Adds mentions to cases in one statement: a case's count grows, its last activity moves forward and a
	 * resolved or pending case opens again. Returns each case's status before.
	 */
	Map<Long, CaseStatus> joinAll(long[] caseIds, int[] added, String[] lastPublished) {
		Map<Long, CaseStatus> before = new HashMap<>();
		if (caseIds.length == 0) return before;
		jdbc.sql("""
				with t as (select * from unnest(?::bigint[], ?::int[], ?::timestamptz[]) as t(id, added, last_published)),
				     old as (select c.id, c.status from cases c join t on t.id = c.id for update of c)
				update cases c set mention_count = c.mention_count + t.added,
				  last_activity_at = greatest(c.last_activity_at, t.last_published),
				  status = case when c.status in ('RESOLVED', 'PENDING') then 'OPEN' else c.status end,
				  resolved_at = case when c.status = 'RESOLVED' then null else c.resolved_at end
				from t, old where c.id = t.id and old.id = t.id
				returning c.id, old.status""")
			.params(caseIds, added, lastPublished)
			.query((rs, row) -> before.put(rs.getLong(1), CaseStatus.valueOf(rs.getString(2))))
			.list();
		return before;
	}

	void events(List<Event> events) {
		if (events.isEmpty()) return;
		long[] caseIds = new long[events.size()];
		String[] kinds = new String[events.size()];
		String[] details = new String[events.size()];
		for (int i = 0; i < caseIds.length; i++) {
			caseIds[i] = events.get(i).caseId();
			kinds[i] = events.get(i).kind();
			details[i] = events.get(i).detail();
		}
		jdbc.sql("insert into case_events (case_id, kind, detail) select * from unnest(?::bigint[], ?::text[], ?::text[])")
			.params(caseIds, kinds, details)
			.update();
	}

	/** A history entry written by the system (no acting user). */
	record Event(long caseId, String kind, String detail) {
	}

	/** Inserts new cases, one per first mention, in one statement; returns their ids in order. */
	long[] openAll(List<NewCase> newCases) {
		int n = newCases.size();
		if (n == 0) return new long[0];
		long[] ids = jdbc.sql("select nextval('cases_id_seq') from generate_series(1, ?)").param(n).query(Long.class).list()
			.stream().mapToLong(Long::longValue).toArray();
		String[] channels = new String[n], handles = new String[n], names = new String[n], snippets = new String[n], at = new String[n];
		long[] sources = new long[n];
		Long[] topics = new Long[n];
		for (int i = 0; i < n; i++) {
			StoredMention m = newCases.get(i).first();
			channels[i] = m.channel().key();
			sources[i] = m.sourceId();
			handles[i] = m.authorHandle();
			names[i] = m.authorName();
			topics[i] = newCases.get(i).topicId();
			snippets[i] = snippet(m);
			at[i] = m.publishedAt().toString();
		}
		jdbc.sql("""
				insert into cases (id, status, channel, source_id, author_handle, author_name, topic_id, snippet, mention_count,
				  opened_at, last_activity_at)
				select t.id, 'NEW', t.channel, t.source_id, t.handle, t.name, tp.id, t.snippet, 1, now(), t.at::timestamptz
				from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
				     as t(id, channel, source_id, handle, name, topic_id, snippet, at)
				left join topics tp on tp.id = t.topic_id""")
			.params(ids, channels, sources, handles, names, topics, snippets, at)
			.update();
		return ids;
	}

	/** A case to open with its first mention; {@code topicId} may name a topic deleted meanwhile. */
	record NewCase(StoredMention first, Long topicId) {
	}

	void setStatus(long caseId, CaseStatus status) {
		jdbc.sql("""
				update cases set status = ?, resolved_at = case when ? = 'RESOLVED' then now() else null end,
				  last_activity_at = now() where id = ?""")
			.params(status.name(), status.name(), caseId)
			.update();
	}

	void setAssignee(long caseId, Long assigneeId) {
		jdbc.sql("update cases set assignee_id = ?, last_activity_at = now() where id = ?").params(assigneeId, caseId).update();
	}

	/** Sets the assignee of each case that has none; returns case id → user id of those it set. */
	Map<Long, Long> assignUnassigned(Map<Long, Long> assignees) {
		Map<Long, Long> assigned = new HashMap<>();
		jdbc.sql("""
				update cases c set assignee_id = t.user_id, last_activity_at = now(),
				  status = case when c.status = 'NEW' then 'OPEN' else c.status end
				from unnest(?::bigint[], ?::bigint[]) as t(id, user_id)
				where c.id = t.id and c.assignee_id is null returning c.id, c.assignee_id""")
			.params(assignees.keySet().stream().mapToLong(Long::longValue).toArray(),
					assignees.values().stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> assigned.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return assigned;
	}

	/** Unassigns the user's unresolved cases; returns their ids. */
	List<Long> releaseAll(long userId) {
		return jdbc.sql("update cases set assignee_id = null where assignee_id = ? and status <> 'RESOLVED' returning id")
			.param(userId).query(Long.class).list();
	}

	/** Adds the tag to each case that lacks it; returns the ids of the cases changed. */
	List<Long> addTag(long[] caseIds, String tag) {
		if (caseIds.length == 0) return List.of();
		return jdbc.sql("update cases set tags = tags || ?::text where id = any(?) and not (? = any(tags)) returning id")
			.params(tag, caseIds, tag).query(Long.class).list();
	}

	void event(long caseId, Long actorId, String kind, String detail) {
		jdbc.sql("insert into case_events (case_id, actor_id, kind, detail) values (?, ?, ?, ?)")
			.params(caseId, actorId, kind, detail)
			.update();
	}

	long note(long caseId, Long authorId, String text) {
		return jdbc.sql("insert into case_notes (case_id, author_id, text) values (?, ?, ?) returning id")
			.params(caseId, authorId, text)
			.query(Long.class)
			.single();
	}

	List<StoredMention> mentionsOf(long caseId) {
		return jdbc.sql("select m.id, m.source_id, m.external_id, m.channel, m.author_handle, m.author_name, m.author_followers, "
				+ "m.title, m.text, m.url, m.published_at, m.in_reply_to, m.case_id, m.addressed from mentions m where m.case_id = ? order by m.published_at, m.id")
			.param(caseId)
			.query(nl.luister.mention.Mentions::map)
			.list();
	}

	List<CaseDetail.OurReply> repliesOf(long caseId) {
		return jdbc.sql("""
				select r.id, r.text, r.state, coalesce(u.display_name, u.username, r.posted_by) as author, r.created_at, r.last_error
				from replies r left join users u on u.id = r.author_id where r.case_id = ? order by r.created_at, r.id""")
			.param(caseId)
			.query((rs, row) -> new CaseDetail.OurReply(rs.getLong("id"), rs.getString("text"), rs.getString("state"),
					rs.getString("author"), rs.getTimestamp("created_at").toInstant(), rs.getString("last_error")))
			.list();
	}

	List<CaseDetail.Note> notesOf(long caseId) {
		return jdbc.sql("""
				select n.id, n.text, coalesce(u.display_name, u.username) as author, n.created_at
				from case_notes n left join users u on u.id = n.author_id where n.case_id = ? order by n.created_at, n.id""")
			.param(caseId)
			.query((rs, row) -> new CaseDetail.Note(rs.getLong("id"), rs.getString("text"), rs.getString("author"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	List<CaseDetail.HistoryEntry> historyOf(long caseId) {
		return jdbc.sql("""
				select e.at, coalesce(u.display_name, u.username) as actor, e.kind, e.detail
				from case_events e left join users u on u.id = e.actor_id where e.case_id = ? order by e.at, e.id""")
			.param(caseId)
			.query((rs, row) -> new CaseDetail.HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("kind"), rs.getString("detail")))
			.list();
	}

	List<String> topicsOf(long caseId) {
		return jdbc.sql("""
				select distinct t.name from topics t join mention_topics mt on mt.topic_id = t.id
				join mentions m on m.id = mt.mention_id where m.case_id = ? order by t.name""")
			.param(caseId)
			.query(String.class)
			.list();
	}

	static String snippet(StoredMention m) {
		String text = m.text().isBlank() && m.title() != null ? m.title() : m.text();
		text = text.replaceAll("\\s+", " ").strip();
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}

	static CaseSummary summary(ResultSet rs, int row) throws SQLException {
		long topicId = rs.getLong("topic_id");
		Long topic = rs.wasNull() ? null : topicId;
		long assigneeId = rs.getLong("assignee_id");
		Long assignee = rs.wasNull() ? null : assigneeId;
		return new CaseSummary(rs.getLong("id"), CaseStatus.valueOf(rs.getString("status")),
				Channel.parse(rs.getString("channel")), rs.getString("author_handle"), rs.getString("author_name"),
				rs.getString("snippet"), topic, rs.getString("topic"), assignee, rs.getString("assignee"),
				rs.getInt("mention_count"), rs.getTimestamp("opened_at").toInstant(),
				rs.getTimestamp("last_activity_at").toInstant(), rs.getLong("source_id"), rs.getString("source_type"),
				rs.getString("sentiment"), rs.getBoolean("complaint"), rs.getBoolean("question"), rs.getBoolean("praise"));
	}

}
