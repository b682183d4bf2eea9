package nl.luister.channel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of trouble a source is in, told from the reason its connector gave, so the sources page can lead
 * with a plain headline (in the person's language) before the connector's own words: expired token, wrong
 * password, rate limited until …, host unreachable, TLS. {@link #OTHER} when the reason fits none.
 */
public enum SourceProblem {

	EXPIRED_TOKEN, WRONG_PASSWORD, RATE_LIMITED, HOST_UNREACHABLE, TLS, TIMEOUT, NOT_FOUND, BAD_ANSWER, SETTINGS, OTHER;

	private static final Pattern UNTIL = Pattern.compile("rate limited until (\\S+?)(?:[ ;,]|$)");

	/** Addresses in a reason (URLs, host:port), whose digits and words must not be read as a status or a cause. */
	private static final Pattern ADDRESS = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+|\\S+:\\d{1,5}\\b");

	private static final Pattern TOO_MANY = Pattern.compile("\\b429\\b");

	private static final Pattern UNAUTHORIZED = Pattern.compile("\\b401\\b");

	private static final Pattern MISSING = Pattern.compile("\\b404\\b");

	/** The kind of a failure reason; {@code null} for no reason (a healthy source). */
	public static SourceProblem of(String reason) {
		if (reason == null || reason.isBlank()) return null;
		String r = ADDRESS.matcher(reason.toLowerCase(Locale.ROOT)).replaceAll(" ");
		if (r.contains("rate limited") || TOO_MANY.matcher(r).find()) return RATE_LIMITED;
		if (r.contains("access token was refused") || r.contains("expired") || r.contains("invalidtoken") || UNAUTHORIZED.matcher(r).find()) return EXPIRED_TOKEN;
		if (r.contains("refused the login") || r.contains("refused to sign in") || r.contains("app password") || r.contains("authentication")) return WRONG_PASSWORD;
		if (r.contains("secure connection") || r.contains("tls") || r.contains("ssl") || r.contains("certificate")) return TLS;
		if (r.contains("unknown host") || r.contains("not found (unknown") || r.contains("connection refused") || r.contains("no route to host")
				|| r.contains("could not connect") || r.contains("could not reach") || r.contains("was not found")) return HOST_UNREACHABLE;
		if (r.contains("did not answer") || r.contains("in time") || r.contains("timed out")) return TIMEOUT;
		if (MISSING.matcher(r).find() || r.contains("not found") || r.contains("does not exist")) return NOT_FOUND;
		if (r.contains("settings") || r.contains("is required") || r.contains("not a valid address") || r.contains("refusing to")) return SETTINGS;
		if (r.contains("not an rss") || r.contains("not shaped") || r.contains("json") || r.contains("not valid xml")
				|| r.contains("answered") || r.contains("larger than")) return BAD_ANSWER;
		return OTHER;
	}

	/** The time a rate-limited source may try again, as its reason says ("rate limited until 2026-…Z"), or {@code null}. */
	public static Instant rateLimitedUntil(String reason) {
		if (reason == null) return null;
		Matcher m = UNTIL.matcher(reason);
		if (!m.find()) return null;
		try {
			return Instant.parse(m.group(1));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** The message key of the headline, {@code channels.problem.<name>}. */
	public String messageKey() {
		return "channels.problem." + name();
	}
}
