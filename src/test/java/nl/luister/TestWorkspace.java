package nl.luister;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the workspace between integration tests that share a Spring context (users stay). */
public final class TestWorkspace {

	static final String TABLES = "mention_log, mention_topics, replies, case_notes, case_events, mentions, cases, topics, sources, "
			+ "identities, person_merges, persons, audit_log, influence_cuts";

	private TestWorkspace() {
	}

	/** Truncates every workspace table and restarts their ids; a topic matcher must then be reloaded. */
	public static void reset(JdbcClient jdbc) {
		jdbc.sql("truncate " + TABLES + " restart identity cascade").update();
	}
}
