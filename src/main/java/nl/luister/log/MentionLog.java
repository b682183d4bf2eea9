package nl.luister.log;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import nl.luister.channel.RawMention;

/**
 * The durable hand-off between ingest and the pipeline.
 *
 * <p>{@link #append} joins the caller's transaction, so items and the source cursor commit together: a crash
 * loses nothing and re-reads nothing. {@link #drain} claims a batch and runs the processing in one
 * transaction; if processing throws, the batch stays in the log (nothing lost) and nothing it wrote is kept
 * (nothing doubled). An entry that keeps failing is quarantined by the pipeline instead of blocking the log.
 * Implementations are safe for concurrent producers and consumers.
 */
public interface MentionLog {

	/**
	 * Appends items of one source, ignoring those already in the log or already stored as mentions.
	 *
	 * @return the items that were new, in order
	 */
	List<RawMention> append(long sourceId, List<RawMention> items);

	/**
	 * Claims up to {@code max} entries and hands them to {@code processing} in one transaction, then removes
	 * them. Entries claimed by another worker are skipped.
	 *
	 * @return how many entries were processed (0 when the log was empty)
	 */
	int drain(int max, Function<List<LoggedMention>, ?> processing);

	/** Waits until something was appended (or the timeout passes); spurious wake-ups are allowed. */
	void awaitAppend(Duration timeout) throws InterruptedException;

	/** Entries waiting in the log (not counting quarantined ones). */
	long backlog();

	/**
	 * Sets an entry aside that cannot be processed, with the reason, so the entries behind it go on; it is kept
	 * for inspection. Joins the caller's transaction, if any.
	 */
	void quarantine(long logId, String reason);

	/** Entries set aside because they could not be processed. */
	long quarantined();
}
