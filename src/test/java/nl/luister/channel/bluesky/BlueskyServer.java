package nl.luister.channel.bluesky;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.FeedServer;

/**
 * A loopback PDS/AppView answering XRPC JSON shaped as the lexicons show (plus unexpected fields): sessions that
 * can be made to expire, notifications, post search honouring {@code since}, getPosts, getRecord and createRecord
 * (a duplicate record key answers 500, as PDS versions did). Remembers what was created.
 */
final class BlueskyServer implements AutoCloseable {

	record Post(String uri, Instant indexedAt, String json) {
	}

	static final String BRAND_DID = "did:plc:brand";

	final FeedServer server = FeedServer.start();

	final JsonMapper json = JsonMapper.builder().build();

	final List<Post> notifications = new CopyOnWriteArrayList<>();

	final Map<String, List<Post>> searches = new ConcurrentHashMap<>();

	final Map<String, Post> posts = new ConcurrentHashMap<>();

	final Map<String, JsonNode> records = new ConcurrentHashMap<>();

	final List<JsonNode> creates = new CopyOnWriteArrayList<>();

	final List<String> queries = new CopyOnWriteArrayList<>();

	final AtomicInteger sessions = new AtomicInteger();

	volatile String validJwt = "none";

	volatile String password = "app-pass-1234";

	BlueskyServer() {
		this.server.handle("/xrpc/com.atproto.server.createSession", exchange -> {
			JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
			if (!this.password.equals(body.path("password").asString())) {
				send(exchange, 401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}");
				return;
			}
			this.validJwt = "jwt-" + this.sessions.incrementAndGet();
			send(exchange, 200, "{\"accessJwt\":\"" + this.validJwt + "\",\"refreshJwt\":\"r\",\"handle\":\"" + body.path("identifier").asString()
					+ "\",\"did\":\"" + BRAND_DID + "\",\"active\":true,\"emailConfirmed\":true}");
		});
		authorized("/xrpc/app.bsky.notification.listNotifications", (exchange, query) -> send(exchange, 200,
				"{\"notifications\":" + page(this.notifications, query) + ",\"priorities\":false,\"seenAt\":null}"));
		authorized("/xrpc/app.bsky.feed.searchPosts", (exchange, query) -> {
			Instant since = query.containsKey("since") ? Instant.parse(query.get("since")) : Instant.EPOCH;
			List<Post> found = this.searches.getOrDefault(query.get("q"), List.of()).stream().filter(p -> !p.indexedAt().isBefore(since)).toList();
			send(exchange, 200, "{\"posts\":" + page(found, query) + ",\"hitsTotal\":" + found.size() + "}");
		});
		authorized("/xrpc/app.bsky.feed.getPosts", (exchange, query) -> {
			Post post = this.posts.get(query.get("uris"));
			send(exchange, 200, "{\"posts\":" + (post == null ? "[]" : "[" + post.json() + "]") + "}");
		});
		authorized("/xrpc/com.atproto.repo.getRecord", (exchange, query) -> {
			JsonNode record = this.records.get(query.get("rkey"));
			if (record == null) send(exchange, 400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}");
			else send(exchange, 200, "{\"uri\":\"at://" + BRAND_DID + "/app.bsky.feed.post/" + query.get("rkey") + "\",\"cid\":\"bafyx\",\"value\":" + record + "}");
		});
		authorized("/xrpc/com.atproto.repo.createRecord", (exchange, query) -> {
			JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
			this.creates.add(body);
			String rkey = body.path("rkey").asString();
			if (this.records.putIfAbsent(rkey, body.path("record")) != null) {
				send(exchange, 500, "{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
				return;
			}
			send(exchange, 200, "{\"uri\":\"at://" + BRAND_DID + "/app.bsky.feed.post/" + rkey + "\",\"cid\":\"bafyreply\",\"validationStatus\":\"valid\"}");
		});
	}

	interface Handler {
		void handle(HttpExchange exchange, Map<String, String> query) throws IOException;
	}

	private void authorized(String path, Handler handler) {
		this.server.handle(path, exchange -> {
			this.queries.add(path + "?" + exchange.getRequestURI().getRawQuery());
			if (!("Bearer " + this.validJwt).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				send(exchange, 400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}");
				return;
			}
			handler.handle(exchange, query(exchange));
		});
	}

	String url() {
		return this.server.url("");
	}

	void expireSession() {
		this.validJwt = "expired";
	}

	void handle(String path, int status, String body) {
		this.server.handle(path, exchange -> send(exchange, status, body));
	}

	static Post post(String handle, String rkey, String text, String indexedAt, String parentUri, String rootUri) {
		String uri = "at://did:plc:" + handle.replace('.', '-') + "/app.bsky.feed.post/" + rkey;
		String reply = parentUri == null ? "" : ",\"reply\":{\"root\":{\"uri\":\"%s\",\"cid\":\"bafyroot\"},\"parent\":{\"uri\":\"%s\",\"cid\":\"bafyparent\"}}"
			.formatted(rootUri, parentUri);
		String json = """
				{"uri":"%s","cid":"bafy%s","author":{"did":"did:plc:%s","handle":"%s","displayName":"%s","avatar":"https://cdn/x.jpg","labels":[],"viewer":{"muted":false}},
				 "record":{"$type":"app.bsky.feed.post","text":"%s","createdAt":"%s","langs":["nl"],"facets":[]%s},
				 "replyCount":0,"repostCount":0,"likeCount":0,"indexedAt":"%s","labels":[],"embed":{"$type":"app.bsky.embed.images#view","images":[]},
				 "reason":"mention","isRead":false}"""
			.formatted(uri, rkey, handle.replace('.', '-'), handle, handle.substring(0, handle.indexOf('.')).toUpperCase(),
					text.replace("\"", "\\\""), indexedAt, reply, indexedAt);
		return new Post(uri, Instant.parse(indexedAt), json);
	}

	static Post withReason(Post post, String reason) {
		return new Post(post.uri(), post.indexedAt(), post.json().replace("\"reason\":\"mention\"", "\"reason\":\"" + reason + "\""));
	}

	/** One page, newest first, of at most {@code limit} posts from offset {@code cursor}, and the next cursor. */
	private static String page(List<Post> posts, Map<String, String> query) {
		int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
		int offset = Integer.parseInt(query.getOrDefault("cursor", "0"));
		List<Post> sorted = posts.stream().sorted((a, b) -> b.indexedAt().compareTo(a.indexedAt())).toList();
		List<Post> page = sorted.subList(Math.min(offset, sorted.size()), Math.min(offset + limit, sorted.size()));
		String next = offset + limit < sorted.size() ? ",\"cursor\":\"" + (offset + limit) + "\"" : "";
		return array(page) + next;
	}

	private static String array(List<Post> posts) {
		return posts.stream().sorted((a, b) -> b.indexedAt().compareTo(a.indexedAt())).map(Post::json).collect(Collectors.joining(",", "[", "]"));
	}

	static Map<String, String> query(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawQuery();
		Map<String, String> query = new HashMap<>();
		if (raw == null) return query;
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return query;
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.close();
	}
}
