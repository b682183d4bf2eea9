package nl.luister.channel.rss;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where an RSS source left off: the validators for a conditional GET and fingerprints of the items seen, so
 * an unchanged feed yields nothing even when its server ignores conditional GET.
 *
 * <p>Encoded as {@code rss1.<etag>.<last-modified>.<fingerprints>}, each part base64url without padding.
 * A fingerprint is the first 8 bytes of the SHA-256 of an external id: at {@value #MAX_SEEN} of them the
 * cursor stays around 11 KB and a collision between two ids of one feed is vanishingly unlikely. A cursor
 * that cannot be read counts as no cursor, so the next fetch starts over instead of failing forever; the
 * runner's unique external ids absorb the repeats.
 *
 * @param etag         the feed's ETag, or {@code null}
 * @param lastModified the feed's Last-Modified, or {@code null}
 * @param seen         fingerprints of the items seen, most recent fetch first, at most {@value #MAX_SEEN}
 */
record FeedCursor(String etag, String lastModified, Set<Long> seen) {

	static final int MAX_SEEN = 1000;

	static final FeedCursor NONE = new FeedCursor(null, null, Set.of());

	private static final String PREFIX = "rss1";

	FeedCursor {
		seen = Collections.unmodifiableSet(new LinkedHashSet<>(seen));
	}

	static FeedCursor parse(String cursor) {
		if (cursor == null || cursor.isBlank()) return NONE;
		String[] parts = cursor.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals(PREFIX)) return NONE;
		try {
			ByteBuffer fingerprints = ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[3]));
			Set<Long> seen = new LinkedHashSet<>();
			while (fingerprints.remaining() >= Long.BYTES) seen.add(fingerprints.getLong());
			return new FeedCursor(text(parts[1]), text(parts[2]), seen);
		}
		catch (IllegalArgumentException e) {
			return NONE;
		}
	}

	/** The cursor after a fetch that saw {@code current}: those first, then older ones up to the bound. */
	FeedCursor next(String etag, String lastModified, Collection<Long> current) {
		Set<Long> seen = new LinkedHashSet<>();
		for (Long fingerprint : current) {
			if (seen.size() >= MAX_SEEN) break;
			seen.add(fingerprint);
		}
		for (Long fingerprint : this.seen) {
			if (seen.size() >= MAX_SEEN) break;
			seen.add(fingerprint);
		}
		return new FeedCursor(etag, lastModified, seen);
	}

	boolean hasSeen(long fingerprint) {
		return this.seen.contains(fingerprint);
	}

	String encode() {
		ByteBuffer fingerprints = ByteBuffer.allocate(this.seen.size() * Long.BYTES);
		this.seen.forEach(fingerprints::putLong);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return PREFIX + "." + encodeText(this.etag) + "." + encodeText(this.lastModified) + "."
				+ base64.encodeToString(fingerprints.array());
	}

	static long fingerprint(String externalId) {
		return ByteBuffer.wrap(sha256(externalId)).getLong();
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private static String encodeText(String text) {
		if (text == null) return "";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(String encoded) {
		if (encoded.isEmpty()) return null;
		return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
	}
}
