package nl.luister.triage;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * In-app notifications (the bell in the header). Team leads are the enabled users with the role LEAD; when there
 * are none, the enabled admins are told instead, so an escalation never goes unseen. Thread-safe; joins the
 * caller's transaction. {@code detail} is a figure or a name for the message {@code triage.notification.<kind>},
 * never customer text.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One unread notification for each team lead; returns how many were written. */
	public int notifyLeads(long caseId, String kind, String detail) {
		return notifyLeads(List.of(new Notice(caseId, kind, detail)));
	}

	/** A notification per team lead for each of these (case, kind, detail), in one statement; returns how many were written. */
	public int notifyLeads(List<Notice> notices) {
		return insert(notices, """
				insert into notifications (user_id, case_id, kind, detail)
				select u.id, t.case_id, t.kind, t.detail from unnest(?::bigint[], ?::text[], ?::text[]) as t(case_id, kind, detail)
				cross join users u
				where u.enabled and (u.role = 'LEAD' or (u.role = 'ADMIN' and not exists (select 1 from users l where l.role = 'LEAD' and l.enabled)))""");
	}

	/**
	 * A notification for each of these to the case's assignee (when it has one) and to each team lead, in one statement;
	 * an assignee who is a team lead is told once. Returns how many were written.
	 */
	public int notifyAssigneeAndLeads(List<Notice> notices) {
		return insert(notices, """
				insert into notifications (user_id, case_id, kind, detail)
				select u.id, t.case_id, t.kind, t.detail from unnest(?::bigint[], ?::text[], ?::text[]) as t(case_id, kind, detail)
				join cases c on c.id = t.case_id
				cross join users u
				where u.enabled and (u.id = c.assignee_id or u.role = 'LEAD'
				  or (u.role = 'ADMIN' and not exists (select 1 from users l where l.role = 'LEAD' and l.enabled)))""");
	}

	/** Writes the notices with a statement over {@code t(case_id, kind, detail)}, the notices unnested. */
	private int insert(List<Notice> notices, String sql) {
		if (notices.isEmpty()) return 0;
		long[] caseIds = notices.stream().mapToLong(Notice::caseId).toArray();
		String[] kinds = notices.stream().map(Notice::kind).toArray(String[]::new);
		String[] details = notices.stream().map(Notice::detail).toArray(String[]::new);
		return jdbc.sql(sql).params(caseIds, kinds, details).update();
	}

	/** One unread notification about a case for each of these enabled users; returns how many were written. */
	public int notifyUsers(java.util.Collection<Long> userIds, long caseId, String kind, String detail) {
		if (userIds.isEmpty()) return 0;
		return jdbc.sql("""
				insert into notifications (user_id, case_id, kind, detail)
				select u.id, ?, ?, ? from users u where u.enabled and u.id = any(?::bigint[])""")
			.params(caseId, kind, detail, userIds.stream().mapToLong(Long::longValue).toArray())
			.update();
	}

	/** What to tell the team leads about a case. */
	public record Notice(long caseId, String kind, String detail) {
	}

	public int unreadCount(long userId) {
		return jdbc.sql("select count(*) from notifications where user_id = ? and read_at is null").param(userId).query(Integer.class).single();
	}

	/** The user's newest notifications, unread and read. */
	public List<Notification> recent(long userId, int limit) {
		return jdbc.sql("""
				select id, case_id, kind, detail, created_at, read_at from notifications where user_id = ?
				order by created_at desc, id desc limit ?""")
			.params(userId, limit)
			.query((rs, row) -> {
				long caseId = rs.getLong("case_id");
				Long c = rs.wasNull() ? null : caseId;
				var read = rs.getTimestamp("read_at");
				return new Notification(rs.getLong("id"), c, rs.getString("kind"), rs.getString("detail"),
						rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
			})
			.list();
	}

	public void markAllRead(long userId) {
		jdbc.sql("update notifications set read_at = now() where user_id = ? and read_at is null").param(userId).update();
	}

	/** One notification; {@code caseId}, {@code detail} and {@code readAt} may be {@code null}. */
	public record Notification(long id, Long caseId, String kind, String detail, Instant createdAt, Instant readAt) {
		public boolean unread() {
			return readAt == null;
		}
	}
}
