package nl.luister.sla;

/**
 * A team and its own business calendar for SLA clocks ({@code calendarId} {@code null}: the cases of the team are
 * timed by their policy's calendar).
 */
public record TeamCalendar(long teamId, String teamName, Long calendarId) {
}
