package nl.luister;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the workspace between integration tests that share a Spring context (users stay). */
public final class TestWorkspace {

	static final String TABLES = "mention_log, mention_topics, case_forwards, replies, case_notes, case_events, mentions, cases, topics, sources, "
			+ "identities, person_merges, persons, audit_log, alert_deliveries, alerts, alert_rules, rollup_hour, rollup_day, rollup_5m, "
			+ "rollup_site_day, rollup_author_day, rollup_case_day, rollup_agent_day, rollup_team_day, report_schedules, "
			+ "rule_runs, rules, notifications, owned_accounts, source_notices, reply_templates, agent_reply_profiles, "
			+ "duplicate_members, duplicate_keys, duplicate_groups, exclusions, backfill_jobs, influence_cuts, teams, team_members, agents, "
			+ "sla_breaches, sla_policies, sla_holidays, sla_calendars, rollup_sla_day";

	private TestWorkspace() {
	}

	/** Truncates every workspace table and restarts their ids; a topic matcher must then be reloaded. */
	public static void reset(JdbcClient jdbc) {
		jdbc.sql("truncate " + TABLES + " restart identity cascade").update();
		jdbc.sql("update alert_watch set last_mention = 0").update();
	}
}
