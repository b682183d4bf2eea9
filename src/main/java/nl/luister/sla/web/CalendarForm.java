package nl.luister.sla.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import nl.luister.sla.BusinessCalendar;
import nl.luister.sla.Opening;

/** The calendar form: one text per weekday such as {@code 09:00-12:00, 13:00-17:00}. */
public record CalendarForm(String name, String zone, Boolean alwaysOpen, String monday, String tuesday, String wednesday, String thursday,
		String friday, String saturday, String sunday) {

	public static CalendarForm empty() {
		return new CalendarForm("", "Europe/Amsterdam", false, "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "", "");
	}

	public static CalendarForm of(BusinessCalendar c) {
		return new CalendarForm(c.name(), c.zone().getId(), c.alwaysOpen(), c.hoursText(DayOfWeek.MONDAY), c.hoursText(DayOfWeek.TUESDAY),
				c.hoursText(DayOfWeek.WEDNESDAY), c.hoursText(DayOfWeek.THURSDAY), c.hoursText(DayOfWeek.FRIDAY), c.hoursText(DayOfWeek.SATURDAY),
				c.hoursText(DayOfWeek.SUNDAY));
	}

	/** Whether the calendar is open around the clock (an unticked box sends nothing). */
	public boolean open247() {
		return Boolean.TRUE.equals(alwaysOpen);
	}

	public String day(DayOfWeek d) {
		return switch (d) {
			case MONDAY -> monday;
			case TUESDAY -> tuesday;
			case WEDNESDAY -> wednesday;
			case THURSDAY -> thursday;
			case FRIDAY -> friday;
			case SATURDAY -> saturday;
			case SUNDAY -> sunday;
		};
	}

	public List<Opening> hours() {
		List<Opening> hours = new ArrayList<>();
		if (!open247()) for (DayOfWeek d : SlaAdminController.DAYS) hours.addAll(Opening.parseDay(d, day(d)));
		return hours;
	}
}
