package nl.luister.channel;

import java.time.Instant;

/**
 * A configured source with its cursor and health, as stored.
 *
 * @param settings    the connector's settings as JSON (bound to its {@link Source#settingsType()} when fetched)
 * @param lastError   the reason of the last failure in plain words, or {@code null} after a success
 * @param failures    consecutive failures; drives the back-off
 */
public record SourceRecord(long id, String key, String type, String name, Channel channel, String settings,
		int pollSeconds, boolean paused, String cursor, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
		int failures, Instant nextAttemptAt, long itemsTotal, Instant createdAt) {

	/** The health a person sees on the sources page. */
	public Health health() {
		if (paused) return Health.PAUSED;
		if (failures > 0) return Health.FAILING;
		if (lastSuccessAt == null) return Health.WAITING;
		return Health.CONNECTED;
	}

	/** The kind of the last failure, for a plain headline; {@code null} when the source is not failing. */
	public SourceProblem problem() {
		return failures > 0 ? SourceProblem.of(lastError) : null;
	}

	/** Until when the source is rate limited, as its last failure says; {@code null} when it is not. */
	public Instant rateLimitedUntil() {
		return problem() == SourceProblem.RATE_LIMITED ? SourceProblem.rateLimitedUntil(lastError) : null;
	}

	public enum Health {
		CONNECTED, FAILING, PAUSED, WAITING
	}
}
