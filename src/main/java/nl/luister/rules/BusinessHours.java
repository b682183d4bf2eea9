package nl.luister.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A weekly window in a time zone: on {@code days} from {@code from} (inclusive) to {@code to} (exclusive); a
 * window whose {@code to} is before its {@code from} runs past midnight (and belongs to the day it starts on).
 * {@code inside} says whether the condition holds inside the window (true) or outside it (false). Immutable.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, String zone, boolean inside) {

	public BusinessHours {
		days = days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
		if (from == null || to == null) throw new InvalidRule("hours", "rules.error.hours");
		if (from.equals(to)) throw new InvalidRule("hours", "rules.error.hours");
		try {
			ZoneId.of(zone);
		}
		catch (RuntimeException e) {
			throw new InvalidRule("zone", "rules.error.zone");
		}
	}

	/** From JSON: an absent {@code inside} means inside the window. */
	@JsonCreator
	static BusinessHours fromJson(@JsonProperty("days") Set<DayOfWeek> days, @JsonProperty("from") LocalTime from,
			@JsonProperty("to") LocalTime to, @JsonProperty("zone") String zone, @JsonProperty("inside") Boolean inside) {
		return new BusinessHours(days, from, to, zone == null ? "UTC" : zone, inside == null || inside);
	}

	/** Whether the moment falls inside the window (ignoring {@code inside}). */
	public boolean contains(Instant at) {
		ZonedDateTime local = at.atZone(ZoneId.of(zone));
		LocalTime time = local.toLocalTime();
		DayOfWeek day = local.getDayOfWeek();
		if (from.isBefore(to)) return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
		// past midnight: the evening part on a listed day, the early part on the day after a listed day
		if (!time.isBefore(from)) return days.contains(day);
		return time.isBefore(to) && days.contains(day.minus(1));
	}

	/** Whether the condition holds at this moment. */
	public boolean matches(Instant at) {
		return contains(at) == inside;
	}
}
