package nl.luister.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeriodTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Test
	void dayBucketsFollowTheLocalCalendarOverDaylightSavingChanges() {
		Period autumn = Period.days(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 26), Period.Bucket.DAY, AMSTERDAM);
		List<Instant> starts = autumn.starts();
		assertThat(starts).containsExactly(Instant.parse("2026-10-23T22:00:00Z"), Instant.parse("2026-10-24T22:00:00Z"),
				Instant.parse("2026-10-25T23:00:00Z"));
		assertThat(Duration.between(starts.get(1), starts.get(2))).as("the day the clocks go back").isEqualTo(Duration.ofHours(25));
		assertThat(autumn.to()).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
		Period spring = Period.days(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), Period.Bucket.HOUR, AMSTERDAM);
		assertThat(spring.starts()).as("23 hours on the day the clocks go forward").hasSize(23);
	}

	@Test
	void weeksStartOnMondayAndMonthsOnTheFirst() {
		Period weeks = Period.days(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 3), Period.Bucket.WEEK, AMSTERDAM);
		assertThat(weeks.starts()).containsExactly(Instant.parse("2026-11-22T23:00:00Z"), Instant.parse("2026-11-29T23:00:00Z"));
		assertThat(weeks.firstDay()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(weeks.endDay()).isEqualTo(LocalDate.of(2026, 12, 7));
		Period months = Period.days(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 1), Period.Bucket.MONTH, AMSTERDAM);
		assertThat(months.starts()).hasSize(3).first().isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
	}

	@Test
	void theBucketFollowsTheLengthUnlessChosen() {
		Instant now = Instant.parse("2026-11-26T10:17:00Z");
		assertThat(Period.lastDays(1, null, AMSTERDAM, now).bucket()).isEqualTo(Period.Bucket.HOUR);
		assertThat(Period.lastDays(30, null, AMSTERDAM, now).bucket()).isEqualTo(Period.Bucket.DAY);
		assertThat(Period.lastDays(365, null, AMSTERDAM, now).bucket()).isEqualTo(Period.Bucket.WEEK);
		Period day = Period.lastDays(1, null, AMSTERDAM, now);
		assertThat(day.to()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
		assertThat(day.starts()).hasSize(25);
	}

	@Test
	void tooManyBucketsOrABackwardPeriodAreRefusedWithAHint() {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.lastDays(365, Period.Bucket.HOUR, AMSTERDAM, Instant.now()))
			.withMessageContaining("choose a bigger bucket");
		assertThatIllegalArgumentException().isThrownBy(() -> Period.days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null, AMSTERDAM))
			.withMessageContaining("ends before it starts");
		assertThatIllegalArgumentException().isThrownBy(() -> Period.Bucket.parse("fortnight")).withMessageContaining("hour, day, week or month");
		assertThat(Period.Bucket.parse("auto")).isNull();
	}
}
