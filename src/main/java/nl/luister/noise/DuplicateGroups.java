package nl.luister.noise;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the duplicate groups. */
@Repository
class DuplicateGroups {

	private final JdbcClient jdbc;

	DuplicateGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String GROUP_COLUMNS = "g.id, g.simhash, g.numbers, g.shingles, g.sketch, g.number_set, g.first_at, g.last_at, g.case_id";

	/** The groups that share a band value with any of the fingerprints and were active in the time range. */
	List<DuplicateIndex.Group> candidates(List<TextFingerprint> fingerprints, Instant from, Instant to, int minWords) {
		int[][] bands = new int[TextFingerprint.BANDS][fingerprints.size()];
		for (int f = 0; f < fingerprints.size(); f++) {
			for (int b = 0; b < TextFingerprint.BANDS; b++) bands[b][f] = fingerprints.get(f).band(b);
		}
		return jdbc.sql("""
				select %s from duplicate_groups g
				where (b0 = any(?) or b1 = any(?) or b2 = any(?) or b3 = any(?) or b4 = any(?) or b5 = any(?))
				  and last_at >= ? and first_at <= ?""".formatted(GROUP_COLUMNS))
			.params(bands[0], bands[1], bands[2], bands[3], bands[4], bands[5], Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> group(rs, minWords))
			.list();
	}

	/** A group found by a shingle key, with that key. */
	record Keyed(long key, DuplicateIndex.Group group) {
	}

	/**
	 * The groups that have one of the shingle keys, at most {@link DuplicateIndex#PER_KEY} of the newest (highest id)
	 * per key, of those the ones active in the time range: one index probe per distinct key.
	 */
	List<Keyed> candidatesByKey(long[] keys, Instant from, Instant to, int minWords) {
		if (keys.length == 0) return List.of();
		return jdbc.sql("""
				select k.key, %s from unnest(?::bigint[]) q(key)
				cross join lateral (select dk.key, dk.group_id from duplicate_keys dk where dk.key = q.key
				                    order by dk.group_id desc limit %d) k
				join duplicate_groups g on g.id = k.group_id
				where g.last_at >= ? and g.first_at <= ?""".formatted(GROUP_COLUMNS, DuplicateIndex.PER_KEY))
			.params(keys, Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> new Keyed(rs.getLong("key"), group(rs, minWords)))
			.list();
	}

	private static DuplicateIndex.Group group(java.sql.ResultSet rs, int minWords) throws java.sql.SQLException {
		long caseId = rs.getLong("case_id");
		Long caseRef = rs.wasNull() ? null : caseId;
		Integer[] sketch = (Integer[]) rs.getArray("sketch").getArray();
		Long[] numbers = (Long[]) rs.getArray("number_set").getArray();
		ShingleSketch s = new ShingleSketch(rs.getInt("shingles"), java.util.Arrays.stream(sketch).mapToInt(Integer::intValue).toArray(),
				new long[0], java.util.Arrays.stream(numbers).mapToLong(Long::longValue).toArray());
		// the group's word count is not kept: it was long enough to be grouped
		return new DuplicateIndex.Group(rs.getLong("id"), new TextFingerprint(rs.getLong("simhash"), rs.getLong("numbers"), minWords, s),
				rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(), caseRef, false);
	}

