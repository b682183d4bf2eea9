package nl.luister.sla;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A day a calendar is closed all day; {@code yearly} repeats it on the same month and day every year (Christmas),
 * otherwise only that date counts (Easter Monday of one year). Immutable; {@code id} is null before it is stored.
 */
public record Holiday(Long id, LocalDate day, String name, boolean yearly) {

	public Holiday {
		if (day == null) throw new InvalidSla("holiday", "sla.error.holidayDay", "a holiday needs a date");
		if (name == null || name.isBlank()) throw new InvalidSla("holiday", "sla.error.holidayName", "a holiday needs a name");
		name = name.strip();
		if (name.length() > 200) throw new InvalidSla("holiday", "sla.error.holidayName", "a holiday's name can be at most 200 characters");
	}

	boolean covers(LocalDate date) {
		return yearly ? MonthDay.from(day).equals(MonthDay.from(date)) : day.equals(date);
	}
}
