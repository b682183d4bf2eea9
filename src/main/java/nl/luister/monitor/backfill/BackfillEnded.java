package nl.luister.monitor.backfill;

import java.time.Instant;

/**
 * A backfill stopped (done, cancelled or failed) after tagging stored mentions published since {@code since} with
 * {@code topicId}: whoever keeps counts per topic recounts from then.
 */
public record BackfillEnded(long jobId, long topicId, Instant since) {
}
