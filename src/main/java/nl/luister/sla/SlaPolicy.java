package nl.luister.sla;

import nl.luister.channel.Channel;

/**
 * Targets for cases of a channel and severity: first response, next response and resolution in business minutes of
 * the calendar (each {@code null} when there is no target), and whether a breach escalates the case (a breach always
 * notifies the assignee and the team leads). {@code channel} and {@code severity} {@code null} mean "any"; among the
 * policies that match a case the most specific wins (channel and severity, then either, then neither), then the
 * lowest position. Immutable; {@code id} is null before it is stored.
 */
public record SlaPolicy(Long id, String name, Channel channel, Integer severity, int position, long calendarId,
		Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes, boolean escalate) {

	public SlaPolicy {
		if (name == null || name.isBlank()) throw new InvalidSla("name", "sla.error.policyName", "a policy needs a name");
		name = name.strip();
		if (name.length() > 200) throw new InvalidSla("name", "sla.error.policyName", "a policy's name can be at most 200 characters");
		if (severity != null && (severity < 1 || severity > 5))
			throw new InvalidSla("severity", "sla.error.severity", "severity must be 1 to 5 (or any), not " + severity, severity);
		target("firstResponse", firstResponseMinutes);
		target("nextResponse", nextResponseMinutes);
		target("resolution", resolutionMinutes);
		if (firstResponseMinutes == null && nextResponseMinutes == null && resolutionMinutes == null)
			throw new InvalidSla("firstResponse", "sla.error.noTarget", "a policy needs at least one target (first response, next response or resolution)");
	}

	private static void target(String field, Integer minutes) {
		if (minutes != null && minutes <= 0)
			throw new InvalidSla(field, "sla.error.target", field + " target must be a positive number of minutes, not " + minutes, minutes);
		if (minutes != null && minutes > 525_600)
			throw new InvalidSla(field, "sla.error.targetTooLong", field + " target can be at most a year (525600 minutes), not " + minutes, minutes);
	}

	/** Whether the policy applies to a case of this channel and severity ({@code severity} null: not triaged yet). */
	public boolean matches(Channel caseChannel, Integer caseSeverity) {
		return (channel == null || channel == caseChannel) && (severity == null || severity.equals(caseSeverity));
	}

	/** 2 when channel and severity are set, 1 when one is, 0 for a catch-all. */
	public int specificity() {
		return (channel == null ? 0 : 1) + (severity == null ? 0 : 1);
	}

	public SlaPolicy withId(long newId, int newPosition) {
		return new SlaPolicy(newId, name, channel, severity, newPosition, calendarId, firstResponseMinutes, nextResponseMinutes,
				resolutionMinutes, escalate);
	}
}
