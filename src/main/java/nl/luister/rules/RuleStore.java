package nl.luister.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** SQL of the rules feature: rules, and the log of what they did to cases. */
@Repository
class RuleStore {

	private static final String COLUMNS = "id, name, position, enabled, conditions, actions, updated_at";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	RuleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Rule> all() {
		return jdbc.sql("select " + COLUMNS + " from rules order by position, id").query(this::rule).list();
	}

	List<Rule> enabled() {
		return jdbc.sql("select " + COLUMNS + " from rules where enabled order by position, id").query(this::rule).list();
	}

	Optional<Rule> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from rules where id = ?").param(id).query(this::rule).optional();
	}

	long insert(String name, RuleConditions when, RuleActions then, boolean enabled, Long createdBy) {
		return jdbc.sql("""
				insert into rules (name, position, enabled, conditions, actions, created_by)
				values (?, (select coalesce(max(position), 0) + 1 from rules), ?, ?::jsonb, ?::jsonb, ?) returning id""")
			.params(name, enabled, json.writeValueAsString(when), json.writeValueAsString(then), createdBy)
			.query(Long.class)
			.single();
	}

	boolean update(long id, String name, RuleConditions when, RuleActions then) {
		return jdbc.sql("update rules set name = ?, conditions = ?::jsonb, actions = ?::jsonb, updated_at = now() where id = ?")
			.params(name, json.writeValueAsString(when), json.writeValueAsString(then), id)
			.update() == 1;
	}

	boolean setEnabled(long id, boolean enabled) {
		return jdbc.sql("update rules set enabled = ?, updated_at = now() where id = ?").params(enabled, id).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from rules where id = ?").param(id).update() == 1;
	}

	/** Rewrites every position as 1..n in the given order of ids. */
	void reorder(List<Long> ids) {
		long[] order = ids.stream().mapToLong(Long::longValue).toArray();
		jdbc.sql("update rules r set position = t.pos from unnest(?::bigint[]) with ordinality as t(id, pos) where r.id = t.id")
			.param(order)
			.update();
	}

	/** Which (case, rule, action) pairs were already carried out, for actions done once per case and rule. */
	Set<String> done(long[] caseIds, List<String> actions) {
		Set<String> done = new HashSet<>();
		if (caseIds.length == 0) return done;
		jdbc.sql("select case_id, rule_id, action from rule_runs where case_id = any(?) and action = any(?) and rule_id is not null")
			.params(caseIds, actions.toArray(String[]::new))
			.query((rs, row) -> done.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3)))
			.list();
		return done;
	}

	void log(List<RuleRun> runs) {
		int n = runs.size();
		if (n == 0) return;
		long[] cases = new long[n];
		Long[] rules = new Long[n];
		String[] names = new String[n], actions = new String[n], details = new String[n];
		for (int i = 0; i < n; i++) {
			RuleRun r = runs.get(i);
			cases[i] = r.caseId();
			rules[i] = r.ruleId();
			names[i] = r.ruleName();
			actions[i] = r.action();
			details[i] = r.detail();
		}
		jdbc.sql("""
				insert into rule_runs (case_id, rule_id, rule_name, action, detail)
				select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])""")
			.params(cases, rules, names, actions, details)
			.update();
	}

	List<RuleRun> runsOf(long caseId) {
		return jdbc.sql("select case_id, rule_id, rule_name, action, detail, at from rule_runs where case_id = ? order by at, id")
			.param(caseId)
			.query((rs, row) -> {
				long ruleId = rs.getLong("rule_id");
				return new RuleRun(rs.getLong("case_id"), rs.wasNull() ? null : ruleId, rs.getString("rule_name"), rs.getString("action"),
						rs.getString("detail"), rs.getTimestamp("at").toInstant());
			})
			.list();
	}

	/** Author and snippet of cases, for listing the cases a rule was tried on. */
	Map<Long, String[]> labels(List<Long> caseIds) {
		Map<Long, String[]> labels = new java.util.HashMap<>();
		if (caseIds.isEmpty()) return labels;
		jdbc.sql("select id, coalesce(nullif(author_name, ''), author_handle, '?'), snippet, channel from cases where id = any(?)")
			.param(caseIds.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> labels.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) }))
			.list();
		return labels;
	}

	private Rule rule(ResultSet rs, int row) throws SQLException {
		return new Rule(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("enabled"),
				json.readValue(rs.getString("conditions"), RuleConditions.class), json.readValue(rs.getString("actions"), RuleActions.class),
				rs.getTimestamp("updated_at").toInstant());
	}
}
