package nl.luister.customer;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved person filters ({@link SegmentFilter}): e.g. "Promoters" (positive, tier ≥ 4, active in 90 days) and
 * "At risk" (two complaints in 30 days), both created by the migration. Counts and members are computed when
 * asked, never stored. Thread-safe.
 */
@Service
public class Segments {

	/** A saved filter. */
	public record Segment(long id, String name, SegmentFilter filter, Instant createdAt) {
	}

	/** A segment with its current number of persons. */
	public record Counted(Segment segment, long persons) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditLog audit;
	private final PersonCsv csv;
	private final Customers customers;

	Segments(JdbcClient jdbc, JsonMapper json, AuditLog audit, PersonCsv csv, Customers customers) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.csv = csv;
		this.customers = customers;
	}

	public List<Counted> list() {
		return jdbc.sql("select id, name, filter::text, created_at from segments order by lower(name)").query(this::map).list()
			.stream().map(s -> new Counted(s, count(s.filter()))).toList();
	}

	public Optional<Segment> find(long id) {
		return jdbc.sql("select id, name, filter::text, created_at from segments where id = ?").param(id).query(this::map).optional();
	}

	/** Saves a filter under a name (unique, case-insensitive); throws IllegalArgumentException when the name is taken or blank. */
	@Transactional
	public Segment create(String name, SegmentFilter filter, Long actorId) {
		if (name == null || name.isBlank() || name.strip().length() > 100) throw new IllegalArgumentException("a segment needs a name of at most 100 characters");
		try {
			long id = jdbc.sql("insert into segments (name, filter, created_by) values (?, ?::jsonb, ?) returning id")
				.params(name.strip(), json.writeValueAsString(filter), actorId).query(Long.class).single();
			audit.record(actorId, "segment.create", "segment", id, Map.of());
			return find(id).orElseThrow();
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("a segment with this name exists already");
		}
	}

	@Transactional
	public boolean delete(long id, Long actorId) {
		boolean gone = jdbc.sql("delete from segments where id = ?").param(id).update() > 0;
		if (gone) audit.record(actorId, "segment.delete", "segment", id, Map.of());
		return gone;
	}

	public long count(SegmentFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = filter.where(params);
		return jdbc.sql("select count(*) from persons p where " + where).params(params).query(Long.class).single();
	}

	/** The first {@code limit} members, most influential first. */
	public List<Person> members(SegmentFilter filter, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = filter.where(params);
		params.put("limit", limit);
		return jdbc.sql("select " + Customers.PERSON_COLUMNS + " from persons p where " + where + " order by p.tier desc nulls last, p.id limit :limit")
			.params(params).query(customers::mapPerson).list();
	}

	/** Writes every member as CSV ({@link PersonCsv}) with an audit entry; returns how many. */
	@Transactional
	public long export(Segment segment, Writer out, Long actorId) throws IOException {
		Map<String, Object> params = new HashMap<>();
		long n = csv.write(out, segment.filter().where(params), params);
		audit.record(actorId, "segment.export", "segment", segment.id(), Map.of("persons", n));
		return n;
	}

	private Segment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Segment(rs.getLong(1), rs.getString(2), json.readValue(rs.getString(3), SegmentFilter.class), rs.getTimestamp(4).toInstant());
	}
}
