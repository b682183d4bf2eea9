package nl.luister.channel;

import java.util.Locale;

/** Where a message was said. Stored lower-case; shown with an icon in the inbox. */
public enum Channel {
	TWITTER, MASTODON, BLUESKY, FORUM, BLOG, REVIEW, NEWS, EMAIL, OTHER;

	/** Parses a channel name case-insensitively; unknown names are an error, {@code null} is {@link #OTHER}. */
	public static Channel parse(String name) {
		if (name == null || name.isBlank()) return OTHER;
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown channel '" + name + "' (expected twitter, mastodon, bluesky, forum, blog, review, news, email or other)");
		}
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
