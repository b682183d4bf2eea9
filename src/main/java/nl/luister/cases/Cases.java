package nl.luister.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
			       c.last_activity_at, c.source_id, s.type as source_type
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
		return jdbc.sql(SUMMARY + where + " order by c.last_activity_at desc, c.id desc limit :limit")
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

	/** The case of the message this one replies to, in the same source. */
	Optional<Long> caseOfReplyTarget(long sourceId, String externalId) {
		return jdbc.sql("select case_id from mentions where source_id = ? and external_id = ? and case_id is not null")
			.params(sourceId, externalId)
			.query(Long.class)
			.optional();
	}

	/** The author's latest case on this channel with activity since {@code since}. */
	Optional<Long> recentCaseOfAuthor(Channel channel, String handle, Instant since) {
		return jdbc.sql("""
				select id from cases where channel = ? and author_handle = ? and last_activity_at >= ?
				order by last_activity_at desc limit 1""")
			.params(channel.key(), handle, Timestamp.from(since))
			.query(Long.class)
			.optional();
	}

	long open(StoredMention m, Long topicId) {
		return jdbc.sql("""
				insert into cases (status, channel, source_id, author_handle, author_name, topic_id, snippet, mention_count,
				  opened_at, last_activity_at)
				values ('NEW', ?, ?, ?, ?, ?, ?, 1, now(), ?) returning id""")
			.params(m.channel().key(), m.sourceId(), m.authorHandle(), m.authorName(), topicId, snippet(m),
					Timestamp.from(m.publishedAt()))
			.query(Long.class)
			.single();
	}

	/** Adds a mention to a case; returns the status the case had before. */
	CaseStatus join(long caseId, StoredMention m) {
		CaseStatus before = jdbc.sql("select status from cases where id = ? for update").param(caseId)
			.query((rs, row) -> CaseStatus.valueOf(rs.getString(1)))
			.single();
		jdbc.sql("""
				update cases set mention_count = mention_count + 1,
				  last_activity_at = greatest(last_activity_at, ?),
				  status = case when status in ('RESOLVED', 'PENDING') then 'OPEN' else status end,
				  resolved_at = case when status = 'RESOLVED' then null else resolved_at end
				where id = ?""")
			.params(Timestamp.from(m.publishedAt()), caseId)
			.update();
		return before;
	}

	void linkMention(long mentionId, long caseId) {
		jdbc.sql("update mentions set case_id = ? where id = ?").params(caseId, mentionId).update();
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
				+ "m.title, m.text, m.url, m.published_at, m.in_reply_to, m.case_id from mentions m where m.case_id = ? order by m.published_at, m.id")
			.param(caseId)
			.query(nl.luister.mention.Mentions::map)
			.list();
	}

	List<CaseDetail.OurReply> repliesOf(long caseId) {
		return jdbc.sql("""
				select r.id, r.text, r.state, coalesce(u.display_name, u.username) as author, r.created_at, r.last_error
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
				rs.getTimestamp("last_activity_at").toInstant(), rs.getLong("source_id"), rs.getString("source_type"));
	}

	static <T> List<T> nonNull(List<T> list) {
		List<T> out = new ArrayList<>(list.size());
		for (T t : list) if (t != null) out.add(t);
		return out;
	}
}
