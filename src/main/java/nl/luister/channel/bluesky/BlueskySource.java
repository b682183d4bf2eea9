package nl.luister.channel.bluesky;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.Source;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

/**
 * Reads a Bluesky account's notifications (mentions, replies and quotes of the brand: addressed) and searches
 * posts for topic terms (overheard), through {@link BlueskyApi}.
 *
 * <p>Streams: {@code app.bsky.notification.listNotifications} and, per term,
 * {@code app.bsky.feed.searchPosts?sort=latest&since=<mark>}, each at most {@value #LIMIT} items per fetch; the
 * {@link BlueskyCursor} keeps per stream the newest {@code indexedAt} seen. Bluesky pages only backwards, so a
 * stream is read page by page until a page reaches the mark, at most {@value #MAX_PAGES} pages: more than 500 new
 * items in one stream between two polls lose the older part.
 *
 * <p>Mapping: the external id is the post's {@code at://} uri; the author is the handle and display name; the
 * text is {@code record.text}, which the protocol defines as plain text (markup in it is kept as the literal
 * characters the customer typed, never interpreted); the url is {@code https://bsky.app/profile/<handle>/post/<rkey>};
 * the time is {@code record.createdAt}, else {@code indexedAt}; {@code record.reply.parent.uri} is
 * {@code inReplyTo}. Posts of the brand's own account are delivered marked {@link RawMention#own()} (our replies, never
 * customer mentions); an item without uri or
 * time goes to {@link Batch#skipped()}; unknown fields are ignored.
 *
 * <p>Thread-safe (the session cache is in {@link BlueskyApi}). Errors: {@link SourceUnavailable} with a plain
 * reason ("Bluesky refused to sign in …", "rate limited until …", unreachable service).
 */
public final class BlueskySource implements Source<BlueskySettings> {

	static final int LIMIT = 100;

	static final int MAX_PAGES = 5;

	private static final Set<String> ADDRESSING_REASONS = Set.of("mention", "reply", "quote");

	private final BlueskyApi api;

	BlueskySource(BlueskyApi api) {
		this.api = api;
	}

	@Override
	public String type() {
		return "bluesky";
	}

	@Override
	public Class<BlueskySettings> settingsType() {
		return BlueskySettings.class;
	}

	@Override
	public Probe probe(BlueskySettings settings) {
		try {
			BlueskyApi.Session session = this.api.session(settings);
			return Probe.ok("signed in to " + settings.service() + " as " + settings.handle() + " (" + session.did() + "); following "
					+ (settings.notifications() ? "mentions, replies and quotes, " : "") + settings.searchTerms().size() + " search terms");
		}
		catch (SourceUnavailable e) {
			return Probe.failed(e.getMessage());
		}
	}

	@Override
	public Batch fetch(BlueskySettings settings, String cursor) {
		BlueskyCursor previous = BlueskyCursor.parse(cursor);
		Map<String, BlueskyCursor.Mark> next = new LinkedHashMap<>(previous.marks());
		Map<String, RawMention> items = new LinkedHashMap<>();
		List<Batch.Skipped> skipped = new ArrayList<>();
		String own = this.api.session(settings).did();
		if (settings.notifications()) {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("limit", String.valueOf(LIMIT));
			List<JsonNode> posts = new ArrayList<>();
			for (JsonNode notification : pages(settings, "app.bsky.notification.listNotifications", params, "notifications", previous.mark("n"), "notifications")) {
				if (ADDRESSING_REASONS.contains(BlueskyApi.text(notification.path("reason")))) posts.add(notification);
			}
			stream(settings, own, "n", posts, true, previous, next, items, skipped);
		}
		for (String term : settings.searchTerms()) {
			String stream = "s:" + term;
			Map<String, String> params = new LinkedHashMap<>();
			params.put("q", term);
			params.put("sort", "latest");
			params.put("limit", String.valueOf(LIMIT));
			BlueskyCursor.Mark mark = previous.mark(stream);
			if (mark != null) params.put("since", mark.at().toString());
			List<JsonNode> posts = pages(settings, "app.bsky.feed.searchPosts", params, "posts", mark, "the search for '" + term + "'");
			stream(settings, own, stream, posts, false, previous, next, items, skipped);
		}
		return new Batch(List.copyOf(items.values()), new BlueskyCursor(next).encode(), skipped);
	}

