package nl.luister.channel.mastodon;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.Source;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;
import nl.luister.channel.rss.HtmlText;

/**
 * Reads a Mastodon account's mentions and direct messages (addressed) and hashtag and keyword timelines
 * (overheard).
 *
 * <p>Streams: {@code GET /api/v1/notifications?types[]=mention} (a direct message arrives as a mention whose
 * status has visibility {@code direct}), {@code GET /api/v1/timelines/tag/:tag} per hashtag and
 * {@code GET /api/v2/search?type=statuses} per search term, each asking for at most {@value #LIMIT} items newer
 * than the highest id the {@link MastodonCursor} holds for that stream. The id goes out as {@code min_id}
 * rather than {@code since_id}: both return only newer items, but {@code min_id} returns the oldest of them
 * first, so a burst of more than {@value #LIMIT} posts between two polls is read over the next polls instead
 * of losing its older part.
 *
 * <p>Mapping: the external id is the status id on this instance (so {@code in_reply_to_id} threads), the
 * author is {@code account.acct} / {@code display_name} / {@code followers_count}, the text is the HTML
 * content as plain text (the content warning becomes the title), the url is {@code url} (else {@code uri}).
 * A status of the brand's own account (the configured {@code account}, else the token's own account) is
 * delivered marked {@link RawMention#own()}: it is our reply in the thread, never a customer mention. A status that is shared by several streams
 * is delivered once, addressed when any stream addressed it. A status without id, date or account goes to
 * {@link Batch#skipped()}; unknown fields are ignored.
 *
 * <p>Stateless apart from the rate-limit hold in {@link MastodonApi}; thread-safe. Errors are
 * {@link SourceUnavailable}: "rate limited until …", "the access token was refused", unreachable instance.
 */
public final class MastodonSource implements Source<MastodonSettings> {

	static final int LIMIT = 40;

	private final MastodonApi api;

	MastodonSource(MastodonApi api) {
		this.api = api;
	}

	@Override
	public String type() {
		return "mastodon";
	}

	@Override
	public Class<MastodonSettings> settingsType() {
		return MastodonSettings.class;
	}

	@Override
	public Probe probe(MastodonSettings settings) {
		try {
			SafeHttp.Answer answer = this.api.get(settings, "/api/v1/accounts/verify_credentials");
			if (!answer.ok()) return Probe.failed(this.api.failure(answer, settings.instance()));
			JsonNode account = this.api.parse(answer, settings.instance());
			String acct = MastodonApi.text(account.path("acct"));
			return Probe.ok("signed in to " + settings.instance() + " as @" + (acct == null ? "?" : acct) + "; following "
					+ (settings.notifications() ? "mentions and direct messages, " : "") + settings.hashtags().size()
					+ " hashtags and " + settings.searchTerms().size() + " search terms");
		}
		catch (SourceUnavailable e) {
			return Probe.failed(e.getMessage());
		}
	}

	@Override
	public Batch fetch(MastodonSettings settings, String cursor) {
		MastodonCursor previous = MastodonCursor.parse(cursor);
		Map<String, String> next = new LinkedHashMap<>(previous.sinceIds());
		Map<String, RawMention> items = new LinkedHashMap<>();
		List<Batch.Skipped> skipped = new ArrayList<>();
		String own = this.api.ownAccount(settings);
		if (settings.notifications()) {
			String stream = "n";
			JsonNode list = read(settings, "/api/v1/notifications?types[]=mention&limit=" + LIMIT + since(previous, stream), "notifications");
			for (JsonNode notification : oldestFirst(list)) {
				advance(next, stream, MastodonApi.text(notification.path("id")));
				String where = "notification " + MastodonApi.text(notification.path("id")) + " of " + settings.instance();
				JsonNode status = notification.path("status");
				if (!status.isObject()) {
					skipped.add(new Batch.Skipped(where, "a mention without a status"));
					continue;
				}
				add(settings, own, status, true, where, items, skipped);
			}
		}
		for (String tag : settings.hashtags()) {
			String stream = "t:" + tag.toLowerCase(Locale.ROOT);
			JsonNode list = read(settings, "/api/v1/timelines/tag/" + MastodonApi.encode(tag) + "?limit=" + LIMIT
					+ since(previous, stream), "the #" + tag + " timeline");
			statuses(settings, own, list, stream, next, items, skipped);
		}
		for (String term : settings.searchTerms()) {
			String stream = "s:" + term;
			JsonNode result = read(settings, "/api/v2/search?type=statuses&resolve=false&q=" + MastodonApi.encode(term)
					+ "&limit=" + LIMIT + since(previous, stream), "the search for '" + term + "'");
			statuses(settings, own, result.path("statuses"), stream, next, items, skipped);
		}
		return new Batch(List.copyOf(items.values()), new MastodonCursor(next).encode(), skipped);
	}

