package nl.luister.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Standard Webhooks signature: {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * signatures, each the HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<raw body>} under one of the
 * source's secrets; the timestamp (Unix seconds) must lie within {@link #TOLERANCE} of now. The signature is
 * computed over the bytes as received, so a body that was parsed and written again never verifies. Comparison
 * is constant-time. Stateless and thread-safe.
 */
final class WebhookSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	/** @throws WebhookRejected with the reason when the delivery is not signed by any of {@code secrets} */
	static void verify(List<String> secrets, String id, String timestamp, String signatures, byte[] body, Instant now) {
		if (id == null || id.isBlank()) throw new WebhookRejected(401, "the webhook-id header is missing");
		if (timestamp == null || timestamp.isBlank()) throw new WebhookRejected(401, "the webhook-timestamp header is missing");
		if (signatures == null || signatures.isBlank()) throw new WebhookRejected(401, "the webhook-signature header is missing");
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			throw new WebhookRejected(401, "the webhook-timestamp is not a number of seconds");
		}
		Instant sent = Instant.ofEpochSecond(seconds);
		if (sent.isBefore(now.minus(TOLERANCE))) throw new WebhookRejected(401, "the webhook-timestamp is more than 5 minutes old");
		if (sent.isAfter(now.plus(TOLERANCE))) throw new WebhookRejected(401, "the webhook-timestamp is more than 5 minutes in the future");
		for (String secret : secrets) {
			byte[] expected = sign(WebhookSettings.key(secret), id, timestamp.strip(), body);
			for (String candidate : signatures.strip().split(" +")) {
				int comma = candidate.indexOf(',');
				if (comma < 0 || !candidate.substring(0, comma).equals("v1")) continue;
				byte[] given;
				try {
					given = Base64.getDecoder().decode(candidate.substring(comma + 1));
				}
				catch (IllegalArgumentException e) {
					continue;
				}
				if (MessageDigest.isEqual(expected, given)) return;
			}
		}
		throw new WebhookRejected(401, "no valid signature: the body is not signed with this source's secret");
	}

	static byte[] sign(byte[] key, String id, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is in every JDK", e);
		}
	}
}
