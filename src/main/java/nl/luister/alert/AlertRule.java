package nl.luister.alert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * How one topic is watched: which windows, the thresholds, who hears about an alert (e-mail addresses, a webhook)
 * and the quiet hours in a time zone during which only alerts of severity 8 or more are delivered at once (the rest
 * wait until the quiet hours end; in-app they show immediately). A topic without a stored rule is watched with
 * {@link #defaults(long)}: both windows, in-app only.
 *
 * @param quietFrom start of the quiet hours, or {@code null} for none; may be later than {@code quietTo} (overnight)
 */
public record AlertRule(long topicId, boolean enabled, boolean hourWindow, boolean dayWindow, int minVolume, int persistence,
		int minSeverity, List<String> emails, String webhookUrl, String webhookSecret, LocalTime quietFrom, LocalTime quietTo,
		ZoneId quietZone) {

	/** Alerts from this severity on ignore quiet hours. */
	public static final int URGENT = 8;


	public AlertRule {
		emails = List.copyOf(emails);
	}

	/** Both windows, ten mentions, two buckets, every severity, in-app only, no quiet hours. */
	public static AlertRule defaults(long topicId) {
		return new AlertRule(topicId, true, true, true, 10, 2, 1, List.of(), null, null, null, null, ZoneId.of("Europe/Amsterdam"));
	}

	/**
	 * The problems of this rule in plain words, empty when it can be saved: addresses that are not e-mail addresses,
	 * a webhook that is not http(s), thresholds out of range, half-set quiet hours.
	 */
	public List<String> problems() {
		var out = new java.util.ArrayList<String>();
		for (String e : emails)
			if (!nl.luister.notice.NoticeMail.isAddress(e)) out.add("'" + e + "' is not an e-mail address");
		if (emails.size() > 50) out.add("at most 50 e-mail addresses");
		if (webhookUrl != null && !webhookUrl.matches("(?i)https?://[^\\s]+")) out.add("the webhook must be an http:// or https:// address");
		if (minVolume < 1 || minVolume > 1_000_000) out.add("minimum volume must be between 1 and 1,000,000");
		if (persistence < 1 || persistence > 12) out.add("persistence must be between 1 and 12 buckets of 5 minutes");
		if (minSeverity < 1 || minSeverity > 10) out.add("minimum severity must be between 1 and 10");
		if ((quietFrom == null) != (quietTo == null)) out.add("quiet hours need both a start and an end");
		if (!hourWindow && !dayWindow && enabled) out.add("choose at least one window, or switch the rule off");
		return out;
	}

	/** When a delivery of an alert of {@code severity} raised at {@code now} may go out: now, or the end of the quiet hours. */
	public Instant deliverAt(Instant now, int severity) {
		return quietUntil(now).filter(x -> severity < URGENT).orElse(now);
	}

	/** The end of the quiet hours when {@code now} falls within them. Daylight-saving changes follow the zone's rules. */
	public Optional<Instant> quietUntil(Instant now) {
		if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) return Optional.empty();
		ZonedDateTime local = now.atZone(quietZone);
		LocalTime t = local.toLocalTime();
		boolean overnight = quietFrom.isAfter(quietTo);
		boolean quiet = overnight ? !t.isBefore(quietFrom) || t.isBefore(quietTo) : !t.isBefore(quietFrom) && t.isBefore(quietTo);
		if (!quiet) return Optional.empty();
		ZonedDateTime end = local.with(quietTo);
		if (!end.isAfter(local)) end = local.plusDays(1).with(quietTo);
		return Optional.of(end.toInstant());
	}

	/** Parses a zone id (blank: Europe/Amsterdam). @throws IllegalArgumentException naming the value when it is not a zone */
	public static ZoneId zone(String id) {
		try {
			return ZoneId.of(id == null || id.isBlank() ? "Europe/Amsterdam" : id.strip());
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("'" + id + "' is not a time zone (e.g. Europe/Amsterdam)");
		}
	}
}
