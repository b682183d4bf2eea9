package nl.luister.triage;

import java.util.List;

/**
 * A case's triage as stored: {@code severity} is {@code null} for a case not triaged yet (opened before triage
 * existed); {@code recommendation}, {@code earlierCaseId} and the earlier case's snippet and channel may be
 * {@code null}.
 */
public record CaseTriage(long caseId, Integer severity, List<Reason> reasons, Recommendation recommendation, boolean escalated,
		Long earlierCaseId, String earlierSnippet, String earlierChannel, List<String> tags, boolean approvalRequired) {

	/** What the inbox row shows. */
	public record Badge(int severity, boolean escalated, boolean approvalRequired) {
	}
}
