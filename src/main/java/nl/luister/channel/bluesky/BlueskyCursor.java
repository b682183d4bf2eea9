package nl.luister.channel.bluesky;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a Bluesky source left off, per stream ({@code n} for notifications, {@code s:<term>} per search): the
 * newest {@code indexedAt} seen and the uris seen at exactly that time, so items that share the boundary
 * timestamp are neither lost nor repeated. Bluesky's own {@code cursor} pages backwards into older results and
 * cannot say "what is new", hence this mark. Encoded as {@code bluesky1.<base64url of lines>}; an unreadable
 * cursor counts as none.
 */
record BlueskyCursor(Map<String, Mark> marks) {

	private static final String PREFIX = "bluesky1.";

	/** The newest time seen in a stream and the uris seen at that time. */
	record Mark(Instant at, Set<String> uris) {
		Mark {
			uris = Collections.unmodifiableSet(new LinkedHashSet<>(uris));
		}

		boolean isNew(Instant indexedAt, String uri) {
			int c = indexedAt.compareTo(this.at);
			return c > 0 || (c == 0 && !this.uris.contains(uri));
		}
	}

	BlueskyCursor {
		marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
	}

	static BlueskyCursor parse(String cursor) {
		Map<String, Mark> marks = new LinkedHashMap<>();
		if (cursor == null || !cursor.startsWith(PREFIX)) return new BlueskyCursor(marks);
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				String[] parts = line.split("\t", -1);
				if (parts.length != 3) continue;
				marks.put(parts[0], new Mark(Instant.parse(parts[1]), parts[2].isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(parts[2].split(" ")))));
			}
		}
		catch (RuntimeException e) {
			marks.clear();
		}
		return new BlueskyCursor(marks);
	}

	Mark mark(String stream) {
		return this.marks.get(stream);
	}

	/** The mark after seeing {@code uri} indexed at {@code at}. */
	static Mark advance(Mark mark, Instant at, String uri) {
		if (mark == null || at.isAfter(mark.at())) return new Mark(at, Set.of(uri));
		if (at.equals(mark.at())) {
			Set<String> uris = new LinkedHashSet<>(mark.uris());
			uris.add(uri);
			return new Mark(at, uris);
		}
		return mark;
	}

	String encode() {
		StringBuilder text = new StringBuilder();
		this.marks.forEach((stream, mark) -> text.append(stream.replace('\n', ' ').replace('\t', ' '))
			.append('\t').append(mark.at()).append('\t').append(String.join(" ", mark.uris())).append('\n'));
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}
}