	private void statuses(MastodonSettings settings, String own, JsonNode list, String stream, Map<String, String> next,
			Map<String, RawMention> items, List<Batch.Skipped> skipped) {
		for (JsonNode status : oldestFirst(list)) {
			String id = MastodonApi.text(status.path("id"));
			advance(next, stream, id);
			add(settings, own, status, false, "status " + id + " of " + settings.instance(), items, skipped);
		}
	}

	private JsonNode read(MastodonSettings settings, String pathAndQuery, String what) {
		SafeHttp.Answer answer = this.api.get(settings, pathAndQuery);
		if (!answer.ok()) throw new SourceUnavailable(this.api.failure(answer, "reading " + what + " on " + settings.instance()));
		JsonNode node = this.api.parse(answer, settings.instance());
		if (pathAndQuery.startsWith("/api/v2/search") ? !node.isObject() : !node.isArray()) {
			throw new SourceUnavailable("reading " + what + " on " + settings.instance() + ": the answer is not shaped like Mastodon's API");
		}
		return node;
	}

	private static void add(MastodonSettings settings, String own, JsonNode status, boolean addressed, String where,
			Map<String, RawMention> items, List<Batch.Skipped> skipped) {
		RawMention mention;
		try {
			mention = mention(status, addressed);
			// the brand's own posts are our replies in a thread (also when posted outside Luister)
			if (isOwn(own, settings.instance(), status.path("account"))) mention = mention.asOwn();
		}
		catch (IllegalArgumentException e) {
			skipped.add(new Batch.Skipped(where, "could not be read: " + e.getMessage()));
			return;
		}
		RawMention earlier = items.get(mention.externalId());
		if (earlier == null || (!earlier.addressed() && mention.addressed())) items.put(mention.externalId(), mention);
	}

	static RawMention mention(JsonNode status, boolean addressed) {
		String id = MastodonApi.text(status.path("id"));
		if (id == null) throw new IllegalArgumentException("the status has no id");
		JsonNode account = status.path("account");
		if (!account.isObject()) throw new IllegalArgumentException("the status has no account");
		String created = MastodonApi.text(status.path("created_at"));
		if (created == null) throw new IllegalArgumentException("the status has no created_at");
		Instant publishedAt;
		try {
			publishedAt = Instant.parse(created);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("created_at '" + created + "' is not a date");
		}
		JsonNode followers = account.path("followers_count");
		String url = MastodonApi.text(status.path("url"));
		if (url == null) url = MastodonApi.text(status.path("uri"));
		if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) url = null;
		String warning = HtmlText.toPlainText(MastodonApi.text(status.path("spoiler_text")));
		String name = HtmlText.toPlainText(MastodonApi.text(account.path("display_name")));
		return new RawMention(id, Channel.MASTODON,
				new RawMention.Author(MastodonApi.text(account.path("acct")), name.isBlank() ? null : name,
						followers.isIntegralNumber() && followers.canConvertToInt() ? followers.intValue() : null),
				warning.isBlank() ? null : warning, HtmlText.toPlainText(MastodonApi.text(status.path("content"))), url,
				publishedAt, MastodonApi.text(status.path("in_reply_to_id")), addressed);
	}

	static boolean isOwn(String ownAccount, String instance, JsonNode account) {
		if (ownAccount == null) return false;
		String acct = MastodonApi.text(account.path("acct"));
		if (acct == null) return false;
		String own = ownAccount.toLowerCase(Locale.ROOT);
		String theirs = acct.toLowerCase(Locale.ROOT);
		if (own.equals(theirs)) return true;
		// "brand" on its own instance is "brand@instance.host" everywhere else
		int at = own.indexOf('@');
		return at > 0 && own.substring(0, at).equals(theirs) && instance.toLowerCase(Locale.ROOT).endsWith("/" + own.substring(at + 1));
	}

	/** Mastodon lists newest first; a batch is in the order things were said, so a reply follows its post. */
	private static List<JsonNode> oldestFirst(JsonNode list) {
		List<JsonNode> nodes = new ArrayList<>();
		for (JsonNode node : list) nodes.add(node);
		return nodes.reversed();
	}

	private static String since(MastodonCursor cursor, String stream) {
		String id = cursor.since(stream);
		return id == null ? "" : "&min_id=" + MastodonApi.encode(id);
	}

	private static void advance(Map<String, String> next, String stream, String id) {
		if (id == null) return;
		next.merge(stream, id, (a, b) -> MastodonCursor.compareIds(a, b) >= 0 ? a : b);
	}
}
