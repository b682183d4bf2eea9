package nl.luister.triage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.luister.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** SQL of the triage feature: the facts of a batch of cases in one statement, and the outcomes in one more. */
@Repository
class TriageStore {

	private static final String FACTS = """
			with ids as (select distinct unnest(?::bigint[]) as id),
			lastm as (select distinct on (m.case_id) m.case_id, coalesce(m.title || E'\\n', '') || m.text as text, m.language, m.published_at
			          from mentions m join ids on ids.id = m.case_id order by m.case_id, m.published_at desc, m.id desc),
			firstm as (select m.case_id, min(m.published_at) as first_at from mentions m join ids on ids.id = m.case_id group by m.case_id),
			spread as (select m.case_id, count(*) as n, count(distinct lower(coalesce(m.author_handle, m.author_name, ''))) as authors
			           from mentions m join lastm l on l.case_id = m.case_id
			           where m.published_at > l.published_at - make_interval(secs => ?) group by m.case_id),
			tops as (select m.case_id, array_agg(distinct mt.topic_id) as topic_ids
			         from mentions m join ids on ids.id = m.case_id join mention_topics mt on mt.mention_id = m.id group by m.case_id),
			person as (select c.id as case_id, i.person_id from cases c join ids on ids.id = c.id
			           join identities i on i.channel = c.channel and lower(i.handle) = lower(c.author_handle)),
			rep as (select p.case_id, count(distinct c2.id) as n, max(c2.id) as earlier
			        from person p join firstm f on f.case_id = p.case_id
			        join identities i2 on i2.person_id = p.person_id
			        join cases c2 on c2.channel = i2.channel and lower(c2.author_handle) = lower(i2.handle)
			        where c2.id < p.case_id and c2.complaint and c2.last_activity_at >= f.first_at - make_interval(secs => ?)
			        group by p.case_id)
			select c.id, c.channel, c.source_id, s.account_role, t.topic_ids, l.language, c.sentiment, c.complaint, c.question,
			       c.praise, pe.tier, pe.segment, p.person_id, coalesce(r.n, 0) as repeat_count, r.earlier,
			       coalesce(sp.n, 0) as recent, coalesce(sp.authors, 0) as recent_authors, l.text, l.published_at,
			       c.assignee_id, c.escalated, c.tags
			from cases c join ids on ids.id = c.id
			join sources s on s.id = c.source_id
			left join lastm l on l.case_id = c.id
			left join spread sp on sp.case_id = c.id
			left join tops t on t.case_id = c.id
			left join person p on p.case_id = c.id
			left join persons pe on pe.id = p.person_id
			left join rep r on r.case_id = c.id
			order by c.id""";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	TriageStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<CaseFacts> facts(Collection<Long> caseIds, Duration repeatWindow, Duration spreadWindow) {
		if (caseIds.isEmpty()) return List.of();
		return jdbc.sql(FACTS)
			.params(caseIds.stream().mapToLong(Long::longValue).toArray(), spreadWindow.toSeconds(), repeatWindow.toSeconds())
			.query(TriageStore::facts)
			.list();
	}

	/** The ids of the newest cases by last activity, for trying a rule. */
	List<Long> recentCaseIds(int limit) {
		return jdbc.sql("select id from cases order by last_activity_at desc, id desc limit ?").param(limit).query(Long.class).list();
	}

	/** Stores each outcome on its case in one statement. */
	void save(Collection<Triaged> outcomes) {
		int n = outcomes.size();
		if (n == 0) return;
		long[] ids = new long[n];
		int[] severities = new int[n];
		String[] triage = new String[n];
		Boolean[] escalated = new Boolean[n];
		Long[] from = new Long[n];
		String[] tags = new String[n];
		Boolean[] approval = new Boolean[n];
		int i = 0;
		for (Triaged t : outcomes) {
			ids[i] = t.caseId();
			severities[i] = t.severity();
			triage[i] = json.writeValueAsString(new Stored(t.reasons(), t.recommendation()));
			escalated[i] = t.escalated();
			from[i] = t.escalatedFrom();
			tags[i] = json.writeValueAsString(t.tagList());
			approval[i] = t.approvalRequired();
			i++;
		}
		jdbc.sql("""
				update cases c set severity = t.severity, triage = t.triage::jsonb, escalated = t.escalated,
				  escalated_from = coalesce(t.escalated_from, c.escalated_from),
				  tags = array(select jsonb_array_elements_text(t.tags::jsonb)),
				  approval_required = c.approval_required or t.approval, triaged_at = now()
				from unnest(?::bigint[], ?::int[], ?::text[], ?::boolean[], ?::bigint[], ?::text[], ?::boolean[])
				     as t(id, severity, triage, escalated, escalated_from, tags, approval)
				where c.id = t.id""")
			.params(ids, severities, triage, escalated, from, tags, approval)
			.update();
	}

	/** What is stored in {@code cases.triage}. */
	record Stored(List<Reason> reasons, Recommendation recommendation) {
	}

	Optional<CaseTriage> find(long caseId) {
		return jdbc.sql("""
				select c.severity, c.triage, c.escalated, c.escalated_from, c.tags, c.approval_required,
				       e.snippet as earlier_snippet, e.channel as earlier_channel
				from cases c left join cases e on e.id = c.escalated_from where c.id = ?""")
			.param(caseId)
			.query((rs, row) -> {
				int severity = rs.getInt("severity");
				Integer sev = rs.wasNull() ? null : severity;
				String stored = rs.getString("triage");
				Stored s = stored == null ? new Stored(List.of(), null) : json.readValue(stored, Stored.class);
				long earlier = rs.getLong("escalated_from");
				Long earlierId = rs.wasNull() ? null : earlier;
				return new CaseTriage(caseId, sev, s.reasons() == null ? List.of() : s.reasons(), s.recommendation(),
						rs.getBoolean("escalated"), earlierId, rs.getString("earlier_snippet"), rs.getString("earlier_channel"),
						strings(rs.getArray("tags")), rs.getBoolean("approval_required"));
			})
			.optional();
	}

	Map<Long, CaseTriage.Badge> badges(List<Long> caseIds) {
		Map<Long, CaseTriage.Badge> badges = new HashMap<>();
		if (caseIds.isEmpty()) return badges;
		jdbc.sql("select id, severity, escalated, approval_required from cases where id = any(?) and severity is not null")
			.param(caseIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> badges.put(rs.getLong(1), new CaseTriage.Badge(rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4))))
			.list();
		return badges;
	}

	private static CaseFacts facts(ResultSet rs, int row) throws SQLException {
		Array topicArray = rs.getArray("topic_ids");
		Set<Long> topics = new LinkedHashSet<>();
		if (topicArray != null) for (Object o : (Object[]) topicArray.getArray()) topics.add(((Number) o).longValue());
		Timestamp lastAt = rs.getTimestamp("published_at");
		return new CaseFacts(rs.getLong("id"), Channel.parse(rs.getString("channel")), rs.getLong("source_id"),
				rs.getString("account_role"), topics, rs.getString("language"), rs.getString("sentiment"), rs.getBoolean("complaint"),
				rs.getBoolean("question"), rs.getBoolean("praise"), nullableInt(rs, "tier"), rs.getString("segment"),
				nullableLong(rs, "person_id"), rs.getInt("repeat_count"), nullableLong(rs, "earlier"), rs.getInt("recent"),
				rs.getInt("recent_authors"), rs.getString("text"), lastAt == null ? null : lastAt.toInstant(),
				nullableLong(rs, "assignee_id"), rs.getBoolean("escalated"), strings(rs.getArray("tags")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}
}
