package nl.luister.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to and reads the {@code audit_log} table. An entry names its actor (a user id, {@code null} for
 * Luister itself), an action ({@code "person.merge"}), a subject ({@code "person"}, 42) and details as JSON.
 * Details must never hold personal text (names, handles, messages): the log outlives an erasure. Joins the
 * caller's transaction, so an entry exists exactly when the change it describes was committed. Thread-safe.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Records one entry; {@code detail} may be empty, never {@code null}. Returns the entry's id. */
	public long record(Long actorId, String action, String subjectType, Long subjectId, Map<String, ?> detail) {
		return jdbc.sql("insert into audit_log (actor_id, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?::jsonb) returning id")
			.params(actorId, action, subjectType, subjectId, json.writeValueAsString(detail))
			.query(Long.class)
			.single();
	}

	/** The entries about one subject, oldest first. */
	public List<Entry> about(String subjectType, long subjectId) {
		return jdbc.sql("""
				select a.id, a.at, a.actor_id, coalesce(u.display_name, u.username) as actor, a.action, a.subject_type, a.subject_id,
				       a.detail::text as detail
				from audit_log a left join users u on u.id = a.actor_id
				where a.subject_type = ? and a.subject_id = ? order by a.at, a.id""")
			.params(subjectType, subjectId)
			.query((rs, row) -> {
				long actor = rs.getLong("actor_id");
				return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.wasNull() ? null : actor, rs.getString("actor"),
						rs.getString("action"), rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("detail"));
			})
			.list();
	}

	/** One entry; {@code actorId} and {@code actor} are {@code null} for Luister itself, {@code detail} is JSON text. */
	public record Entry(long id, Instant at, Long actorId, String actor, String action, String subjectType, long subjectId, String detail) {
	}
}
