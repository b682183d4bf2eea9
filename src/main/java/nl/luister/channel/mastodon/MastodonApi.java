package nl.luister.channel.mastodon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

/**
 * Calls a Mastodon instance's REST API for one account, honouring its rate limits: after every answer the
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} headers are read, and when fewer than
 * {@value #LOW_REMAINING} requests are left (or the instance answered 429) the account is held back until the
 * reset time, so Luister stops before the instance starts refusing. The hold is kept in memory per instance and
 * token and is shared by reading and replying.
 *
 * <p>Thread-safe; one instance serves every Mastodon source. Errors: {@link SourceUnavailable} with a plain
 * reason (refused address, unreachable, rate limited until …); callers decide what a non-2xx answer means.
 */
final class MastodonApi {

	static final int LOW_REMAINING = 5;

	private static final Duration DEFAULT_HOLD = Duration.ofMinutes(5);

	private final SafeHttp http;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

	private final Map<String, String> ownAccounts = new ConcurrentHashMap<>();

	MastodonApi(SafeHttp http, JsonMapper json, Clock clock) {
		this.http = http;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The brand's own account: the configured one, else the {@code acct} of the token's account
	 * ({@code verify_credentials}), asked once per instance and token; {@code null} when it cannot be told.
	 */
	String ownAccount(MastodonSettings settings) {
		if (settings.account() != null) return settings.account();
		return this.ownAccounts.computeIfAbsent(settings.instance() + "\n" + settings.accessToken(), key -> {
			SafeHttp.Answer answer = get(settings, "/api/v1/accounts/verify_credentials");
			return answer.ok() ? text(parse(answer, settings.instance()).path("acct")) : null;
		});
	}

	SafeHttp.Answer get(MastodonSettings settings, String pathAndQuery) {
		return call(settings, "GET", pathAndQuery, Map.of(), null);
	}

	SafeHttp.Answer postJson(MastodonSettings settings, String path, Object body, String idempotencyKey) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Idempotency-Key", idempotencyKey);
		return call(settings, "POST", path, headers, this.json.writeValueAsBytes(body));
	}

	private SafeHttp.Answer call(MastodonSettings settings, String method, String pathAndQuery, Map<String, String> extra,
			byte[] body) {
		String key = settings.instance() + "\n" + settings.accessToken();
		Instant until = this.heldUntil.get(key);
		if (until != null && until.isAfter(this.clock.instant())) throw rateLimited(settings, until, null);
		Map<String, String> headers = new LinkedHashMap<>(extra);
		headers.put("Authorization", "Bearer " + settings.accessToken());
		SafeHttp.Answer answer = this.http.send(method, settings.instance() + pathAndQuery, headers, body);
		Integer remaining = integer(answer.header("X-RateLimit-Remaining"));
		if (answer.status() == 429 || (remaining != null && remaining < LOW_REMAINING)) {
			Instant reset = reset(answer.header("X-RateLimit-Reset"));
			this.heldUntil.put(key, reset);
			throw rateLimited(settings, reset, remaining);
		}
		return answer;
	}

	private Instant reset(String header) {
		Instant now = this.clock.instant();
		if (header != null) {
			try {
				Instant reset = Instant.parse(header.strip());
				if (reset.isAfter(now)) return reset;
			}
			catch (DateTimeParseException e) {
				// an instance that sends no usable time gets the default hold below
			}
		}
		return now.plus(DEFAULT_HOLD);
	}

	private static SourceUnavailable rateLimited(MastodonSettings settings, Instant until, Integer remaining) {
		return new SourceUnavailable("rate limited until " + until + " by " + settings.instance()
				+ (remaining == null ? "" : " (" + remaining + " requests left)") + "; Luister waits instead of being refused");
	}

	JsonNode parse(SafeHttp.Answer answer, String what) {
		try {
			return this.json.readTree(answer.body());
		}
		catch (JacksonException e) {
			throw new SourceUnavailable(what + " did not answer with JSON: " + e.getOriginalMessage());
		}
	}

	/** The reason of a non-2xx answer in plain words, with the instance's own error text when it sent one. */
	String failure(SafeHttp.Answer answer, String what) {
		String error = errorText(answer);
		String reason = switch (answer.status()) {
			case 401 -> "the access token was refused (expired or revoked)";
			case 403 -> "the access token may not do this (missing scope?)";
			case 404 -> "not found";
			default -> "the instance answered " + answer.describeStatus();
		};
		return what + ": " + reason + (error == null ? "" : " (" + error + ")");
	}

	String errorText(SafeHttp.Answer answer) {
		try {
			JsonNode node = this.json.readTree(answer.body());
			String error = text(node.path("error"));
			String description = text(node.path("error_description"));
			if (error != null && description != null) return error + ": " + description;
			return error != null ? error : description;
		}
		catch (JacksonException | IllegalArgumentException e) {
			String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
			return raw.isEmpty() ? null : raw.substring(0, Math.min(raw.length(), 200));
		}
	}

	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) return null;
		if (node.isContainer()) return null;
		String text = node.asString();
		return text == null || text.isBlank() ? null : text;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Integer integer(String value) {
		if (value == null) return null;
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
