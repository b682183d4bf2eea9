package nl.luister.sla;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One stretch of opening hours on a weekday: from minute {@code from} to minute {@code to} of the local day
 * ({@code 0 <= from < to <= 1440}; 1440 is midnight at the end of the day). Stretches never cross midnight: a night
 * shift is two stretches on two days. Immutable.
 */
public record Opening(DayOfWeek day, int from, int to) {

	public Opening {
		if (day == null) throw new InvalidSla("hours", "sla.error.day", "opening hours need a weekday");
		if (from < 0 || to > 1440 || from >= to)
			throw new InvalidSla("hours", "sla.error.interval", "opening hours on " + day + " must start before they end, within the day: "
					+ time(from) + "–" + time(to), day.name(), time(from) + "–" + time(to));
	}

	/** From texts such as {@code 09:00} and {@code 17:30}; {@code 24:00} is the end of the day. */
	public static Opening of(DayOfWeek day, String from, String to) {
		return new Opening(day, minute(from), minute(to));
	}

	/**
	 * The stretches of one day from a text such as {@code 09:00-12:00, 13:00-17:00} (an en dash works too); blank
	 * means closed.
	 */
	public static List<Opening> parseDay(DayOfWeek day, String text) {
		List<Opening> out = new ArrayList<>();
		if (text == null || text.isBlank()) return out;
		for (String part : text.split("[,;]")) {
			if (part.isBlank()) continue;
			String[] ends = part.strip().split("\\s*[-–]\\s*");
			if (ends.length != 2)
				throw new InvalidSla("hours", "sla.error.hoursText", "cannot read opening hours '" + part.strip() + "' on " + day
						+ " (write them as 09:00-17:00)", day.name(), part.strip());
			out.add(of(day, ends[0], ends[1]));
		}
		return out;
	}

	/** Minutes since midnight of {@code HH:mm}; {@code 24:00} is 1440. */
	static int minute(String text) {
		String t = text == null ? "" : text.strip();
		if (!t.matches("\\d{1,2}:\\d{2}"))
			throw new InvalidSla("hours", "sla.error.time", "'" + t + "' is not a time of day (write it as 09:00)", t);
		int h = Integer.parseInt(t.substring(0, t.indexOf(':')));
		int m = Integer.parseInt(t.substring(t.indexOf(':') + 1));
		if (m > 59 || h > 24 || (h == 24 && m > 0))
			throw new InvalidSla("hours", "sla.error.time", "'" + t + "' is not a time of day (write it as 09:00)", t);
		return h * 60 + m;
	}

	static String time(int minute) {
		return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
	}

	public String fromText() {
		return time(from);
	}

	public String toText() {
		return time(to);
	}

	/** As written in the form: {@code 09:00-17:00}. */
	public String text() {
		return fromText() + "-" + toText();
	}
}
