package nl.luister.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opening hours in a time zone, with holidays: the arithmetic of business time. {@link #plus} finds the moment a
 * number of business minutes after a start ("due = start + 8 business hours"), {@link #between} counts the business
 * time between two moments. Both walk day by day over the opening stretches, never minute by minute, so a target of a
 * week costs about seven steps. Days are local days of the calendar's zone; every stretch is turned into real instants
 * through the zone's rules, so a DST change is honoured both ways: an opening stretch over the night the clocks go
 * forward is an hour shorter, over the night they go back an hour longer, and a stretch that starts in the skipped
 * hour starts when the clocks resume. Immutable and thread-safe.
 */
public final class BusinessCalendar {

	/** How far ahead {@link #plus} looks for opening hours before it gives up (a calendar closed for ten years). */
	static final int MAX_DAYS = 3660;

	private final Long id;
	private final String name;
	private final ZoneId zone;
	private final boolean alwaysOpen;
	private final List<Opening> hours;
	private final List<Holiday> holidays;
	/** Per weekday (index {@code DayOfWeek.ordinal()}): from, to, from, to ... in minutes, sorted. */
	private final int[][] stretches = new int[7][];
	private final Set<LocalDate> closedDates = new HashSet<>();
	private final Set<MonthDay> closedYearly = new HashSet<>();
	private final boolean continuous;

	/**
	 * A calendar; {@code alwaysOpen} ignores {@code hours} and is open around the clock (holidays still close it).
	 *
	 * @throws InvalidSla when the zone is unknown, stretches of a day overlap, or nothing is ever open
	 */
	public BusinessCalendar(Long id, String name, String zone, boolean alwaysOpen, List<Opening> hours, List<Holiday> holidays) {
		if (name == null || name.isBlank()) throw new InvalidSla("name", "sla.error.calendarName", "a calendar needs a name");
		this.id = id;
		this.name = name.strip();
		this.zone = zone(zone);
		this.alwaysOpen = alwaysOpen;
		this.holidays = holidays == null ? List.of() : List.copyOf(holidays);
		List<Opening> all = new ArrayList<>();
		if (alwaysOpen) {
			for (DayOfWeek d : DayOfWeek.values()) all.add(new Opening(d, 0, 1440));
		}
		else if (hours != null) all.addAll(hours);
		all.sort(Comparator.comparing(Opening::day).thenComparingInt(Opening::from));
		for (int i = 1; i < all.size(); i++) {
			Opening a = all.get(i - 1), b = all.get(i);
			if (a.day() == b.day() && b.from() < a.to())
				throw new InvalidSla("hours", "sla.error.overlap", "opening hours overlap on " + b.day() + ": " + a.fromText() + "–" + a.toText()
						+ " and " + b.fromText() + "–" + b.toText(), b.day().name(), a.fromText() + "–" + a.toText(), b.fromText() + "–" + b.toText());
		}
		if (all.isEmpty()) throw new InvalidSla("hours", "sla.error.noHours", "a calendar needs opening hours on at least one day (or open around the clock)");
		this.hours = List.copyOf(all);
		for (DayOfWeek d : DayOfWeek.values()) {
			stretches[d.ordinal()] = all.stream().filter(o -> o.day() == d).flatMapToInt(o -> java.util.stream.IntStream.of(o.from(), o.to())).toArray();
		}
		for (Holiday h : this.holidays) {
			if (h.yearly()) closedYearly.add(MonthDay.from(h.day()));
			else closedDates.add(h.day());
		}
		this.continuous = alwaysOpen && this.holidays.isEmpty();
	}

	/** A calendar open around the clock without holidays: business time is real time. */
	public static BusinessCalendar alwaysOpen(String name, String zone) {
		return new BusinessCalendar(null, name, zone, true, List.of(), List.of());
	}

	/** The zone with this IANA id, or {@link InvalidSla} naming it. */
	public static ZoneId zone(String zone) {
		if (zone == null || zone.isBlank()) throw new InvalidSla("zone", "sla.error.zone", "a calendar needs a time zone (e.g. Europe/Amsterdam)", "");
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException e) {
			throw new InvalidSla("zone", "sla.error.zone", "unknown time zone '" + zone.strip() + "' (use an IANA name such as Europe/Amsterdam)", zone.strip());
		}
	}

	public Long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public ZoneId zone() {
		return zone;
	}

	public boolean alwaysOpen() {
		return alwaysOpen;
	}

	/** The opening stretches sorted by day and time (every day 00:00–24:00 when always open). */
	public List<Opening> hours() {
		return hours;
	}

	public List<Holiday> holidays() {
		return holidays;
	}

	/** The stretches of one weekday as written in the form ({@code 09:00-12:00, 13:00-17:00}), empty when closed. */
	public String hoursText(DayOfWeek day) {
		return String.join(", ", hours.stream().filter(o -> o.day() == day).map(Opening::text).toList());
	}

	/** Whether the calendar is closed all of this local day (a holiday or a weekday without hours). */
	public boolean closedOn(LocalDate day) {
		return stretches[day.getDayOfWeek().ordinal()].length == 0 || closedDates.contains(day)
				|| (!closedYearly.isEmpty() && closedYearly.contains(MonthDay.from(day)));
	}

	/** Whether the moment falls within opening hours. */
	public boolean isOpen(Instant at) {
		if (continuous) return true;
		LocalDate day = LocalDate.ofInstant(at, zone);
		if (closedOn(day)) return false;
		int[] s = stretches[day.getDayOfWeek().ordinal()];
		for (int k = 0; k < s.length; k += 2) {
			if (!at.isBefore(at(day, s[k])) && at.isBefore(at(day, s[k + 1]))) return true;
		}
		return false;
	}

	/**
	 * The moment {@code businessTime} of opening hours after {@code start}. A start outside opening hours counts from
	 * the next opening; a due time that falls exactly on a closing time is that closing time, not the next morning.
	 * Zero is the start itself when open, else the next opening.
	 *
	 * @throws IllegalArgumentException when {@code businessTime} is negative
	 * @throws IllegalStateException    when the calendar has no opening hours within ten years of {@code start}
	 */
	public Instant plus(Instant start, Duration businessTime) {
		if (businessTime.isNegative()) throw new IllegalArgumentException("business time must not be negative: " + businessTime);
		if (continuous) return start.plus(businessTime);
		long remaining = businessTime.toNanos();
		LocalDate day = LocalDate.ofInstant(start, zone);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			if (closedOn(day)) continue;
			int[] s = stretches[day.getDayOfWeek().ordinal()];
			for (int k = 0; k < s.length; k += 2) {
				Instant end = at(day, s[k + 1]);
				if (!end.isAfter(start)) continue;
				Instant open = at(day, s[k]);
				if (open.isBefore(start)) open = start;
				long available = Duration.between(open, end).toNanos();
				if (remaining <= available && available > 0) return open.plusNanos(remaining);
				remaining -= available;
			}
		}
		throw new IllegalStateException("calendar '" + name + "' has no opening hours within " + MAX_DAYS + " days after " + start);
	}

	/** The business time from {@code from} to {@code to}: zero when {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) return Duration.ZERO;
		if (continuous) return Duration.between(from, to);
		long total = 0;
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
			if (closedOn(day)) continue;
			int[] s = stretches[day.getDayOfWeek().ordinal()];
			for (int k = 0; k < s.length; k += 2) {
				Instant open = at(day, s[k]);
				if (!open.isBefore(to)) break;
				Instant end = at(day, s[k + 1]);
				if (!end.isAfter(from)) continue;
				Instant a = open.isBefore(from) ? from : open;
				Instant b = end.isAfter(to) ? to : end;
				if (b.isAfter(a)) total += Duration.between(a, b).toNanos();
			}
		}
		return Duration.ofNanos(total);
	}

	/** The instant of a minute of a local day; minute 1440 is the start of the next day. */
	private Instant at(LocalDate day, int minute) {
		if (minute >= 1440) return day.plusDays(1).atStartOfDay(zone).toInstant();
		LocalDateTime local = LocalDateTime.of(day, LocalTime.ofSecondOfDay(minute * 60L));
		ZoneOffsetTransition jump = zone.getRules().getTransition(local);
		// a time in the hour the clocks skip happens when they resume, not an hour later
		if (jump != null && jump.isGap()) return jump.getInstant();
		return local.atZone(zone).toInstant();
	}
}