	private static void stream(BlueskySettings settings, String ownDid, String stream, List<JsonNode> posts, boolean addressed,
			BlueskyCursor previous, Map<String, BlueskyCursor.Mark> next, Map<String, RawMention> items, List<Batch.Skipped> skipped) {
		BlueskyCursor.Mark mark = previous.mark(stream);
		for (JsonNode post : posts.reversed()) {
			String uri = BlueskyApi.text(post.path("uri"));
			String where = (uri == null ? "a post without uri" : uri) + " on " + settings.service();
			Instant indexedAt = instant(BlueskyApi.text(post.path("indexedAt")));
			if (indexedAt == null) indexedAt = instant(BlueskyApi.text(post.path("record").path("createdAt")));
			if (indexedAt == null) {
				if (mark == null) skipped.add(new Batch.Skipped(where, "could not be read: the post has no time"));
				continue;
			}
			// a post without uri is remembered by its content, so it is reported once and not on every fetch
			String key = uri != null ? uri : "unreadable:" + Integer.toHexString(post.toString().hashCode());
			if (mark != null && !mark.isNew(indexedAt, key)) continue;
			next.put(stream, BlueskyCursor.advance(next.get(stream), indexedAt, key));
			if (uri == null) {
				skipped.add(new Batch.Skipped(where, "could not be read: the post has no uri"));
				continue;
			}
			try {
				RawMention mention = mention(post, indexedAt, addressed);
				// the brand's own posts are our replies in a thread (also when posted outside Luister)
				if (isOwn(settings, ownDid, post.path("author"))) mention = mention.asOwn();
				RawMention earlier = items.get(mention.externalId());
				if (earlier == null || (!earlier.addressed() && mention.addressed())) items.put(mention.externalId(), mention);
			}
			catch (IllegalArgumentException e) {
				skipped.add(new Batch.Skipped(where, "could not be read: " + e.getMessage()));
			}
		}
	}

	static RawMention mention(JsonNode post, Instant indexedAt, boolean addressed) {
		String uri = BlueskyApi.text(post.path("uri"));
		JsonNode author = post.path("author");
		JsonNode record = post.path("record");
		String handle = BlueskyApi.text(author.path("handle"));
		String did = BlueskyApi.text(author.path("did"));
		Instant createdAt = instant(BlueskyApi.text(record.path("createdAt")));
		String text = BlueskyApi.text(record.path("text"));
		JsonNode followers = author.path("followersCount");
		return new RawMention(uri, Channel.BLUESKY,
				new RawMention.Author(handle != null ? handle : did, BlueskyApi.text(author.path("displayName")),
						followers.isIntegralNumber() && followers.canConvertToInt() ? followers.intValue() : null),
				null, text == null ? "" : text, webUrl(uri, handle), createdAt != null ? createdAt : indexedAt,
				BlueskyApi.text(record.path("reply").path("parent").path("uri")), addressed);
	}

	/** The bsky.app address of a post: {@code https://bsky.app/profile/<handle or did>/post/<rkey>}. */
	static String webUrl(String uri, String handle) {
		if (uri == null || !uri.startsWith("at://")) return null;
		String[] parts = uri.substring("at://".length()).split("/");
		if (parts.length != 3 || !parts[1].equals("app.bsky.feed.post")) return null;
		String profile = handle != null && handle.matches("[A-Za-z0-9.-]+") ? handle : parts[0];
		return "https://bsky.app/profile/" + profile + "/post/" + parts[2];
	}

	private static boolean isOwn(BlueskySettings settings, String ownDid, JsonNode author) {
		String handle = BlueskyApi.text(author.path("handle"));
		String did = BlueskyApi.text(author.path("did"));
		return (did != null && did.equals(ownDid)) || (handle != null && handle.toLowerCase(Locale.ROOT).equals(settings.handle().toLowerCase(Locale.ROOT)));
	}

	/**
	 * Reads a stream newest first, following Bluesky's backwards {@code cursor} while a page is entirely newer
	 * than the mark, at most {@value #MAX_PAGES} pages. The first fetch of a stream (no mark) reads one page:
	 * Luister starts from now and does not import history.
	 */
	private List<JsonNode> pages(BlueskySettings settings, String nsid, Map<String, String> params, String field,
			BlueskyCursor.Mark mark, String what) {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			JsonNode answer = read(settings, nsid, params, what);
			List<JsonNode> items = new ArrayList<>();
			answer.path(field).forEach(items::add);
			all.addAll(items);
			String cursor = BlueskyApi.text(answer.path("cursor"));
			if (mark == null || cursor == null || items.isEmpty()) break;
			Instant oldest = instant(BlueskyApi.text(items.getLast().path("indexedAt")));
			if (oldest == null || !oldest.isAfter(mark.at())) break;
			params.put("cursor", cursor);
		}
		return all;
	}

	private JsonNode read(BlueskySettings settings, String nsid, Map<String, String> params, String what) {
		SafeHttp.Answer answer = this.api.query(settings, nsid, params);
		if (!answer.ok()) throw new SourceUnavailable(this.api.failure(answer, "reading " + what + " on " + settings.service()));
		JsonNode node = this.api.parse(answer, settings.service());
		if (!node.isObject()) throw new SourceUnavailable("reading " + what + " on " + settings.service() + ": the answer is not shaped like the XRPC lexicon");
		return node;
	}

	private static Instant instant(String text) {
		if (text == null) return null;
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			try {
				return java.time.OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException e2) {
				return null;
			}
		}
	}
}
