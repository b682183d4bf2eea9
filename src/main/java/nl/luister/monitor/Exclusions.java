package nl.luister.monitor;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exclusions table. */
@Repository
class Exclusions {

	private final JdbcClient jdbc;

	Exclusions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Exclusion> all() {
		return jdbc.sql("select id, topic_id, kind, value from exclusions order by topic_id nulls first, kind, lower(value), id")
			.query((rs, row) -> {
				long topic = rs.getLong("topic_id");
				Long topicId = rs.wasNull() ? null : topic;
				return new Exclusion(rs.getLong("id"), topicId, ExclusionKind.valueOf(rs.getString("kind")),
						rs.getString("value"));
			})
			.list();
	}

	/** Inserts one; an entry already on the list is left as it is. Returns its id either way. */
	long insert(Long topicId, ExclusionKind kind, String value) {
		jdbc.sql("insert into exclusions (topic_id, kind, value) values (?, ?, ?) on conflict do nothing")
			.params(topicId, kind.name(), value)
			.update();
		return jdbc.sql("select id from exclusions where coalesce(topic_id, 0) = coalesce(?, 0) and kind = ? and lower(value) = lower(?)")
			.params(topicId, kind.name(), value)
			.query(Long.class)
			.single();
	}

	boolean delete(long id) {
		return jdbc.sql("delete from exclusions where id = ?").param(id).update() == 1;
	}
}
