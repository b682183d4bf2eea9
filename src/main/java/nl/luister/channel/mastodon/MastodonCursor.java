package nl.luister.channel.mastodon;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a Mastodon source left off: per stream ({@code n} for notifications, {@code t:<tag>}, {@code s:<term>})
 * the highest id seen. Encoded as {@code mastodon1.<base64url of "stream\tid" lines>}. A cursor that cannot be
 * read counts as none: the next fetch starts from the newest posts, and repeats are absorbed by the log's
 * unique external ids.
 */
record MastodonCursor(Map<String, String> sinceIds) {

	private static final String PREFIX = "mastodon1.";

	MastodonCursor {
		sinceIds = Collections.unmodifiableMap(new LinkedHashMap<>(sinceIds));
	}

	static MastodonCursor parse(String cursor) {
		Map<String, String> ids = new LinkedHashMap<>();
		if (cursor == null || !cursor.startsWith(PREFIX)) return new MastodonCursor(ids);
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				int tab = line.indexOf('\t');
				if (tab > 0) ids.put(line.substring(0, tab), line.substring(tab + 1));
			}
		}
		catch (IllegalArgumentException e) {
			ids.clear();
		}
		return new MastodonCursor(ids);
	}

	String since(String stream) {
		return this.sinceIds.get(stream);
	}

	String encode() {
		StringBuilder text = new StringBuilder();
		this.sinceIds.forEach((stream, id) -> text.append(stream.replace('\n', ' ').replace('\t', ' ')).append('\t').append(id).append('\n'));
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Compares Mastodon ids, which are decimal numbers of growing length in strings. */
	static int compareIds(String a, String b) {
		if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
		return a.compareTo(b);
	}
}
