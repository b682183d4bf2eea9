package nl.luister.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of triage for one case while it is being worked out: scoring fills it, then each {@link TriageStep}
 * (the rules) may change it, then it is stored on the case. Not thread-safe: one batch, one thread.
 */
public final class Triaged {

	private final long caseId;
	private int severity;
	private final List<Reason> reasons = new ArrayList<>();
	private boolean escalated;
	private Long escalatedFrom;
	private boolean newlyEscalated;
	private final Set<String> tags = new LinkedHashSet<>();
	private boolean approvalRequired;
	private Recommendation recommendation;

	Triaged(long caseId, int severity, List<Reason> reasons, boolean escalated, List<String> tags) {
		this.caseId = caseId;
		this.severity = severity;
		this.reasons.addAll(reasons);
		this.escalated = escalated;
		this.tags.addAll(tags);
	}

	public long caseId() {
		return caseId;
	}

	public int severity() {
		return severity;
	}

	public List<Reason> reasons() {
		return List.copyOf(reasons);
	}

	/** Sets the severity outright, recording why (e.g. {@code rule} with the rule's name). */
	public void setSeverity(int severity, Reason why) {
		if (severity < 1 || severity > 5) throw new IllegalArgumentException("severity must be 1 to 5, not " + severity);
		this.severity = severity;
		reasons.add(why);
	}

	public boolean escalated() {
		return escalated;
	}

	/** Whether this run escalated the case (it was not escalated before): leads get notified once. */
	public boolean newlyEscalated() {
		return newlyEscalated;
	}

	public Long escalatedFrom() {
		return escalatedFrom;
	}

	/** Escalates: highest severity and the escalation flag; {@code from} is the earlier case that caused it, or {@code null}. */
	public void escalate(Reason why, Long from) {
		if (!escalated) newlyEscalated = true;
		escalated = true;
		if (from != null) escalatedFrom = from;
		setSeverity(5, why);
	}

	public Set<String> tags() {
		return Set.copyOf(tags);
	}

	/** Adds a tag; returns whether it was new. */
	public boolean tag(String tag) {
		return tags.add(tag);
	}

	List<String> tagList() {
		return List.copyOf(tags);
	}

	public boolean approvalRequired() {
		return approvalRequired;
	}

	public void requireApproval() {
		approvalRequired = true;
	}

	public Recommendation recommendation() {
		return recommendation;
	}

	void recommend(Recommendation recommendation) {
		this.recommendation = recommendation;
	}
}
