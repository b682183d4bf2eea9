package nl.luister.customer;

import java.sql.Array;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.luister.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links persons on evidence and undoes links. A merge moves every identity of the merged person to the
 * survivor and marks the merged person with {@code merged_into}; it is recorded in {@code person_merges} (with
 * the identities it moved) and in the audit log. Undo moves exactly those identities back.
 *
 * <p>Consistency under concurrency: both persons' rows are locked in id order before anything is checked,
 * so two agents merging the same persons at once serialise: the second sees the first's result and is
 * refused; a unique index allows one active merge per merged person. Merging into a person that was merged
 * away (A→B, then B→A) is refused with a {@link MergeRefused} naming the person to use instead.
 */
@Service
public class PersonLinks {

	/** Why two persons were linked. */
	public enum Evidence {
		/** An agent merged them by hand. */
		MANUAL,
		/** The same verified e-mail address: an e-mail identity and a person's CRM e-mail. */
		EMAIL,
		/** The customer confirmed a one-time code sent through one channel from the other ({@link LinkConfirmations}). */
		CONFIRMED,
		/** A CRM record (imported from CSV) names accounts of both persons. */
		CRM
	}

	/** One link; {@code undoneAt} is {@code null} while it holds; {@code actorId} is {@code null} for Luister itself. */
	public record Merge(long id, long survivorId, long mergedId, List<Long> identityIds, Evidence evidence, Long actorId,
			Instant at, Instant undoneAt) {
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;

	PersonLinks(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Merges {@code mergedId} into {@code survivorId}. */
	@Transactional
	public Merge merge(long survivorId, long mergedId, Evidence evidence, Long actorId) {
		if (survivorId == mergedId) throw new MergeRefused("person " + survivorId + " cannot be merged with themselves");
		Map<Long, Long> mergedInto = lock(survivorId, mergedId);
		Long survivorTarget = mergedInto.get(survivorId);
		Long mergedTarget = mergedInto.get(mergedId);
		if (survivorTarget != null) {
			throw new MergeRefused(survivorTarget == mergedId
					? "person " + survivorId + " was merged into person " + mergedId + " already: merging back would make a loop (undo that merge instead)"
					: "person " + survivorId + " was merged into person " + survivorTarget + ": merge into person " + survivorTarget + " instead");
		}
		if (mergedTarget != null) {
			throw new MergeRefused(mergedTarget == survivorId ? "person " + mergedId + " is already merged into person " + survivorId
					: "person " + mergedId + " was merged into person " + mergedTarget + " already");
		}
		List<Long> moved = jdbc.sql("update identities set person_id = ? where person_id = ? returning id")
			.params(survivorId, mergedId)
			.query(Long.class)
			.list();
		long id;
		try {
			id = jdbc.sql("""
					insert into person_merges (survivor_id, merged_id, identity_ids, evidence, actor_id)
					values (?, ?, ?, ?, ?) returning id""")
				.params(survivorId, mergedId, moved.stream().mapToLong(Long::longValue).toArray(), evidence.name(), actorId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new MergeRefused("person " + mergedId + " was merged by someone else meanwhile");
		}
		jdbc.sql("update persons set merged_into = ? where id = ?").params(survivorId, mergedId).update();
		audit.record(actorId, "person.merge", "person", survivorId,
				Map.of("merge", id, "merged", mergedId, "identities", moved.size(), "evidence", evidence.name()));
		audit.record(actorId, "person.merged-into", "person", mergedId, Map.of("merge", id, "survivor", survivorId));
		return find(id).orElseThrow();
	}

	/** Undoes a merge: the identities it moved go back to the merged person, who is a person of their own again. */
	@Transactional
	public Merge undo(long mergeId, Long actorId) {
		Merge m = jdbc.sql("select * from person_merges where id = ? for update").param(mergeId).query(PersonLinks::map).optional()
			.orElseThrow(() -> new MergeNotFound(mergeId));
		if (m.undoneAt() != null) throw new MergeRefused("merge " + mergeId + " was undone already");
		Map<Long, Long> mergedInto = lock(m.survivorId(), m.mergedId());
		Long survivorTarget = mergedInto.get(m.survivorId());
		if (survivorTarget != null) {
			throw new MergeRefused("person " + m.survivorId() + " was merged into person " + survivorTarget
					+ " after this merge: undo that merge first");
		}
		int back = jdbc.sql("update identities set person_id = ? where id = any(?) and person_id = ?")
			.params(m.mergedId(), m.identityIds().stream().mapToLong(Long::longValue).toArray(), m.survivorId())
			.update();
		jdbc.sql("update persons set merged_into = null where id = ?").param(m.mergedId()).update();
		jdbc.sql("update person_merges set undone_at = now(), undone_by = ? where id = ?").params(actorId, mergeId).update();
		audit.record(actorId, "person.merge.undo", "person", m.survivorId(), Map.of("merge", mergeId, "merged", m.mergedId(), "identities", back));
		audit.record(actorId, "person.merge.undo", "person", m.mergedId(), Map.of("merge", mergeId, "survivor", m.survivorId()));
		return find(mergeId).orElseThrow();
	}

	public Optional<Merge> find(long mergeId) {
		return jdbc.sql("select * from person_merges where id = ?").param(mergeId).query(PersonLinks::map).optional();
	}

	/** The merges a person took part in (either side), newest first. */
	public List<Merge> mergesOf(long personId) {
		return jdbc.sql("select * from person_merges where survivor_id = ? or merged_id = ? order by at desc, id desc")
			.params(personId, personId)
			.query(PersonLinks::map)
			.list();
	}

	/**
	 * Locks both persons' rows in id order; returns each one's {@code merged_into} (absent value: not merged).
	 * FOR NO KEY UPDATE: serialises merges without blocking the pipeline, whose new identities only take a key
	 * share lock on their person.
	 */
	private Map<Long, Long> lock(long a, long b) {
		Map<Long, Long> mergedInto = new java.util.HashMap<>();
		List<Long> found = jdbc.sql("select id, merged_into from persons where id in (?, ?) order by id for no key update")
			.params(a, b)
			.query((rs, row) -> {
				long target = rs.getLong(2);
				Long value = rs.wasNull() ? null : target;
				mergedInto.put(rs.getLong(1), value);
				return rs.getLong(1);
			})
			.list();
		if (!found.contains(a)) throw new PersonNotFound(a);
		if (!found.contains(b)) throw new PersonNotFound(b);
		return mergedInto;
	}

	static Merge map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Array ids = rs.getArray("identity_ids");
		long actor = rs.getLong("actor_id");
		Long actorId = rs.wasNull() ? null : actor;
		java.sql.Timestamp undone = rs.getTimestamp("undone_at");
		return new Merge(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("merged_id"), List.of((Long[]) ids.getArray()),
				Evidence.valueOf(rs.getString("evidence")), actorId, rs.getTimestamp("at").toInstant(), undone == null ? null : undone.toInstant());
	}
}
