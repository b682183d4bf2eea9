package nl.luister.monitor;

import java.time.Instant;

/** A named standing query of a brand. */
public record Topic(long id, String name, String query, Instant createdAt, Instant updatedAt) {
}
