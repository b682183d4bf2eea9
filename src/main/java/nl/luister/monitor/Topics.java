package nl.luister.monitor;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The topics table. */
@Repository
class Topics {

	private final JdbcClient jdbc;

	Topics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Topic> all() {
		return jdbc.sql("select id, name, query, created_at, updated_at from topics order by name, id").query(Topics::map).list();
	}

	Optional<Topic> find(long id) {
		return jdbc.sql("select id, name, query, created_at, updated_at from topics where id = ?").param(id).query(Topics::map).optional();
	}

	long insert(String name, String query) {
		return jdbc.sql("insert into topics (name, query) values (?, ?) returning id").params(name, query).query(Long.class).single();
	}

	boolean update(long id, String name, String query) {
		return jdbc.sql("update topics set name = ?, query = ?, updated_at = now() where id = ?").params(name, query, id).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from topics where id = ?").param(id).update() == 1;
	}

	long matchCount(long topicId) {
		return jdbc.sql("select count(*) from mention_topics where topic_id = ?").param(topicId).query(Long.class).single();
	}

	private static Topic map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Topic(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
