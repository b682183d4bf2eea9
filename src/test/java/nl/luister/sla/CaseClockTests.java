package nl.luister.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CaseClockTests {

	static final Instant DUE = Instant.parse("2026-11-30T12:00:00Z");
	static final Instant WARN = DUE.minus(Duration.ofMinutes(12));

	private static CaseClock at(Instant now) {
		return new CaseClock(1, SlaKind.FIRST_RESPONSE, DUE, WARN, 60, now);
	}

	@Test
	void isNormalThenOrangeFromEightyPercentThenRedFromTheDueTime() {
		assertThat(at(WARN.minusSeconds(1)).state()).isEqualTo(CaseClock.State.OK);
		assertThat(at(WARN).state()).isEqualTo(CaseClock.State.WARNING);
		assertThat(at(DUE.minusSeconds(1)).state()).isEqualTo(CaseClock.State.WARNING);
		assertThat(at(DUE).state()).isEqualTo(CaseClock.State.BREACHED);
	}

	@Test
	void saysTheTimeLeftOrOverInMinutesHoursOrDays() {
		CaseClock soon = at(DUE.minus(Duration.ofMinutes(25)));
		assertThat(soon.wordsKey()).isEqualTo("sla.left.minutes");
		assertThat(soon.wordsMajor()).isEqualTo(25);
		CaseClock later = at(DUE.minus(Duration.ofHours(3).plusMinutes(5)));
		assertThat(later.wordsKey()).isEqualTo("sla.left.hours");
		assertThat(later.wordsMajor()).isEqualTo(3);
		assertThat(later.wordsMinor()).isEqualTo(5);
		CaseClock over = at(DUE.plus(Duration.ofDays(2).plusHours(4)));
		assertThat(over.wordsKey()).isEqualTo("sla.over.days");
		assertThat(over.wordsMajor()).isEqualTo(2);
		assertThat(over.wordsMinor()).isEqualTo(4);
		assertThat(at(DUE.minusSeconds(20)).wordsMajor()).isEqualTo(1);
	}
}
