package nl.luister.channel.mastodon;

import java.util.List;
import java.util.Locale;

/**
 * Settings of one Mastodon source: one account on one instance and what it follows.
 *
 * @param instance        the instance's base address, e.g. {@code https://mastodon.social}; required
 * @param accessToken     an access token of the brand's account with {@code read} (and {@code write:statuses}
 *                        to reply) scopes; required
 * @param account         the brand's own account, {@code name} or {@code name@instance}; its posts are not
 *                        customer mentions. May be {@code null}: then it is the account the token belongs to
 * @param notifications   whether mentions of and direct messages to the account are read (addressed); default true
 * @param hashtags        hashtags to follow without {@code #} (overheard); never {@code null}
 * @param searchTerms     keywords searched for (overheard); never {@code null}. Mastodon searches only the
 *                        posts its full-text index holds, which depends on the instance
 * @param replyVisibility visibility of public replies: {@code public} (default) or {@code unlisted}; a reply to
 *                        a direct or followers-only message is always sent {@code direct}
 */
public record MastodonSettings(String instance, String accessToken, String account, Boolean notifications,
		List<String> hashtags, List<String> searchTerms, String replyVisibility) {

	public MastodonSettings {
		if (instance == null || instance.isBlank()) throw new IllegalArgumentException("instance is required (e.g. https://mastodon.social)");
		if (accessToken == null || accessToken.isBlank()) throw new IllegalArgumentException("accessToken is required");
		instance = instance.strip();
		while (instance.endsWith("/")) instance = instance.substring(0, instance.length() - 1);
		accessToken = accessToken.strip();
		if (account != null) {
			account = account.strip();
			if (account.startsWith("@")) account = account.substring(1);
			if (account.isEmpty()) account = null;
		}
		if (notifications == null) notifications = true;
		hashtags = clean(hashtags, true);
		searchTerms = clean(searchTerms, false);
		replyVisibility = replyVisibility == null || replyVisibility.isBlank() ? "public" : replyVisibility.strip().toLowerCase(Locale.ROOT);
		if (!replyVisibility.equals("public") && !replyVisibility.equals("unlisted")) {
			throw new IllegalArgumentException("replyVisibility is public or unlisted (got '" + replyVisibility + "')");
		}
	}

	private static List<String> clean(List<String> values, boolean hashtag) {
		if (values == null) return List.of();
		return values.stream()
			.filter(v -> v != null && !v.isBlank())
			.map(String::strip)
			.map(v -> hashtag && v.startsWith("#") ? v.substring(1) : v)
			.distinct()
			.toList();
	}
}
