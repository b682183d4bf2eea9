package nl.luister.channel.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks Luister's own Message-IDs: {@code <token.caseId.replyId@luister>}, where the token is the
 * first 16 bytes of HMAC-SHA256 over {@code caseId.replyId} with the signing secret, base64url. A reply keeps
 * the same Message-ID on every delivery attempt. An inbound message whose id claims to be Luister's but
 * fails verification is a forgery. Immutable and thread-safe.
 */
final class MailSigning {

	static final String DOMAIN = "luister";

	private static final Pattern LUISTER_ID = Pattern.compile("<?([A-Za-z0-9_-]{22})\\.(\\d{1,18})\\.(\\d{1,18})@" + DOMAIN + ">?");

	private final byte[] secret;

	MailSigning(byte[] secret) {
		if (secret.length < 16) throw new IllegalArgumentException("the mail signing secret must be at least 16 bytes");
		this.secret = secret.clone();
	}

	/**
	 * The secret from {@code configured} when set, else the one kept in {@code file}, generated (32 random bytes,
	 * readable by the owner only) when the file does not exist yet.
	 */
	static MailSigning fromSecretOrFile(String configured, Path file) {
		return new MailSigning(nl.luister.LocalSecret.configuredOrFile(configured, file, "mail signing secret"));
	}

	/** The Message-ID of a reply, with angle brackets. */
	String messageId(long caseId, long replyId) {
		return "<" + token(caseId, replyId) + "." + caseId + "." + replyId + "@" + DOMAIN + ">";
	}

	/** What a Message-ID says about its origin. */
	Verdict verify(String messageId) {
		if (messageId == null || !messageId.toLowerCase(Locale.ROOT).contains("@" + DOMAIN + ">")) return Verdict.NOT_LUISTER;
		Matcher m = LUISTER_ID.matcher(messageId.strip());
		if (!m.matches()) return Verdict.FORGED;
		try {
			long caseId = Long.parseLong(m.group(2));
			long replyId = Long.parseLong(m.group(3));
			byte[] expected = token(caseId, replyId).getBytes(StandardCharsets.US_ASCII);
			return MessageDigest.isEqual(expected, m.group(1).getBytes(StandardCharsets.US_ASCII)) ? Verdict.LUISTER : Verdict.FORGED;
		}
		catch (NumberFormatException e) {
			return Verdict.FORGED;
		}
	}

	private String token(long caseId, long replyId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] sum = mac.doFinal((caseId + "." + replyId).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sum, 16));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JDK has HmacSHA256", e);
		}
	}

	/** Whether a Message-ID is not Luister's, is a genuine Luister reply, or only pretends to be one. */
	enum Verdict {
		NOT_LUISTER, LUISTER, FORGED
	}
}
