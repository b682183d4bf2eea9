package nl.luister.channel.rss;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Element;
import org.xml.sax.SAXParseException;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.Source;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) feeds, including the comment feeds of blogs and forums.
 *
 * <p>Each fetch downloads the feed through {@link SafeHttp} with a conditional GET, decodes it leniently (see
 * {@link FeedText}), parses it with Rome with DOCTYPE declarations refused, so no entity is ever expanded and
 * no local file or other URL is ever read, and returns the items whose external id the cursor has not seen.
 * Titles and bodies are turned into plain text; links that are not http or https are dropped.
 *
 * <p>Mapping: the external id is the RSS guid or Atom id, else the link, else {@code sha256:} of title and
 * text. The author comes from dc:creator, the RSS author or the first Atom author. {@code publishedAt} is the
 * published date, else the updated date, else the fetch time. {@code inReplyTo} is the {@code ref} of an Atom
 * threading extension {@code thr:in-reply-to} element; failing that, an item whose link has a
 * {@code #comment-…} fragment (WordPress comment feeds) replies to that link without the fragment. That is
 * the post's permalink, which equals the post's external id only when the post feed uses permalinks as
 * guids; WordPress's own {@code ?p=123} guids will not match it, and joining those needs a match on URL.
 * An item with no id, link, title or text goes to {@link Batch#skipped()}, and is reported once per cursor.
 *
 * <p>Stateless and thread-safe; one instance serves every RSS source. Errors are {@link SourceUnavailable}
 * with a plain reason: the HTTP ones from {@link SafeHttp}, and "not valid XML … at line L, column C",
 * "contains a DOCTYPE declaration" or "not an RSS or Atom feed" for what the server sent.
 */
public final class RssSource implements Source<RssSettings> {

	static final String THREADING_NAMESPACE = "http://purl.org/syndication/thread/1.0";

	private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)\\s*$");

	private final SafeHttp http;

	private final Clock clock;

	public RssSource(SafeHttp http) {
		this(http, Clock.systemUTC());
	}

	/** @param clock supplies the fetch time, used as {@code publishedAt} for items without a date */
	public RssSource(SafeHttp http, Clock clock) {
		this.http = http;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "rss";
	}

	@Override
	public Class<RssSettings> settingsType() {
		return RssSettings.class;
	}

	@Override
	public Probe probe(RssSettings settings) {
		try {
			SafeHttp.Response response = this.http.get(settings.url(), null, null);
			SyndFeed feed = parse(response);
			Batch batch = convert(feed, settings, response, FeedCursor.NONE);
			String title = HtmlText.toPlainText(feed.getTitle());
			StringBuilder message = new StringBuilder().append(feedKind(feed.getFeedType()))
				.append(" feed '")
				.append(title.isBlank() ? "untitled" : title)
				.append("' with ")
				.append(batch.items().size())
				.append(batch.items().size() == 1 ? " item" : " items");
			if (!batch.skipped().isEmpty()) {
				message.append(" (").append(batch.skipped().size()).append(" more could not be read)");
			}
			return Probe.ok(message.toString());
		}
		catch (SourceUnavailable e) {
			return Probe.failed(e.getMessage());
		}
	}

	@Override
	public Batch fetch(RssSettings settings, String cursor) {
		FeedCursor previous = FeedCursor.parse(cursor);
		SafeHttp.Response response = this.http.get(settings.url(), previous.etag(), previous.lastModified());
		if (response.notModified()) return Batch.empty(cursor);
		return convert(parse(response), settings, response, previous);
	}

	private Batch convert(SyndFeed feed, RssSettings settings, SafeHttp.Response response, FeedCursor previous) {
		Instant fetchedAt = this.clock.instant();
		List<RawMention> items = new ArrayList<>();
		List<Batch.Skipped> skipped = new ArrayList<>();
		Set<Long> current = new LinkedHashSet<>();
		int position = 0;
		for (SyndEntry entry : feed.getEntries()) {
			position++;
			String where = "item " + position + " of " + response.finalUrl();
			Item item;
			try {
				item = item(entry, settings.channel(), response.finalUrl(), fetchedAt);
			}
			catch (RuntimeException e) {
				item = new Item(null, "could not be read: " + e.getMessage(), malformedFingerprint(entry, position));
			}
			boolean isNew = current.add(item.fingerprint()) && !previous.hasSeen(item.fingerprint());
			if (!isNew) continue;
			if (item.mention() != null) items.add(item.mention());
			else skipped.add(new Batch.Skipped(where, item.problem()));
		}
		String next = previous.next(response.etag(), response.lastModified(), current).encode();
		return new Batch(items, next, skipped);
	}

	private Item item(SyndEntry entry, Channel channel, URI base, Instant fetchedAt) {
		String title = emptyToNull(HtmlText.toPlainText(entry.getTitle()));
		String text = HtmlText.toPlainText(body(entry));
		String link = resolve(base, firstNonBlank(entry.getLink(), alternateLink(entry)));
		String id = firstNonBlank(entry.getUri(), link);
		if (id == null && (title != null || !text.isEmpty())) {
			id = "sha256:" + HexFormat.of().formatHex(FeedCursor.sha256(nullToEmpty(title) + "\n" + text));
		}
		if (id == null) {
			return new Item(null, "has no id, link, title or text", malformedFingerprint(entry, 0));
		}
		id = id.strip();
		Instant publishedAt = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
				: entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : fetchedAt;
		RawMention mention = new RawMention(id, channel, author(entry), title, text, webAddress(link), publishedAt,
				inReplyTo(entry, link));
		return new Item(mention, null, FeedCursor.fingerprint(id));
	}

	private static String body(SyndEntry entry) {
		for (SyndContent content : entry.getContents()) {
			if (content != null && content.getValue() != null && !content.getValue().isBlank()) return content.getValue();
		}
		SyndContent description = entry.getDescription();
		return description == null ? null : description.getValue();
	}

	private static String alternateLink(SyndEntry entry) {
		for (SyndLink link : entry.getLinks()) {
			if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
				return link.getHref();
			}
		}
		return null;
	}

	private static RawMention.Author author(SyndEntry entry) {
		String name = entry.getAuthor();
		if (name == null || name.isBlank()) {
			for (SyndPerson person : entry.getAuthors()) {
				if (person.getName() != null && !person.getName().isBlank()) {
					name = person.getName();
					break;
				}
			}
		}
		name = emptyToNull(HtmlText.toPlainText(name));
		if (name == null) return RawMention.Author.UNKNOWN;
		Matcher emailWithName = EMAIL_WITH_NAME.matcher(name);
		if (emailWithName.matches()) name = emailWithName.group(1).strip();
		return new RawMention.Author(null, name, null);
	}

	private static String inReplyTo(SyndEntry entry, String link) {
		for (Element element : entry.getForeignMarkup()) {
			if (element.getName().equals("in-reply-to") && THREADING_NAMESPACE.equals(element.getNamespaceURI())) {
				String ref = element.getAttributeValue("ref");
				if (ref != null && !ref.isBlank()) return ref.strip();
			}
		}
		if (link != null) {
			int hash = link.indexOf('#');
			if (hash > 0 && link.startsWith("comment-", hash + 1)) return link.substring(0, hash);
		}
		return null;
	}

	/** Identifies an item without an id well enough to report it once rather than on every fetch. */
	private static long malformedFingerprint(SyndEntry entry, int position) {
		return FeedCursor.fingerprint("malformed:" + entry.getPublishedDate() + "|" + entry.getUpdatedDate() + "|"
				+ entry.getAuthor() + (position > 0 ? "|" + position : ""));
	}

	private static SyndFeed parse(SafeHttp.Response response) {
		String xml = FeedText.decode(response.body(), response.contentType());
		if (xml.isBlank()) throw new SourceUnavailable("the feed at " + response.finalUrl() + " is empty");
		SyndFeedInput input = new SyndFeedInput();
		input.setAllowDoctypes(false);
		try {
			return input.build(new StringReader(xml));
		}
		catch (FeedException e) {
			throw notValid(e, response);
		}
		catch (IllegalArgumentException e) {
			throw new SourceUnavailable(response.finalUrl() + " is not an RSS or Atom feed" + htmlHint(response), e);
		}
	}

	private static SourceUnavailable notValid(FeedException e, SafeHttp.Response response) {
		SAXParseException sax = null;
		for (Throwable cause = e; cause != null && sax == null; cause = cause.getCause()) {
			if (cause instanceof SAXParseException found) sax = found;
		}
		String detail = sax != null ? sax.getMessage() : e.getMessage();
		if (detail != null && detail.endsWith(".")) detail = detail.substring(0, detail.length() - 1);
		if (detail != null && detail.contains("DOCTYPE")) {
			return new SourceUnavailable("the feed at " + response.finalUrl() + " contains a DOCTYPE declaration, which"
					+ " Luister refuses because it can expand entities or read local files", e);
		}
		if (!(e instanceof ParsingFeedException) && sax == null) {
			return new SourceUnavailable(response.finalUrl() + " is not an RSS or Atom feed: " + e.getMessage()
					+ htmlHint(response), e);
		}
		int line = sax != null ? sax.getLineNumber() : ((ParsingFeedException) e).getLineNumber();
		int column = sax != null ? sax.getColumnNumber() : ((ParsingFeedException) e).getColumnNumber();
		return new SourceUnavailable("the feed is not valid XML: " + detail + " at line " + line + ", column " + column
				+ htmlHint(response), e);
	}

	private static String htmlHint(SafeHttp.Response response) {
		String type = response.contentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
			return " (the address serves a web page, not a feed; look for the page's RSS link)";
		}
		return "";
	}

	private static String feedKind(String feedType) {
		if (feedType == null) return "RSS";
		String[] parts = feedType.split("_", 2);
		String version = parts.length > 1 ? parts[1].replaceAll("[A-Za-z]+$", "") : "";
		String name = parts[0].equalsIgnoreCase("atom") ? "Atom" : parts[0].toUpperCase(Locale.ROOT);
		return version.isEmpty() ? name : name + " " + version;
	}

	private static String resolve(URI base, String link) {
		if (link == null) return null;
		String stripped = link.strip();
		try {
			return base.resolve(stripped).toString();
		}
		catch (IllegalArgumentException e) {
			return stripped;
		}
	}

	private static String webAddress(String link) {
		if (link == null) return null;
		String lower = link.toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://") ? link : null;
	}

	private static String firstNonBlank(String first, String second) {
		if (first != null && !first.isBlank()) return first;
		if (second != null && !second.isBlank()) return second;
		return null;
	}

	private static String emptyToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	/** One entry turned into a mention, or the reason it could not be; the fingerprint marks it as seen. */
	private record Item(RawMention mention, String problem, long fingerprint) {
	}
}
