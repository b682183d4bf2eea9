package nl.luister.analytics.rollup;

import java.time.LocalDate;

/**
 * The webcare rollups of the days {@code from} to {@code to} (inclusive) were recounted from cases and replies, on
 * their schedule (the last weeks every minute, a year at start and nightly) or on request. Published inside the
 * recount's transaction; other rollups over cases (the SLA figures) recount the same days after it commits.
 */
public record CaseRollupsRecounted(LocalDate from, LocalDate to) {
}
