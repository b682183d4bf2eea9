package nl.luister.monitor.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of backfills. */
@Repository
class BackfillJobs {

	private static final String COLUMNS = "id, topic_id, days, open_cases, state, since, total, examined, matched, cases_touched, error, created_at, finished_at";

	private final JdbcClient jdbc;

	BackfillJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a running job over the mentions published since {@code since} that are stored now. */
	long create(long topicId, int days, boolean openCases, Instant since, Long userId) {
		return jdbc.sql("""
				with w as (select coalesce(max(id), 0) as until_id, coalesce(min(id), 1) - 1 as after_id, count(*)::int as total
				           from mentions where published_at >= :since)
				insert into backfill_jobs (topic_id, days, open_cases, state, since, until_id, after_id, total, requested_by)
				select :topic, :days, :open, 'RUNNING', :since, w.until_id, w.after_id, w.total, :user from w
				returning id""")
			.param("topic", topicId)
			.param("days", days)
			.param("open", openCases)
			.param("since", Timestamp.from(since))
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	Optional<BackfillJob> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from backfill_jobs where id = ?").param(id).query(BackfillJobs::map).optional();
	}

	Optional<BackfillJob> latestOf(long topicId) {
		return jdbc.sql("select " + COLUMNS + " from backfill_jobs where topic_id = ? order by id desc limit 1").param(topicId)
			.query(BackfillJobs::map).optional();
	}

	Optional<BackfillJob> runningOf(long topicId) {
		return jdbc.sql("select " + COLUMNS + " from backfill_jobs where topic_id = ? and state = 'RUNNING' order by id limit 1")
			.param(topicId).query(BackfillJobs::map).optional();
	}

	List<Long> running() {
		return jdbc.sql("select id from backfill_jobs where state = 'RUNNING' order by id").query(Long.class).list();
	}

	/** The next mentions of the job's window after where it stands, with their language, oldest id first. */
	List<Candidate> nextBatch(long jobId, int limit) {
		return jdbc.sql("""
				select %s, m.language from backfill_jobs j
				join mentions m on m.id > j.after_id and m.id <= j.until_id and m.published_at >= j.since
				where j.id = ? order by m.id limit ?""".formatted(Mentions.COLUMNS))
			.params(jobId, limit)
			.query((rs, row) -> new Candidate(Mentions.map(rs, row), rs.getString("language")))
			.list();
	}

	record Candidate(StoredMention mention, String language) {
	}

	/** Tags the mentions with the topic; returns the ids that were not tagged before. */
	List<Long> tag(long topicId, long[] mentionIds) {
		if (mentionIds.length == 0) return List.of();
		return jdbc.sql("""
				insert into mention_topics (mention_id, topic_id)
				select t.id, :topic from unnest(:ids::bigint[]) as t(id) where exists (select 1 from topics where id = :topic)
				on conflict do nothing returning mention_id""")
			.param("topic", topicId)
			.param("ids", mentionIds)
			.query(Long.class)
			.list();
	}

	int countInCases(long[] mentionIds) {
		if (mentionIds.length == 0) return 0;
		return jdbc.sql("select count(*)::int from mentions where id = any(?) and case_id is not null").param(mentionIds).query(Integer.class).single();
	}

	/** Moves a running job past a batch; false when it is no longer running (cancelled meanwhile). */
	boolean advance(long id, long afterId, int examined, int matched, int casesTouched) {
		return jdbc.sql("""
				update backfill_jobs set after_id = ?, examined = examined + ?, matched = matched + ?, cases_touched = cases_touched + ?
				where id = ? and state = 'RUNNING'""")
			.params(afterId, examined, matched, casesTouched, id)
			.update() == 1;
	}

	boolean finish(long id, BackfillJob.State state, String error) {
		return jdbc.sql("update backfill_jobs set state = ?, error = ?, finished_at = now() where id = ? and state = 'RUNNING'")
			.params(state.name(), error, id)
			.update() == 1;
	}

	private static BackfillJob map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new BackfillJob(rs.getLong("id"), rs.getLong("topic_id"), rs.getInt("days"), rs.getBoolean("open_cases"),
				BackfillJob.State.valueOf(rs.getString("state")), rs.getTimestamp("since").toInstant(), rs.getInt("total"),
				rs.getInt("examined"), rs.getInt("matched"), rs.getInt("cases_touched"), rs.getString("error"),
				rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
	}
}
