package nl.luister.cases.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which addresses from customers may become links: absolute http(s) URLs with a host, nothing else
 * ({@code javascript:}, {@code data:}, relative paths stay plain text).
 */
final class SafeLinks {

	private SafeLinks() {
	}

	/** The URL when it is safe to link to, else {@code null}. */
	static String href(String url) {
		return host(url) == null ? null : url.strip();
	}

	/** The real host the URL points to (shown beside the link), or {@code null} when it is not a safe link. */
	static String host(String url) {
		if (url == null || url.isBlank()) return null;
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) return null;
			String host = uri.getHost();
			return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (URISyntaxException e) {
			return null;
		}
	}
}
