package nl.luister.monitor;

import java.time.Instant;

/** A named standing query of a brand, with the stemming its words match with (never {@code null}). */
public record Topic(long id, String name, String query, Stemming stemming, Instant createdAt, Instant updatedAt) {
}
