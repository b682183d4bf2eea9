package nl.luister.channel;

import java.time.Instant;

/**
 * One item as a source delivered it, normalised but not yet enriched or matched.
 *
 * @param externalId   the source's own id for the item (GUID, link, message id); unique per source
 * @param channel      where it was said: twitter, mastodon, bluesky, forum, blog, review, news, email, other
 * @param author       who said it; never {@code null}, fields inside may be
 * @param title        a title where the channel has one (blog post, forum thread), else {@code null}
 * @param text         plain text (never HTML), never {@code null}
 * @param url          the item's public address, or {@code null}
 * @param publishedAt  when it was said; never {@code null}
 * @param inReplyTo    external id of the item this one answers, or {@code null}
 * @param addressed    said to the organisation (support mail, a mention of or DM to an owned account, a review of
 *                     its own listing): reaches a case without a topic; {@code false} for overheard messages
 * @param own          posted by an account the organisation owns (the connector recognised it): it is one of our
 *                     replies in a thread, never a customer mention. The pipeline also recognises owned accounts
 *                     by handle, so {@code false} here only means the connector could not tell
 */
public record RawMention(String externalId, Channel channel, Author author, String title, String text, String url,
		Instant publishedAt, String inReplyTo, boolean addressed, boolean own) {

	/** A customer's message (not posted by an owned account, as far as the connector knows). */
	public RawMention(String externalId, Channel channel, Author author, String title, String text, String url,
			Instant publishedAt, String inReplyTo, boolean addressed) {
		this(externalId, channel, author, title, text, url, publishedAt, inReplyTo, addressed, false);
	}

	/** An overheard message (public post, forum, blog, news): it reaches a case only when a topic matches. */
	public RawMention(String externalId, Channel channel, Author author, String title, String text, String url,
			Instant publishedAt, String inReplyTo) {
		this(externalId, channel, author, title, text, url, publishedAt, inReplyTo, false, false);
	}

	/** This item, marked as posted by an owned account. */
	public RawMention asOwn() {
		return new RawMention(externalId, channel, author, title, text, url, publishedAt, inReplyTo, addressed, true);
	}

	public RawMention {
		if (externalId == null || externalId.isBlank()) throw new IllegalArgumentException("externalId is required");
		if (text == null) throw new IllegalArgumentException("text is required");
		if (publishedAt == null) throw new IllegalArgumentException("publishedAt is required");
		if (channel == null) channel = Channel.OTHER;
		if (author == null) author = Author.UNKNOWN;
		externalId = clean(externalId);
		title = cut(clean(title), MAX_TITLE_CHARS);
		text = cut(clean(text), MAX_TEXT_CHARS);
		url = clean(url);
		inReplyTo = clean(inReplyTo);
	}

	/** Longer texts are cut (with an ellipsis): no customer message is this long, and search indexes have limits. */
	public static final int MAX_TEXT_CHARS = 100_000;
	public static final int MAX_TITLE_CHARS = 1_000;

	static String cut(String s, int max) {
		if (s == null || s.length() <= max) return s;
		int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
		return s.substring(0, end) + "…";
	}

	/** Removes NUL and other control characters (except tab and line breaks) that PostgreSQL or a page can't hold. */
	static String clean(String s) {
		if (s == null) return null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return strip(s);
		}
		return s;
	}

	private static String strip(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') b.append(c);
		}
		return b.toString();
	}

	/** The author as the channel shows them; any field may be {@code null}. */
	public record Author(String handle, String name, Integer followers) {
		public static final Author UNKNOWN = new Author(null, null, null);

		public Author {
			handle = clean(handle);
			name = clean(name);
		}
	}
}
