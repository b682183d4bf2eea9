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

	public enum Health {
		CONNECTED, FAILING, PAUSED, WAITING
	}
}
