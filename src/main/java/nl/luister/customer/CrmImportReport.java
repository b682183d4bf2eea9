package nl.luister.customer;

import java.util.List;

/**
 * The outcome of a CRM import or of its dry-run: rows that created a person, rows that found their person (by
 * customer number or on evidence: the same e-mail address, the same handle) and updated it, rows that changed
 * nothing, persons linked because one row named accounts of several, and rejected rows. {@code rows} lists
 * what happened to the first {@value CrmImport#MAX_LISTED} rows of each kind, with their line numbers, so a
 * dry-run shows what will be linked before anything is.
 */
public record CrmImportReport(boolean dryRun, long created, long updated, long unchanged, long linked, long rejected, List<RowOutcome> rows) {

	/** What happened to one row: {@code kind} is CREATED, UPDATED, UNCHANGED, LINKED or REJECTED; {@code personId} is null when rejected (and for a dry-run's new persons). */
	public record RowOutcome(long line, String kind, Long personId, String detail) {
	}
}
