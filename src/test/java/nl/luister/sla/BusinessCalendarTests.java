package nl.luister.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

	private static final String AMSTERDAM = "Europe/Amsterdam";
	private static final String NEW_YORK = "America/New_York";

	private static List<Opening> weekdays(String from, String to) {
		List<Opening> hours = new ArrayList<>();
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
			hours.add(Opening.of(d, from, to));
		return hours;
	}

	private static BusinessCalendar office(String zone, Holiday... holidays) {
		return new BusinessCalendar(1L, "Office", zone, false, weekdays("09:00", "17:00"), List.of(holidays));
	}

	private static Instant local(String zone, String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
	}

	@Test
	void dueTimeSkipsTheWeekend() {
		BusinessCalendar c = office(AMSTERDAM);
		// Friday 2026-11-27 16:00 + 2 business hours: one hour on Friday, one on Monday
		assertThat(c.plus(local(AMSTERDAM, "2026-11-27T16:00"), Duration.ofHours(2))).isEqualTo(local(AMSTERDAM, "2026-11-30T10:00"));
		// a start on Saturday counts from Monday's opening
		assertThat(c.plus(local(AMSTERDAM, "2026-11-28T11:00"), Duration.ofMinutes(30))).isEqualTo(local(AMSTERDAM, "2026-11-30T09:30"));
		assertThat(c.between(local(AMSTERDAM, "2026-11-27T16:00"), local(AMSTERDAM, "2026-11-30T10:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(c.between(local(AMSTERDAM, "2026-11-28T08:00"), local(AMSTERDAM, "2026-11-29T20:00"))).isZero();
	}

	@Test
	void dueTimeOnAClosingTimeIsThatClosingTime() {
		BusinessCalendar c = office(AMSTERDAM);
		assertThat(c.plus(local(AMSTERDAM, "2026-11-30T09:00"), Duration.ofHours(8))).isEqualTo(local(AMSTERDAM, "2026-11-30T17:00"));
		assertThat(c.plus(local(AMSTERDAM, "2026-11-30T09:00"), Duration.ofHours(8).plusMinutes(1))).isEqualTo(local(AMSTERDAM, "2026-12-01T09:01"));
	}

	@Test
	void severalStretchesADayLeaveTheLunchBreakOut() {
		List<Opening> hours = new ArrayList<>(Opening.parseDay(DayOfWeek.MONDAY, "09:00-12:00, 13:00-17:00"));
		BusinessCalendar c = new BusinessCalendar(1L, "Lunch", AMSTERDAM, false, hours, List.of());
		assertThat(c.plus(local(AMSTERDAM, "2026-11-30T11:00"), Duration.ofHours(2))).isEqualTo(local(AMSTERDAM, "2026-11-30T14:00"));
		assertThat(c.between(local(AMSTERDAM, "2026-11-30T11:30"), local(AMSTERDAM, "2026-11-30T13:30"))).isEqualTo(Duration.ofHours(1));
		assertThat(c.isOpen(local(AMSTERDAM, "2026-11-30T12:30"))).isFalse();
		assertThat(c.isOpen(local(AMSTERDAM, "2026-11-30T13:00"))).isTrue();
	}

	@Test
	void holidaysAreClosedOnceOrEveryYear() {
		BusinessCalendar c = office(AMSTERDAM, new Holiday(null, LocalDate.of(2020, 12, 25), "Christmas", true),
				new Holiday(null, LocalDate.of(2026, 12, 28), "Company day", false));
		// Thursday 24 Dec 16:00 + 2 h: Friday 25th is Christmas (yearly, stored for 2020), Monday 28th a one-off day off
		assertThat(c.plus(local(AMSTERDAM, "2026-12-24T16:00"), Duration.ofHours(2))).isEqualTo(local(AMSTERDAM, "2026-12-29T10:00"));
		assertThat(c.closedOn(LocalDate.of(2027, 12, 25))).isTrue();
		assertThat(c.closedOn(LocalDate.of(2027, 12, 28))).isFalse();
		assertThat(c.between(local(AMSTERDAM, "2026-12-24T09:00"), local(AMSTERDAM, "2026-12-29T09:00"))).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void theSameHoursInAnotherZoneGiveAnotherDueTime() {
		Instant start = Instant.parse("2026-03-02T14:00:00Z"); // Monday: 15:00 in Amsterdam, 09:00 in New York
		assertThat(office(AMSTERDAM).plus(start, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
		assertThat(office(NEW_YORK).plus(start, Duration.ofHours(4))).isEqualTo(Instant.parse("2026-03-02T18:00:00Z"));
		assertThat(office(NEW_YORK).isOpen(start)).isTrue();
		assertThat(office(AMSTERDAM).isOpen(Instant.parse("2026-03-02T17:30:00Z"))).isFalse();
	}

	@Test
	void weekdayHoursKeepTheirLocalTimesOverTheDstChange() {
		BusinessCalendar ny = office(NEW_YORK);
		// New York moves its clocks forward on Sunday 8 March 2026: Friday 16:00 EST + 2 h is Monday 10:00 EDT
		Instant friday = local(NEW_YORK, "2026-03-06T16:00");
		Instant due = ny.plus(friday, Duration.ofHours(2));
		assertThat(due).isEqualTo(local(NEW_YORK, "2026-03-09T10:00")).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
		assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(65)); // 66 wall-clock hours less the skipped one
		assertThat(ny.between(friday, due)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aNightStretchIsAnHourShorterInSpringAndLongerInAutumn() {
		BusinessCalendar night = new BusinessCalendar(1L, "Night", AMSTERDAM, false, List.of(Opening.of(DayOfWeek.SUNDAY, "01:00", "04:00")), List.of());
		// 29 March 2026: the clocks go from 02:00 to 03:00
		assertThat(night.between(local(AMSTERDAM, "2026-03-29T00:00"), local(AMSTERDAM, "2026-03-29T05:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(night.plus(local(AMSTERDAM, "2026-03-29T01:00"), Duration.ofMinutes(90))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		// 2.5 hours do not fit in that night: the rest comes a week later
		assertThat(night.plus(local(AMSTERDAM, "2026-03-29T01:00"), Duration.ofMinutes(150))).isEqualTo(local(AMSTERDAM, "2026-04-05T01:30"));
		// 25 October 2026: the clocks go from 03:00 back to 02:00, the night holds four hours
		assertThat(night.between(local(AMSTERDAM, "2026-10-25T00:00"), local(AMSTERDAM, "2026-10-25T05:00"))).isEqualTo(Duration.ofHours(4));
		assertThat(night.plus(local(AMSTERDAM, "2026-10-25T01:00"), Duration.ofMinutes(210))).isEqualTo(local(AMSTERDAM, "2026-10-25T03:30"))
			.isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
	}

	@Test
	void aStretchThatOpensInTheSkippedHourOpensWhenTheClocksResume() {
		BusinessCalendar c = new BusinessCalendar(1L, "Early", AMSTERDAM, false, List.of(Opening.of(DayOfWeek.SUNDAY, "02:30", "05:00")), List.of());
		assertThat(c.between(local(AMSTERDAM, "2026-03-29T00:00"), local(AMSTERDAM, "2026-03-29T06:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(c.plus(local(AMSTERDAM, "2026-03-29T00:00"), Duration.ZERO)).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
	}

	@Test
	void aDayOpenAroundTheClockFollowsTheRealLengthOfTheDay() {
		List<Opening> allDay = new ArrayList<>();
		for (DayOfWeek d : DayOfWeek.values()) allDay.add(Opening.of(d, "00:00", "24:00"));
		BusinessCalendar c = new BusinessCalendar(1L, "All days", AMSTERDAM, false, allDay, List.of());
		assertThat(c.between(local(AMSTERDAM, "2026-03-29T00:00"), local(AMSTERDAM, "2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
		assertThat(c.between(local(AMSTERDAM, "2026-10-25T00:00"), local(AMSTERDAM, "2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
		assertThat(c.plus(local(AMSTERDAM, "2026-10-25T00:00"), Duration.ofHours(24))).isEqualTo(local(AMSTERDAM, "2026-10-25T23:00"));
	}

	@Test
	void aCalendarOpenAroundTheClockCountsRealTimeAndStillClosesOnHolidays() {
		BusinessCalendar always = BusinessCalendar.alwaysOpen("24/7", AMSTERDAM);
		Instant start = local(AMSTERDAM, "2026-03-28T22:00");
		assertThat(always.plus(start, Duration.ofHours(6))).isEqualTo(start.plus(Duration.ofHours(6)));
		assertThat(always.between(start, start.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
		assertThat(always.isOpen(local(AMSTERDAM, "2026-03-29T03:00"))).isTrue();
		BusinessCalendar withNewYear = new BusinessCalendar(2L, "24/7 but New Year", AMSTERDAM, true, List.of(),
				List.of(new Holiday(null, LocalDate.of(2026, 1, 1), "New Year", true)));
		assertThat(withNewYear.plus(local(AMSTERDAM, "2026-12-31T23:00"), Duration.ofHours(2))).isEqualTo(local(AMSTERDAM, "2027-01-02T01:00"));
	}

	@Test
	void plusAndBetweenAgreeEverywhere() {
		Random random = new Random(7);
		List<BusinessCalendar> calendars = List.of(office(AMSTERDAM, new Holiday(null, LocalDate.of(2026, 4, 27), "King's Day", true)), office(NEW_YORK),
				new BusinessCalendar(3L, "Split", "Asia/Kolkata", false, Opening.parseDay(DayOfWeek.SATURDAY, "08:00-10:30, 22:00-24:00"), List.of()));
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 2000; i++) {
			BusinessCalendar c = calendars.get(i % calendars.size());
			Instant start = base.plusSeconds(random.nextLong(365L * 24 * 3600));
			Duration d = Duration.ofMinutes(1 + random.nextInt(5 * 24 * 60));
			Instant due = c.plus(start, d);
			assertThat(c.between(start, due)).as("%s from %s plus %s", c.name(), start, d).isEqualTo(d);
			assertThat(due).isAfter(start);
		}
	}

	@Test
	void refusesOverlappingHoursUnknownZonesAndEmptyWeeks() {
		List<Opening> overlapping = new ArrayList<>(Opening.parseDay(DayOfWeek.MONDAY, "09:00-12:00, 11:00-17:00"));
		assertThatThrownBy(() -> new BusinessCalendar(null, "x", AMSTERDAM, false, overlapping, List.of())).isInstanceOf(InvalidSla.class)
			.hasMessage("opening hours overlap on MONDAY: 09:00–12:00 and 11:00–17:00");
		assertThatThrownBy(() -> office("Europe/Atlantis")).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("unknown time zone 'Europe/Atlantis'");
		assertThatThrownBy(() -> new BusinessCalendar(null, "x", AMSTERDAM, false, List.of(), List.of())).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("at least one day");
		assertThatThrownBy(() -> Opening.parseDay(DayOfWeek.MONDAY, "17:00-09:00")).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("must start before they end");
		assertThatThrownBy(() -> Opening.parseDay(DayOfWeek.MONDAY, "9 to 5")).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("cannot read opening hours '9 to 5'");
		assertThatThrownBy(() -> Opening.parseDay(DayOfWeek.MONDAY, "09:00-24:30")).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("'24:30' is not a time of day");
	}
}
