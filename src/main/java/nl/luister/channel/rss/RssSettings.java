package nl.luister.channel.rss;

import nl.luister.channel.Channel;

/**
 * Settings of one RSS or Atom source.
 *
 * @param url     the feed's http or https address; required
 * @param channel what the items are shown as; {@link Channel#BLOG} when {@code null}
 */
public record RssSettings(String url, Channel channel) {

	public RssSettings {
		if (url == null || url.isBlank()) throw new IllegalArgumentException("url is required");
		url = url.strip();
		if (channel == null) channel = Channel.BLOG;
	}

	public RssSettings(String url) {
		this(url, null);
	}
}
