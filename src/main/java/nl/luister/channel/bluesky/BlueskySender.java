package nl.luister.channel.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;
import nl.luister.reply.ReplySender;

/**
 * Posts replies to Bluesky as {@code app.bsky.feed.post} records with a {@code reply} reference.
 *
 * <p>The reference needs the uri and cid of both the parent (the customer's post) and the thread's root. Only
 * the parent's uri is stored with the mention, so at send time the parent is read with
 * {@code app.bsky.feed.getPosts}: its cid, and its own {@code reply.root} when it is itself a reply (else the
 * parent is the root). Reading at send time also notices a deleted post before answering it.
 *
 * <p>Idempotency: the record key is a deterministic TID derived from the reply id (timestamp 2024-01-01 plus the
 * reply id in microseconds, clock id from the source, case and text), so a retry writes the same key. Before
 * creating, and again after a failed create, the record at that key is read with {@code com.atproto.repo.getRecord}:
 * when it exists and answers the same parent with the same text, the reply counts as sent (PDS versions answer a
 * duplicate key with 500 or a dedicated error, so the answer to the create itself cannot be relied on).
 *
 * <p>Errors: 4xx (other than 408/429) are not retryable and carry the service's error text; 5xx, rate limits and
 * unreachable services are retryable. Thread-safe.
 */
public final class BlueskySender implements ReplySender {

	static final String POST = "app.bsky.feed.post";

	private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

	private static final long EPOCH_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2024-01-01T00:00:00Z"));

	private final BlueskyApi api;

	private final JsonMapper json;

	private final Clock clock;

	BlueskySender(BlueskyApi api, JsonMapper json, Clock clock) {
		this.api = api;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "bluesky";
	}

	@Override
	public String send(OutgoingReply reply) {
		BlueskySettings settings = settings(reply);
		String parentUri = reply.inReplyToExternalId();
		if (parentUri == null || !parentUri.startsWith("at://")) throw new DeliveryFailed("there is no Bluesky post to answer in this case", false);
		try {
			String did = this.api.session(settings).did();
			String rkey = rkey(reply);
			String existing = existing(settings, did, rkey, parentUri, reply.text());
			if (existing != null) return existing;
			JsonNode parent = parent(settings, parentUri);
			Map<String, String> parentRef = Map.of("uri", parentUri, "cid", require(parent.path("cid"), "cid of the post being answered"));
			JsonNode root = parent.path("record").path("reply").path("root");
			Map<String, String> rootRef = BlueskyApi.text(root.path("uri")) != null && BlueskyApi.text(root.path("cid")) != null
					? Map.of("uri", BlueskyApi.text(root.path("uri")), "cid", BlueskyApi.text(root.path("cid"))) : parentRef;
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("$type", POST);
			record.put("text", reply.text());
			record.put("createdAt", this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
			record.put("reply", Map.of("root", rootRef, "parent", parentRef));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("repo", did);
			body.put("collection", POST);
			body.put("rkey", rkey);
			body.put("record", record);
			SafeHttp.Answer answer = this.api.procedure(settings, "com.atproto.repo.createRecord", body);
			if (answer.ok()) {
				String uri = BlueskyApi.text(this.api.parse(answer, settings.service()).path("uri"));
				return uri != null ? uri : recordUri(did, rkey);
			}
			String again = existing(settings, did, rkey, parentUri, reply.text());
			if (again != null) return again;
			boolean retryable = answer.status() >= 500 || answer.status() == 408;
			throw new DeliveryFailed(this.api.failure(answer, "posting the reply"), retryable);
		}
		catch (SourceUnavailable e) {
			throw new DeliveryFailed(e.getMessage(), true);
		}
	}

	/** The uri of the record at {@code rkey} when it is this reply, {@code null} when there is none. */
	private String existing(BlueskySettings settings, String did, String rkey, String parentUri, String text) {
		SafeHttp.Answer answer = this.api.query(settings, "com.atproto.repo.getRecord", Map.of("repo", did, "collection", POST, "rkey", rkey));
		if (!answer.ok()) return null;
		JsonNode found = this.api.parse(answer, settings.service());
		JsonNode value = found.path("value");
		if (parentUri.equals(BlueskyApi.text(value.path("reply").path("parent").path("uri"))) && text.equals(value.path("text").asString())) {
			String uri = BlueskyApi.text(found.path("uri"));
			return uri != null ? uri : recordUri(did, rkey);
		}
		throw new DeliveryFailed("another post already uses the record key " + rkey + " in " + did + "; the reply was not sent", false);
	}

	private JsonNode parent(BlueskySettings settings, String parentUri) {
		SafeHttp.Answer answer = this.api.query(settings, "app.bsky.feed.getPosts", Map.of("uris", parentUri));
		if (!answer.ok()) {
			boolean retryable = answer.status() >= 500 || answer.status() == 408;
			throw new DeliveryFailed(this.api.failure(answer, "reading the post being answered"), retryable);
		}
		JsonNode posts = this.api.parse(answer, settings.service()).path("posts");
		if (!posts.isArray() || posts.isEmpty()) {
			throw new DeliveryFailed("the post being answered (" + parentUri + ") no longer exists", false);
		}
		return posts.get(0);
	}

	private static String require(JsonNode node, String what) {
		String text = BlueskyApi.text(node);
		if (text == null) throw new DeliveryFailed("Bluesky did not send the " + what, true);
		return text;
	}

	static String recordUri(String did, String rkey) {
		return "at://" + did + "/" + POST + "/" + rkey;
	}

	/** The record key of a reply: the same for every attempt, a valid TID, distinct per reply. */
	static String rkey(OutgoingReply reply) {
		int clockId = (int) (fingerprint(reply.sourceId() + "\n" + reply.caseId() + "\n" + reply.text()) & 0x3FF);
		return tid(EPOCH_MICROS + reply.replyId(), clockId);
	}

	static String tid(long micros, int clockId) {
		long value = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | (clockId & 0x3FF);
		char[] out = new char[13];
		for (int i = 12; i >= 0; i--) {
			out[i] = TID_ALPHABET.charAt((int) (value & 31));
			value >>>= 5;
		}
		return new String(out);
	}

	private static long fingerprint(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return ((hash[0] & 0xFFL) << 8) | (hash[1] & 0xFFL);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private BlueskySettings settings(OutgoingReply reply) {
		try {
			return this.json.readValue(reply.sourceSettings(), BlueskySettings.class);
		}
		catch (JacksonException e) {
			throw new DeliveryFailed("the settings of this Bluesky source are not valid: " + e.getOriginalMessage(), false);
		}
	}
}
