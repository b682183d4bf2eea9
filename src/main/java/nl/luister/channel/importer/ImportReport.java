package nl.luister.channel.importer;

import java.util.List;

/**
 * The outcome of an import: lines imported, lines that had been delivered before, and rejected lines with
 * their line number and reason (the first {@value MentionImport#MAX_REPORTED_ERRORS} are listed).
 */
public record ImportReport(long imported, long duplicates, long rejected, List<LineError> errors) {

	public record LineError(long line, String reason) {
	}
}
