package nl.luister.channel.bluesky;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

/**
 * Calls XRPC methods as one Bluesky account. The session ({@code accessJwt} and the account's DID) comes from
 * {@code com.atproto.server.createSession} with the app password and is kept in memory per service and handle,
 * because Bluesky limits session creation tightly; when the service answers 401, or 400 with
 * {@code ExpiredToken}/{@code InvalidToken}, the session is created anew once and the call repeated. A 429 is
 * reported as "rate limited until …" from the {@code RateLimit-Reset} header.
 *
 * <p>Thread-safe; one instance serves every Bluesky source and sender. Errors: {@link SourceUnavailable} with a
 * plain reason; callers decide what other non-2xx answers mean.
 */
final class BlueskyApi {

	/** A signed-in account: the bearer token and the account's DID (the repo replies are written to). */
	record Session(String accessJwt, String did) {
	}

	private final SafeHttp http;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	BlueskyApi(SafeHttp http, JsonMapper json, Clock clock) {
		this.http = http;
		this.json = json;
		this.clock = clock;
	}

	Session session(BlueskySettings settings) {
		return this.sessions.computeIfAbsent(key(settings), k -> createSession(settings));
	}

	SafeHttp.Answer query(BlueskySettings settings, String nsid, Map<String, String> params) {
		StringBuilder url = new StringBuilder("/xrpc/").append(nsid);
		char separator = '?';
		for (var entry : params.entrySet()) {
			url.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
			separator = '&';
		}
		return call(settings, "GET", url.toString(), null);
	}

	SafeHttp.Answer procedure(BlueskySettings settings, String nsid, Object body) {
		return call(settings, "POST", "/xrpc/" + nsid, this.json.writeValueAsBytes(body));
	}

	private SafeHttp.Answer call(BlueskySettings settings, String method, String path, byte[] body) {
		Session session = session(settings);
		SafeHttp.Answer answer = send(settings, method, path, body, session);
		if (sessionExpired(answer)) {
			this.sessions.remove(key(settings), session);
			answer = send(settings, method, path, body, session(settings));
		}
		if (answer.status() == 429) throw rateLimited(settings, answer);
		return answer;
	}

	private SafeHttp.Answer send(BlueskySettings settings, String method, String path, byte[] body, Session session) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer " + session.accessJwt());
		if (body != null) headers.put("Content-Type", "application/json");
		return this.http.send(method, settings.service() + path, headers, body);
	}

	private boolean sessionExpired(SafeHttp.Answer answer) {
		if (answer.status() == 401) return true;
		if (answer.status() != 400) return false;
		String error = error(answer);
		return "ExpiredToken".equals(error) || "InvalidToken".equals(error);
	}

	private Session createSession(BlueskySettings settings) {
		Map<String, String> body = Map.of("identifier", settings.handle(), "password", settings.appPassword());
		SafeHttp.Answer answer = this.http.send("POST", settings.service() + "/xrpc/com.atproto.server.createSession",
				Map.of("Content-Type", "application/json"), this.json.writeValueAsBytes(body));
		if (answer.status() == 429) throw rateLimited(settings, answer);
		if (answer.status() == 401 || answer.status() == 400) {
			throw new SourceUnavailable("Bluesky refused to sign in as " + settings.handle()
					+ ": wrong handle or app password, or the app password was revoked" + detail(answer));
		}
		if (!answer.ok()) throw new SourceUnavailable(failure(answer, "signing in to " + settings.service()));
		JsonNode session = parse(answer, settings.service());
		String jwt = text(session.path("accessJwt"));
		String did = text(session.path("did"));
		if (jwt == null || did == null) throw new SourceUnavailable(settings.service() + " signed in but sent no accessJwt or did");
		return new Session(jwt, did);
	}

	private SourceUnavailable rateLimited(BlueskySettings settings, SafeHttp.Answer answer) {
		Instant until = this.clock.instant().plusSeconds(300);
		String reset = answer.header("RateLimit-Reset");
		if (reset != null) {
			try {
				Instant announced = Instant.ofEpochSecond(Long.parseLong(reset.strip()));
				if (announced.isAfter(this.clock.instant())) until = announced;
			}
			catch (NumberFormatException e) {
				// keep the default of five minutes
			}
		}
		return new SourceUnavailable("rate limited until " + until + " by " + settings.service() + detail(answer));
	}

	JsonNode parse(SafeHttp.Answer answer, String what) {
		try {
			return this.json.readTree(answer.body());
		}
		catch (JacksonException e) {
			throw new SourceUnavailable(what + " did not answer with JSON: " + e.getOriginalMessage());
		}
	}

	/** The XRPC {@code error} name of an answer, or {@code null}. */
	String error(SafeHttp.Answer answer) {
		try {
			return text(this.json.readTree(answer.body()).path("error"));
		}
		catch (JacksonException e) {
			return null;
		}
	}

	String failure(SafeHttp.Answer answer, String what) {
		return what + ": the service answered " + answer.describeStatus() + detail(answer);
	}

	private String detail(SafeHttp.Answer answer) {
		try {
			JsonNode node = this.json.readTree(answer.body());
			String error = text(node.path("error"));
			String message = text(node.path("message"));
			if (error == null && message == null) return "";
			return " (" + (error == null ? "" : error) + (error != null && message != null ? ": " : "") + (message == null ? "" : message) + ")";
		}
		catch (JacksonException e) {
			return "";
		}
	}

	static String text(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) return null;
		String text = node.asString();
		return text == null || text.isBlank() ? null : text;
	}

	private static String key(BlueskySettings settings) {
		return settings.service() + "\n" + settings.handle() + "\n" + settings.appPassword().hashCode();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
