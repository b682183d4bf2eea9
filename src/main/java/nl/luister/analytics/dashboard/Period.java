package nl.luister.analytics.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dashboard period: from (inclusive) to (exclusive), cut into buckets of the workspace's time zone. Bucket starts
 * follow the zone's calendar, so a day bucket over a daylight-saving change holds 23 or 25 hours and an hour bucket
 * is always 60 minutes.
 */
public record Period(Instant from, Instant to, Bucket bucket, ZoneId zone) {

	/** The size of one bucket. */
	public enum Bucket {
		HOUR, DAY, WEEK, MONTH;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The bucket named {@code key}, or {@code null} for blank or "auto". @throws IllegalArgumentException when unknown */
		public static Bucket parse(String key) {
			if (key == null || key.isBlank() || key.equals("auto")) return null;
			try {
				return valueOf(key.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("'" + key + "' is not a bucket: choose hour, day, week or month");
			}
		}
	}

	/** At most this many buckets in one chart. */
	public static final int MAX_BUCKETS = 2000;

	public Period {
		if (!from.isBefore(to)) throw new IllegalArgumentException("the period must end after it starts");
		if (Duration.between(from, to).toDays() > 3 * 366) throw new IllegalArgumentException("a period can be at most three years");
	}

	/** The last {@code days} days up to the end of the current bucket, with the bucket chosen (or {@code null}: by length). */
	public static Period lastDays(int days, Bucket bucket, ZoneId zone, Instant now) {
		if (days < 1) throw new IllegalArgumentException("the period needs at least one day");
		Bucket b = bucket == null ? auto(days) : bucket;
		Instant end = next(start(now, b, zone), b, zone);
		Instant begin = start(now.minus(Duration.ofDays(days)), b, zone);
		return checked(new Period(begin, end, b, zone));
	}

	/** The days {@code first} to {@code last} inclusive. */
	public static Period days(LocalDate first, LocalDate last, Bucket bucket, ZoneId zone) {
		if (last.isBefore(first)) throw new IllegalArgumentException("the period ends before it starts");
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		Bucket b = bucket == null ? auto(days) : bucket;
		Instant begin = start(first.atStartOfDay(zone).toInstant(), b, zone);
		Instant end = start(last.plusDays(1).atStartOfDay(zone).toInstant(), b, zone);
		if (end.isBefore(last.plusDays(1).atStartOfDay(zone).toInstant())) end = next(end, b, zone);
		return checked(new Period(begin, end, b, zone));
	}

	private static Period checked(Period p) {
		if (p.starts().size() > MAX_BUCKETS)
			throw new IllegalArgumentException("that is more than " + MAX_BUCKETS + " " + p.bucket().key() + "s: choose a bigger bucket");
		return p;
	}

	static Bucket auto(int days) {
		return days <= 2 ? Bucket.HOUR : days <= 92 ? Bucket.DAY : days <= 400 ? Bucket.WEEK : Bucket.MONTH;
	}

	/** The start of every bucket, in order. */
	public List<Instant> starts() {
		List<Instant> out = new ArrayList<>();
		for (Instant t = from; t.isBefore(to) && out.size() <= MAX_BUCKETS; t = next(t, bucket, zone)) out.add(t);
		return out;
	}

	/** The first local day of the period and the day after its last (for the day rollups). */
	public LocalDate firstDay() {
		return LocalDate.ofInstant(from, zone);
	}

	public LocalDate endDay() {
		LocalDate d = LocalDate.ofInstant(to, zone);
		return to.equals(d.atStartOfDay(zone).toInstant()) ? d : d.plusDays(1);
	}

	/** The start of the bucket holding {@code t}. */
	public static Instant start(Instant t, Bucket bucket, ZoneId zone) {
		ZonedDateTime z = t.atZone(zone);
		return switch (bucket) {
			case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
			case DAY -> z.toLocalDate().atStartOfDay(zone).toInstant();
			case WEEK -> z.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
			case MONTH -> z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
		};
	}

	static Instant next(Instant start, Bucket bucket, ZoneId zone) {
		LocalDate d = LocalDate.ofInstant(start, zone);
		return switch (bucket) {
			case HOUR -> start.plus(Duration.ofHours(1));
			case DAY -> d.plusDays(1).atStartOfDay(zone).toInstant();
			case WEEK -> d.plusWeeks(1).atStartOfDay(zone).toInstant();
			case MONTH -> d.plusMonths(1).atStartOfDay(zone).toInstant();
		};
	}
}
