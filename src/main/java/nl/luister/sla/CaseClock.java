package nl.luister.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock of a case that is due first, as the inbox row and the case view show it: which one, when it is due, when
 * 80% of its target has gone by, and how it stands at {@code now}. Immutable.
 */
public record CaseClock(long caseId, SlaKind kind, Instant due, Instant warn, int targetMinutes, Instant now) {

	/** How a clock stands. */
	public enum State {
		/** Less than 80% of the target has gone by. */
		OK,
		/** 80% of the target or more has gone by: orange. */
		WARNING,
		/** Past its due time: red. */
		BREACHED;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public State state() {
		if (!now.isBefore(due)) return State.BREACHED;
		return warn != null && !now.isBefore(warn) ? State.WARNING : State.OK;
	}

	/** Real time left until the due time; negative when over. */
	public Duration left() {
		return Duration.between(now, due);
	}

	/** The message key of the time left or over in words ({@code sla.left.minutes}, {@code sla.over.hours}, ...). */
	public String wordsKey() {
		Duration d = left().abs();
		String prefix = left().isNegative() || left().isZero() ? "sla.over." : "sla.left.";
		if (d.toMinutes() < 60) return prefix + "minutes";
		if (d.toHours() < 48) return prefix + "hours";
		return prefix + "days";
	}

	/** The first figure of {@link #wordsKey()}: minutes, hours or days. */
	public long wordsMajor() {
		Duration d = left().abs();
		if (d.toMinutes() < 60) return Math.max(d.toMinutes(), 0) + (d.toSecondsPart() > 0 && d.toMinutes() == 0 ? 1 : 0);
		if (d.toHours() < 48) return d.toHours();
		return d.toDays();
	}

	/** The second figure of {@link #wordsKey()}: minutes after the hours, hours after the days (0 for minutes). */
	public long wordsMinor() {
		Duration d = left().abs();
		if (d.toMinutes() < 60) return 0;
		if (d.toHours() < 48) return d.toMinutesPart();
		return d.toHoursPart();
	}
}
