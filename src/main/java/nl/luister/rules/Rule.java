package nl.luister.rules;

import java.time.Instant;

/** A rule as stored: it runs, when enabled, in {@code position} order (then by id). Immutable. */
public record Rule(long id, String name, int position, boolean enabled, RuleConditions when, RuleActions then, Instant updatedAt) {
}
