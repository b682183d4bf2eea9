package nl.luister.channel.mastodon;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;

import nl.luister.channel.FeedServer;

/**
 * A loopback Mastodon instance answering JSON shaped as the API documentation shows (plus unexpected fields):
 * notifications, a hashtag timeline, search, statuses and posting, honouring {@code min_id} and {@code since_id},
 * with staged rate-limit headers. Remembers the requests it received.
 */
final class MastodonServer implements AutoCloseable {

	record Item(String id, String json) {
	}

	record Received(String method, String path, String query, Map<String, String> headers, String body) {
	}

	final FeedServer server = FeedServer.start();

	final List<Item> notifications = new CopyOnWriteArrayList<>();

	final Map<String, List<Item>> tags = new ConcurrentHashMap<>();

	final Map<String, List<Item>> searches = new ConcurrentHashMap<>();

	final List<Received> received = new CopyOnWriteArrayList<>();

	volatile Integer remaining = 299;

	volatile String reset = Instant.now().plusSeconds(300).toString();

	MastodonServer() {
		this.server.handle("/api/v1/notifications", exchange -> list(exchange, this.notifications));
		this.server.handle("/api/v1/accounts/verify_credentials",
				exchange -> json(exchange, 200, "{\"id\":\"1\",\"username\":\"koeriersnel\",\"acct\":\"koeriersnel\",\"display_name\":\"KoerierSnel\"}"));
		this.server.handle("/api/v2/search", exchange -> {
			Map<String, String> query = query(exchange);
			List<Item> items = this.searches.getOrDefault(query.get("q"), List.of());
			json(exchange, 200, "{\"accounts\":[],\"hashtags\":[],\"statuses\":" + array(filter(items, query)) + ",\"extra\":{}}");
		});
	}

	String url() {
		return this.server.url("");
	}

	void tag(String tag, Item... items) {
		this.tags.computeIfAbsent(tag, t -> {
			List<Item> list = new CopyOnWriteArrayList<>();
			this.server.handle("/api/v1/timelines/tag/" + t, exchange -> list(exchange, list));
			return list;
		}).addAll(List.of(items));
	}

	void handle(String path, int status, String body) {
		this.server.handle(path, exchange -> json(exchange, status, body));
	}

	private void list(HttpExchange exchange, List<Item> items) throws IOException {
		json(exchange, 200, array(filter(items, query(exchange))));
	}

	private static List<Item> filter(List<Item> items, Map<String, String> query) {
		String min = query.getOrDefault("min_id", query.get("since_id"));
		return items.stream()
			.filter(item -> min == null || MastodonCursor.compareIds(item.id(), min) > 0)
			.sorted(Comparator.comparing(Item::id, MastodonCursor::compareIds).reversed())
			.toList();
	}

	private static String array(List<Item> items) {
		return items.stream().map(Item::json).collect(Collectors.joining(",", "[", "]"));
	}

	void json(HttpExchange exchange, int status, String body) throws IOException {
		String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
			.collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().getFirst(), (a, b) -> a));
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), headers, requestBody));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		if (this.remaining != null) {
			exchange.getResponseHeaders().set("X-RateLimit-Limit", "300");
			exchange.getResponseHeaders().set("X-RateLimit-Remaining", String.valueOf(this.remaining));
			exchange.getResponseHeaders().set("X-RateLimit-Reset", this.reset);
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static Map<String, String> query(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw == null) return Map.of();
		Map<String, String> query = new java.util.HashMap<>();
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	List<Received> received(String path) {
		return this.received.stream().filter(r -> r.path().equals(path)).toList();
	}

	static Item status(String id, String acct, String content, String visibility, String inReplyTo) {
		return new Item(id, statusJson(id, acct, content, visibility, inReplyTo));
	}

	static String statusJson(String id, String acct, String content, String visibility, String inReplyTo) {
		return """
				{"id":"%s","uri":"https://social.example/users/%s/statuses/%s","url":"https://social.example/@%s/%s",
				 "created_at":"2026-11-20T10:%02d:00.000Z","in_reply_to_id":%s,"in_reply_to_account_id":null,
				 "sensitive":false,"spoiler_text":"","visibility":"%s","language":"nl","replies_count":0,
				 "content":"%s","media_attachments":[],"mentions":[],"tags":[],"emojis":[],"card":null,"poll":null,
				 "application":{"name":"Web","website":null},"filtered":[],"quote":{"state":"unknown"},
				 "account":{"id":"9%s","username":"%s","acct":"%s","display_name":"<b>%s</b> :blobcat:","locked":false,
				   "bot":false,"followers_count":%d,"following_count":3,"note":"<p>bio</p>","fields":[{"name":"x","value":"<a href=\\"https://x\\">x</a>"}]}}"""
			.formatted(id, acct, id, acct, id, Integer.parseInt(id) % 60, inReplyTo == null ? "null" : "\"" + inReplyTo + "\"",
					visibility, content.replace("\"", "\\\""), id, acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct, acct,
					acct, 100 + Integer.parseInt(id));
	}

	static Item mention(String notificationId, Item status) {
		return new Item(notificationId, """
				{"id":"%s","type":"mention","group_key":"ungrouped-%s","created_at":"2026-11-20T10:00:00.000Z",
				 "account":{"id":"7","acct":"x"},"status":%s}""".formatted(notificationId, notificationId, status.json()));
	}

	@Override
	public void close() {
		this.server.close();
	}
}