	/** Inserts new groups with their shingle keys and grows existing ones, in at most four statements. */
	void save(List<DuplicateIndex.Group> groups, long[] memberIds, long[] memberGroups) {
		List<DuplicateIndex.Group> created = groups.stream().filter(g -> g.created).toList();
		List<DuplicateIndex.Group> grown = groups.stream().filter(g -> !g.created && g.added > 0).toList();
		if (!created.isEmpty()) {
			int n = created.size();
			long[] ids = new long[n], simhash = new long[n], numbers = new long[n];
			int[][] bands = new int[TextFingerprint.BANDS][n];
			String[] first = new String[n], last = new String[n], sketches = new String[n], numberSets = new String[n];
			int[] size = new int[n], shingles = new int[n];
			List<Long> keys = new java.util.ArrayList<>(), keyGroups = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				DuplicateIndex.Group g = created.get(i);
				ids[i] = g.id;
				simhash[i] = g.fingerprint.simhash();
				numbers[i] = g.fingerprint.numbers();
				for (int b = 0; b < TextFingerprint.BANDS; b++) bands[b][i] = g.fingerprint.band(b);
				first[i] = g.firstAt.toString();
				last[i] = g.lastAt.toString();
				size[i] = 1 + g.added;
				ShingleSketch sketch = g.fingerprint.sketch();
				shingles[i] = sketch.shingles();
				sketches[i] = arrayLiteral(java.util.Arrays.stream(sketch.bottom()).asLongStream().toArray());
				numberSets[i] = arrayLiteral(sketch.numbers());
				for (long key : sketch.keys()) {
					keys.add(key);
					keyGroups.add(g.id);
				}
			}
			jdbc.sql("""
					insert into duplicate_groups (id, simhash, numbers, b0, b1, b2, b3, b4, b5, first_at, last_at, size, shingles, sketch, number_set)
					select id, simhash, numbers, b0, b1, b2, b3, b4, b5, first_at, last_at, size, shingles, sketch::int[], number_set::bigint[]
					from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
					            ?::int[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::int[], ?::text[], ?::text[])
					     as t(id, simhash, numbers, b0, b1, b2, b3, b4, b5, first_at, last_at, size, shingles, sketch, number_set)
					on conflict (id) do nothing""")
				.params(ids, simhash, numbers, bands[0], bands[1], bands[2], bands[3], bands[4], bands[5], first, last, size, shingles,
						sketches, numberSets)
				.update();
			if (!keys.isEmpty()) {
				jdbc.sql("""
						insert into duplicate_keys (key, group_id)
						select * from unnest(?::bigint[], ?::bigint[]) on conflict do nothing""")
					.params(keys.stream().mapToLong(Long::longValue).toArray(), keyGroups.stream().mapToLong(Long::longValue).toArray())
					.update();
			}
		}
		if (!grown.isEmpty()) {
			jdbc.sql("""
					update duplicate_groups g set size = g.size + t.added, last_at = greatest(g.last_at, t.last_at)
					from unnest(?::bigint[], ?::int[], ?::timestamptz[]) as t(id, added, last_at) where g.id = t.id""")
				.params(grown.stream().mapToLong(g -> g.id).toArray(), grown.stream().mapToInt(g -> g.added).toArray(),
						grown.stream().map(g -> g.lastAt.toString()).toArray(String[]::new))
				.update();
		}
		if (memberIds.length > 0) {
			jdbc.sql("""
					insert into duplicate_members (mention_id, group_id)
					select * from unnest(?::bigint[], ?::bigint[]) on conflict do nothing""")
				.params(memberIds, memberGroups)
				.update();
		}
	}

	private static String arrayLiteral(long[] values) {
		StringBuilder sb = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) sb.append(',');
			sb.append(values[i]);
		}
		return sb.append('}').toString();
	}

	/** Gives each group still without a case the case its first member that reached cases landed in. */
	void adoptCases(long[] mentionIds) {
		if (mentionIds.length == 0) return;
		jdbc.sql("""
				update duplicate_groups g set case_id = s.case_id
				from (select coalesce(dm.group_id, m.id) as group_id, (array_agg(m.case_id order by m.published_at, m.id))[1] as case_id
				      from mentions m left join duplicate_members dm on dm.mention_id = m.id
				      where m.id = any(?) and m.case_id is not null group by 1) s
				where g.id = s.group_id and g.case_id is null""")
			.param(mentionIds)
			.update();
	}

	/** How many mentions are grouped into each case beyond the one shown, by case id. */
	java.util.Map<Long, Integer> similarCounts(long[] caseIds) {
		java.util.Map<Long, Integer> result = new java.util.HashMap<>();
		if (caseIds.length == 0) return result;
		jdbc.sql("select case_id, sum(size - 1) from duplicate_groups where case_id = any(?) and size > 1 group by case_id")
			.param(caseIds)
			.query((rs, row) -> result.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return result;
	}

	/** The mentions grouped into the case's groups that are not in the case themselves, newest first. */
	List<StoredMention> similarOf(long caseId, int limit) {
		return jdbc.sql("""
				select %s from duplicate_groups g
				join lateral (select g.id as mention_id union all select dm.mention_id from duplicate_members dm where dm.group_id = g.id) x on true
				join mentions m on m.id = x.mention_id
				where g.case_id = ? and m.case_id is distinct from g.case_id
				order by m.published_at desc, m.id desc limit ?""".formatted(Mentions.COLUMNS))
			.params(caseId, limit)
			.query(Mentions::map)
			.list();
	}

	/** Whether each mention is a later member of a group that already has a case (a duplicate that stays quiet). */
	java.util.Set<Long> quietMembers(long[] mentionIds) {
		java.util.Set<Long> result = new java.util.HashSet<>();
		if (mentionIds.length == 0) return result;
		jdbc.sql("""
				select dm.mention_id from duplicate_members dm join duplicate_groups g on g.id = dm.group_id
				where dm.mention_id = any(?) and g.case_id is not null""")
			.param(mentionIds)
			.query((rs, row) -> result.add(rs.getLong(1)))
			.list();
		return result;
	}
}
