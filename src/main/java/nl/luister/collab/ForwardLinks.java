package nl.luister.collab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of forward links: {@code <forwardId>.<expiry epoch seconds>.<signature>}, the signature
 * being HMAC-SHA256 over {@code forwardId.expiry} with the server's secret, base64url without padding. Whoever holds a
 * token can read the case until it expires or is revoked; nobody can make one or move its expiry without the secret.
 * Immutable and thread-safe.
 */
final class ForwardLinks {

	private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

	/** What a well-signed token says; whether it has expired is for the caller to decide against the clock. */
	record Claim(long forwardId, Instant expiresAt) {
	}

	private final byte[] secret;

	ForwardLinks(byte[] secret) {
		if (secret.length < 16) throw new IllegalArgumentException("the forward link secret must be at least 16 bytes");
		this.secret = secret.clone();
	}

	/**
	 * The secret from {@code configured} when set, else the one kept in {@code file}, generated (32 random bytes,
	 * readable by the owner only) when the file does not exist yet.
	 */
	static ForwardLinks fromSecretOrFile(String configured, Path file) {
		return new ForwardLinks(nl.luister.LocalSecret.configuredOrFile(configured, file, "forward link secret"));
	}

	String token(long forwardId, Instant expiresAt) {
		long expiry = expiresAt.getEpochSecond();
		return forwardId + "." + expiry + "." + signature(forwardId, expiry);
	}

	/** The claim of a token whose signature is right; empty for anything else (malformed, tampered, another secret). */
	Optional<Claim> verify(String token) {
		if (token == null) return Optional.empty();
		Matcher m = TOKEN.matcher(token);
		if (!m.matches()) return Optional.empty();
		long id = Long.parseLong(m.group(1));
		long expiry = Long.parseLong(m.group(2));
		byte[] expected = signature(id, expiry).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) return Optional.empty();
		return Optional.of(new Claim(id, Instant.ofEpochSecond(expiry)));
	}

	private String signature(long forwardId, long expiry) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] sig = mac.doFinal((forwardId + "." + expiry).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
		}
	}
}
