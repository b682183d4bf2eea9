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
		return jdbc.sql("select id, name, query, stemming, created_at, updated_at from topics order by name, id").query(Topics::map).list();
	}

	Optional<Topic> find(long id) {
		return jdbc.sql("select id, name, query, stemming, created_at, updated_at from topics where id = ?").param(id).query(Topics::map).optional();
	}

	long insert(String name, String query, Stemming stemming) {
		return jdbc.sql("insert into topics (name, query, stemming) values (?, ?, ?) returning id").params(name, query, stemming.key()).query(Long.class).single();
	}

	boolean update(long id, String name, String query, Stemming stemming) {
		return jdbc.sql("update topics set name = ?, query = ?, stemming = ?, updated_at = now() where id = ?").params(name, query, stemming.key(), id).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from topics where id = ?").param(id).update() == 1;
	}

	long matchCount(long topicId) {
		return jdbc.sql("select count(*) from mention_topics where topic_id = ?").param(topicId).query(Long.class).single();
	}

	/** Every source's key by id: the sources are few, so a preview reads them all at once. */
	java.util.Map<Long, String> sourceKeys() {
		java.util.Map<Long, String> keys = new java.util.HashMap<>();
		jdbc.sql("select id, source_key from sources").query((rs, row) -> keys.put(rs.getLong(1), rs.getString(2))).list();
		return keys;
	}

	private static Topic map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Topic(rs.getLong("id"), rs.getString("name"), rs.getString("query"),
				Stemming.parse(rs.getString("stemming")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
