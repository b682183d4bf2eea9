package nl.luister.channel.bluesky;

import java.util.List;

/**
 * Settings of one Bluesky source: one account and what it follows.
 *
 * @param service       the PDS (or entryway) base address the account signs in at, e.g. {@code https://bsky.social};
 *                      it proxies {@code app.bsky.*} reads to the AppView. Required
 * @param handle        the brand's handle, e.g. {@code koeriersnel.bsky.social}; required. Its own posts are not
 *                      customer mentions
 * @param appPassword   an app password of that account (never the main password); required
 * @param notifications whether mentions, replies and quotes of the account are read (addressed); default true
 * @param searchTerms   terms searched with {@code app.bsky.feed.searchPosts} (overheard); never {@code null}
 */
public record BlueskySettings(String service, String handle, String appPassword, Boolean notifications,
		List<String> searchTerms) {

	public BlueskySettings {
		if (service == null || service.isBlank()) throw new IllegalArgumentException("service is required (e.g. https://bsky.social)");
		if (handle == null || handle.isBlank()) throw new IllegalArgumentException("handle is required");
		if (appPassword == null || appPassword.isBlank()) throw new IllegalArgumentException("appPassword is required");
		service = service.strip();
		while (service.endsWith("/")) service = service.substring(0, service.length() - 1);
		handle = handle.strip();
		if (handle.startsWith("@")) handle = handle.substring(1);
		if (notifications == null) notifications = true;
		searchTerms = searchTerms == null ? List.of()
				: searchTerms.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
	}
}
