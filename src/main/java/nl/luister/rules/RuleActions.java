package nl.luister.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a rule does to a case it matches, in this order: set the severity, tag, escalate, notify the team leads,
 * assign to an agent, assign to a team, require approval, send an acknowledgement. Immutable; {@code null} and empty mean "not".
 *
 * @param severity        1–5
 * @param tags            added to the case (at most 20, each at most 40 characters)
 * @param escalate        highest severity, the escalation flag and a notification for the team leads
 * @param notifyLead      an in-app notification for the team leads (once per case and rule)
 * @param assignTo        a user id; applied only to a case without an assignee (a rule never takes a case from an agent)
 * @param assignToTeam    a team id; the case waits in that team's queue and is routed among its agents, only when
 *                        nobody has the case (routing's skills matching does not override it)
 * @param requireApproval a flag on the case: replies need approval (the approval queue comes later)
 * @param acknowledgement a reply queued in the outbox, from a webcare account only, once per case and rule
 * @param acknowledgementTemplate the id of a reply template rendered for the case and queued like {@code acknowledgement}
 *                        (instead of it: a rule has at most one of the two)
 */
public record RuleActions(Integer severity, List<String> tags, boolean escalate, boolean notifyLead, Long assignTo, Long assignToTeam,
		boolean requireApproval, String acknowledgement, Long acknowledgementTemplate) {

	/** Actions without a template acknowledgement. */
	public RuleActions(Integer severity, List<String> tags, boolean escalate, boolean notifyLead, Long assignTo, Long assignToTeam,
			boolean requireApproval, String acknowledgement) {
		this(severity, tags, escalate, notifyLead, assignTo, assignToTeam, requireApproval, acknowledgement, null);
	}

	/** Actions without a team assignment. */
	public RuleActions(Integer severity, List<String> tags, boolean escalate, boolean notifyLead, Long assignTo,
			boolean requireApproval, String acknowledgement, Long acknowledgementTemplate) {
		this(severity, tags, escalate, notifyLead, assignTo, null, requireApproval, acknowledgement, acknowledgementTemplate);
	}

	public RuleActions {
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		acknowledgement = acknowledgement == null || acknowledgement.isBlank() ? null : acknowledgement.strip();
		if (severity != null && (severity < 1 || severity > 5)) throw new InvalidRule("severity", "rules.error.severity");
		if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 40)) throw new InvalidRule("tags", "rules.error.tags");
		if (acknowledgement != null && acknowledgement.length() > 2000) throw new InvalidRule("acknowledgement", "rules.error.acknowledgement");
		if (acknowledgement != null && acknowledgementTemplate != null) throw new InvalidRule("acknowledgement", "replying.rules.error.both");
	}

	/** Actions without a team assignment or a template acknowledgement. */
	public RuleActions(Integer severity, List<String> tags, boolean escalate, boolean notifyLead, Long assignTo, boolean requireApproval,
			String acknowledgement) {
		this(severity, tags, escalate, notifyLead, assignTo, null, requireApproval, acknowledgement, null);
	}

	/** From JSON (the API, the rules table): absent switches are off. */
	@JsonCreator
	static RuleActions fromJson(@JsonProperty("severity") Integer severity, @JsonProperty("tags") List<String> tags,
			@JsonProperty("escalate") Boolean escalate, @JsonProperty("notifyLead") Boolean notifyLead, @JsonProperty("assignTo") Long assignTo,
			@JsonProperty("assignToTeam") Long assignToTeam, @JsonProperty("requireApproval") Boolean requireApproval,
			@JsonProperty("acknowledgement") String acknowledgement, @JsonProperty("acknowledgementTemplate") Long acknowledgementTemplate) {
		return new RuleActions(severity, tags, Boolean.TRUE.equals(escalate), Boolean.TRUE.equals(notifyLead), assignTo, assignToTeam,
				Boolean.TRUE.equals(requireApproval), acknowledgement, acknowledgementTemplate);
	}

	/** Whether the rule would do anything at all. */
	public boolean any() {
		return severity != null || !tags.isEmpty() || escalate || notifyLead || assignTo != null || assignToTeam != null || requireApproval
				|| acknowledgement != null || acknowledgementTemplate != null;
	}
}
