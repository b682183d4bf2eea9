package nl.luister.customer;

import java.time.Instant;

/**
 * The retention job ran: personal content published before {@code cutoff} is gone from the mentions. Modules that keep
 * copies of it (author rollups, alert evidence) drop theirs from before that moment.
 */
public record RetentionApplied(Instant cutoff) {
}
