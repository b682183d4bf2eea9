package nl.luister.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sources table: configuration, cursor and health of every source. */
@Repository
public class Sources {

	private static final String COLUMNS = """
			id, source_key, type, name, channel, settings::text as settings, poll_seconds, paused, cursor,
			last_success_at, last_error_at, last_error, failures, next_attempt_at, items_total, created_at""";

	private final JdbcClient jdbc;

	Sources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SourceRecord> all() {
		return jdbc.sql("select " + COLUMNS + " from sources order by name, id").query(Sources::map).list();
	}

	public Optional<SourceRecord> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from sources where id = ?").param(id).query(Sources::map).optional();
	}

	public Optional<SourceRecord> findByKey(String key) {
		return jdbc.sql("select " + COLUMNS + " from sources where source_key = ?").param(key).query(Sources::map).optional();
	}

	/** Sources of the given types that are not paused and whose next attempt is due. */
	List<SourceRecord> due(Instant now, java.util.Collection<String> types) {
		if (types.isEmpty()) return List.of();
		return jdbc.sql("select " + COLUMNS + " from sources where not paused and next_attempt_at <= :now and type in (:types) order by next_attempt_at")
			.param("now", java.sql.Timestamp.from(now))
			.param("types", types)
			.query(Sources::map)
			.list();
	}

	long insert(String key, String type, String name, Channel channel, String settingsJson, int pollSeconds) {
		return jdbc.sql("""
				insert into sources (source_key, type, name, channel, settings, poll_seconds)
				values (?, ?, ?, ?, ?::jsonb, ?) returning id""")
			.params(key, type, name, channel.key(), settingsJson, pollSeconds)
			.query(Long.class)
			.single();
	}

	/** Inserts the source unless one with this key exists; returns the id either way. */
	long insertIfAbsent(String key, String type, String name, Channel channel) {
		jdbc.sql("""
				insert into sources (source_key, type, name, channel, settings, poll_seconds)
				values (?, ?, ?, ?, '{}'::jsonb, 300) on conflict (source_key) do nothing""")
			.params(key, type, name, channel.key())
			.update();
		return jdbc.sql("select id from sources where source_key = ?").param(key).query(Long.class).single();
	}

	void update(long id, String name, Channel channel, String settingsJson, int pollSeconds) {
		jdbc.sql("update sources set name = ?, channel = ?, settings = ?::jsonb, poll_seconds = ?, next_attempt_at = now() where id = ?")
			.params(name, channel.key(), settingsJson, pollSeconds, id)
			.update();
	}

	void setPaused(long id, boolean paused) {
		// a paused source is not in an outage: resuming it starts the clock again
		jdbc.sql("update sources set paused = ?, next_attempt_at = now(), failing_since = case when ? then null else failing_since end where id = ?")
			.params(paused, paused, id).update();
	}

	/**
	 * Records a successful fetch and ends an outage; returns the outage that ended when admins had been told
	 * about it (so they hear of the recovery too), else empty.
	 */
	Optional<Outage> recordSuccess(long id, String cursor, int items, Instant nextAttempt) {
		Optional<Outage> notified = jdbc.sql("select failing_since from sources where id = ? and outage_notified_at is not null")
			.param(id)
			.query((rs, row) -> new Outage(id, instant(rs, "failing_since")))
			.optional();
		jdbc.sql("""
				update sources set cursor = ?, last_success_at = now(), last_error = null, failures = 0,
				  next_attempt_at = ?, items_total = items_total + ?, failing_since = null, outage_notified_at = null where id = ?""")
			.params(cursor, java.sql.Timestamp.from(nextAttempt), items, id)
			.update();
		return notified;
	}

	/** An outage of a source that admins were told about: failing since {@code since} (may be {@code null}). */
	record Outage(long sourceId, Instant since) {
	}

	void recordFailure(long id, String reason, Instant nextAttempt) {
		jdbc.sql("""
				update sources set last_error_at = now(), last_error = ?, failures = failures + 1,
				  next_attempt_at = ?, failing_since = coalesce(failing_since, now()) where id = ?""")
			.params(reason, java.sql.Timestamp.from(nextAttempt), id)
			.update();
	}

	private static SourceRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SourceRecord(rs.getLong("id"), rs.getString("source_key"), rs.getString("type"), rs.getString("name"),
				Channel.parse(rs.getString("channel")), rs.getString("settings"), rs.getInt("poll_seconds"),
				rs.getBoolean("paused"), rs.getString("cursor"), instant(rs, "last_success_at"),
				instant(rs, "last_error_at"), rs.getString("last_error"), rs.getInt("failures"),
				instant(rs, "next_attempt_at"), rs.getLong("items_total"), instant(rs, "created_at"));
	}

	static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
