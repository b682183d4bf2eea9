package nl.luister.monitor.backfill;

import java.time.Instant;

/**
 * A backfill: a topic run over the stored mentions published since {@code since}.
 *
 * @param total        how many mentions it walks (fixed when it starts)
 * @param examined     how many of them it has matched so far
 * @param matched      how many got the topic added by this job (a mention tagged before is not counted again)
 * @param casesTouched how many matched mentions it put into a case (only when {@code openCases})
 * @param error        why it failed, else {@code null}
 * @param finishedAt   {@code null} while it runs
 */
public record BackfillJob(long id, long topicId, int days, boolean openCases, State state, Instant since, int total,
		int examined, int matched, int casesTouched, String error, Instant createdAt, Instant finishedAt) {

	/** Where a backfill stands. */
	public enum State {
		RUNNING, DONE, CANCELLED, FAILED
	}

	/** How far it got, 0 to 100; 100 once done. */
	public int percent() {
		if (state == State.DONE || total == 0) return state == State.RUNNING ? 0 : 100;
		return (int) Math.min(100, examined * 100L / total);
	}

	public boolean running() {
		return state == State.RUNNING;
	}

	/** The state in lower case, for messages and CSS. */
	public String stateKey() {
		return state.name().toLowerCase(java.util.Locale.ROOT);
	}
}
