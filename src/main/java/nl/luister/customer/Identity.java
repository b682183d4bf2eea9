package nl.luister.customer;

import java.time.Instant;

/** One account on one channel; {@code displayName}, {@code followers} and {@code profileUrl} may be {@code null}. */
public record Identity(long id, String channel, String handle, String displayName, Integer followers, String profileUrl,
		Instant firstSeen, Instant lastSeen, long personId) {
}
