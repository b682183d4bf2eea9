package nl.luister.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertRuleTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	private static AlertRule quiet(String from, String to) {
		return new AlertRule(1, true, true, true, 10, 2, 1, List.of(), null, null, LocalTime.parse(from), LocalTime.parse(to), AMSTERDAM);
	}

	@Test
	void overnightQuietHoursHoldLowSeverityUntilMorningButNotUrgentAlerts() {
		AlertRule rule = quiet("22:00", "07:00");
		Instant night = Instant.parse("2026-11-26T23:30:00Z"); // 00:30 in Amsterdam
		assertThat(rule.deliverAt(night, 7)).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
		assertThat(rule.deliverAt(night, 8)).isEqualTo(night);
		Instant evening = Instant.parse("2026-11-26T21:30:00Z"); // 22:30
		assertThat(rule.deliverAt(evening, 3)).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
		Instant day = Instant.parse("2026-11-26T12:00:00Z");
		assertThat(rule.deliverAt(day, 3)).isEqualTo(day);
	}

	@Test
	void quietHoursFollowDaylightSavingChanges() {
		AlertRule rule = quiet("00:00", "07:00");
		// the night clocks go forward (29 March 2026, 02:00 → 03:00): 07:00 local is 05:00 UTC, not 06:00
		assertThat(rule.quietUntil(Instant.parse("2026-03-29T00:30:00Z"))).contains(Instant.parse("2026-03-29T05:00:00Z"));
		// the night clocks go back (25 October 2026): 07:00 local is 06:00 UTC
		assertThat(rule.quietUntil(Instant.parse("2026-10-25T01:30:00Z"))).contains(Instant.parse("2026-10-25T06:00:00Z"));
	}

	@Test
	void dayTimeQuietHoursAndNone() {
		AlertRule lunch = quiet("12:00", "13:00");
		assertThat(lunch.quietUntil(Instant.parse("2026-06-01T10:30:00Z"))).contains(Instant.parse("2026-06-01T11:00:00Z"));
		assertThat(lunch.quietUntil(Instant.parse("2026-06-01T11:00:00Z"))).isEmpty();
		assertThat(AlertRule.defaults(1).deliverAt(Instant.EPOCH, 1)).isEqualTo(Instant.EPOCH);
		assertThat(quiet("09:00", "09:00").quietUntil(Instant.parse("2026-06-01T07:00:00Z"))).isEmpty();
	}

	@Test
	void problemsNameWhatIsWrong() {
		AlertRule bad = new AlertRule(1, true, false, false, 0, 20, 11, List.of("team@example.org", "not an address", "x@y.z\r\nBcc: evil@x.org"),
				"javascript:alert(1)", null, LocalTime.NOON, null, AMSTERDAM);
		assertThat(bad.problems()).containsExactlyInAnyOrder("'not an address' is not an e-mail address",
				"'x@y.z\r\nBcc: evil@x.org' is not an e-mail address", "the webhook must be an http:// or https:// address",
				"minimum volume must be between 1 and 1,000,000", "persistence must be between 1 and 12 buckets of 5 minutes",
				"minimum severity must be between 1 and 10", "quiet hours need both a start and an end",
				"choose at least one window, or switch the rule off");
		assertThat(AlertRule.defaults(1).problems()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.zone("Mars/Olympus")).withMessageContaining("Mars/Olympus");
	}

	@Test
	void deliveriesBackOffFromThirtySecondsToAnHour() {
		assertThat(AlertDeliveries.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(AlertDeliveries.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(AlertDeliveries.backoff(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(AlertDeliveries.backoff(8)).isEqualTo(Duration.ofHours(1));
		assertThat(AlertDeliveries.backoff(40)).isEqualTo(Duration.ofHours(1));
	}
}
