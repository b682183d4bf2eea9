package nl.luister.sla.web;

import nl.luister.sla.InvalidSla;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaPolicy;

/** The policy form: targets in minutes, channel and severity blank for any. */
public record PolicyForm(String name, String channel, String severity, Long calendarId, String firstResponse, String nextResponse, String resolution,
		Boolean escalate) {

	public static PolicyForm empty() {
		return new PolicyForm("", "", "", null, "60", "120", "2880", false);
	}

	public static PolicyForm of(SlaPolicy p) {
		return new PolicyForm(p.name(), p.channel() == null ? "" : p.channel().key(), p.severity() == null ? "" : p.severity().toString(),
				p.calendarId(), text(p.firstResponseMinutes()), text(p.nextResponseMinutes()), text(p.resolutionMinutes()), p.escalate());
	}

	private static String text(Integer minutes) {
		return minutes == null ? "" : minutes.toString();
	}

	public SlaPolicy policy() {
		if (calendarId == null) throw new InvalidSla("calendar", "sla.error.calendarMissing", "a policy needs a calendar");
		return SlaAdmin.policyOf(name, channel, severity, calendarId, minutes("firstResponse", firstResponse), minutes("nextResponse", nextResponse),
				minutes("resolution", resolution), Boolean.TRUE.equals(escalate));
	}

	static Integer minutes(String field, String text) {
		if (text == null || text.isBlank()) return null;
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidSla(field, "sla.error.number", field + " target must be a whole number of minutes, not '" + text.strip() + "'", text.strip());
		}
	}
}
