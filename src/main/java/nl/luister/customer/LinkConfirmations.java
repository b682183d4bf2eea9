package nl.luister.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer-confirmed links. An agent creates a one-time code for a person ({@code LSTR-<id>-<secret>}, the
 * secret 8 characters from a 32-letter alphabet) and gives it to the customer through one channel (a reply, a
 * mail, a DM). When a message containing the code arrives from an identity of another person, that person is
 * merged into this one with evidence CONFIRMED and an audit entry.
 *
 * <p>Rules: a code is valid for {@code luister.customer.confirmation-validity} (default 48 hours) and once;
 * after {@value #MAX_FAILED} wrong secrets for the same code it is locked. Only a SHA-256 hash of the secret is
 * stored and compared in constant time. Outcomes are state ({@link Outcome}) and audit entries, never
 * exceptions into the pipeline: {@link #confirmFrom} runs in a savepoint of the pipeline's batch transaction,
 * so a refused merge cannot fail the batch. Thread-safe; the confirmation row is locked while it is checked.
 */
@Service
public class LinkConfirmations {

	static final int MAX_FAILED = 5;
	static final Pattern CODE = Pattern.compile("\\bLSTR-(\\d{1,18})-([A-Za-z2-9]{8})\\b");
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
	private static final Logger log = LoggerFactory.getLogger(LinkConfirmations.class);

	/** What became of a code. */
	public enum Outcome {
		CONFIRMED, ALREADY_LINKED, WRONG_CODE, EXPIRED, USED, LOCKED, UNKNOWN, REFUSED
	}

	/** A fresh code; {@code code} is shown once and never stored. */
	public record Issued(long id, String code, Instant expiresAt) {
	}

	private final JdbcClient jdbc;
	private final PersonLinks links;
	private final AuditLog audit;
	private final Duration validity;
	private final TransactionTemplate savepoint;
	private final SecureRandom random = new SecureRandom();

	LinkConfirmations(JdbcClient jdbc, PersonLinks links, AuditLog audit, PlatformTransactionManager transactions,
			@Value("${luister.customer.confirmation-validity:PT48H}") Duration validity) {
		this.jdbc = jdbc;
		this.links = links;
		this.audit = audit;
		this.validity = validity;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Creates a code for a person (following merges to the survivor), with an audit entry. */
	@Transactional
	public Issued create(long personId, Long actorId) {
		long target = active(personId);
		char[] secret = new char[8];
		for (int i = 0; i < secret.length; i++) secret[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		Instant expires = Instant.now().plus(validity);
		long id = jdbc.sql("insert into link_confirmations (person_id, secret_hash, created_by, expires_at) values (?, ?, ?, ?) returning id")
			.params(target, hash(new String(secret)), actorId, java.sql.Timestamp.from(expires))
			.query(Long.class)
			.single();
		audit.record(actorId, "person.confirmation.create", "person", target, Map.of("confirmation", id));
		return new Issued(id, "LSTR-" + id + "-" + new String(secret), expires);
	}

	/**
	 * Confirms every code in a message's text (at most three) from the identity that wrote it; never throws for
	 * a bad or refused code (the outcome is in the audit log). Joins the caller's transaction in a savepoint.
	 */
	public void confirmFrom(String text, long identityId) {
		if (text == null || text.indexOf("LSTR-") < 0 && text.toUpperCase(Locale.ROOT).indexOf("LSTR-") < 0) return;
		Matcher m = CODE.matcher(text.toUpperCase(Locale.ROOT));
		for (int found = 0; m.find() && found < 3; found++) {
			long id;
			try {
				id = Long.parseLong(m.group(1));
			}
			catch (NumberFormatException e) {
				continue;
			}
			String secret = m.group(2);
			try {
				Outcome o = savepoint.execute(s -> confirm(id, secret, identityId));
				log.info("Link confirmation {} from identity {}: {}", id, identityId, o);
			}
			catch (RuntimeException e) {
				log.warn("Link confirmation {} from identity {} failed", id, identityId, e);
			}
		}
	}

	/** Checks a code from an identity and links on success. */
	@Transactional
	public Outcome confirm(long confirmationId, String secret, long identityId) {
		var row = jdbc.sql("""
				select person_id, secret_hash, expires_at, failed_attempts, used_at from link_confirmations where id = ? for update""")
			.param(confirmationId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getTimestamp(5) != null))
			.optional();
		if (row.isEmpty()) return Outcome.UNKNOWN;
		Row r = row.get();
		if (r.used()) return Outcome.USED;
		if (r.failed() >= MAX_FAILED) return Outcome.LOCKED;
		if (Instant.now().isAfter(r.expiresAt())) return Outcome.EXPIRED;
		if (!MessageDigest.isEqual(hash(secret.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.US_ASCII), r.hash().getBytes(StandardCharsets.US_ASCII))) {
			jdbc.sql("update link_confirmations set failed_attempts = failed_attempts + 1 where id = ?").param(confirmationId).update();
			audit.record(null, "person.confirmation.wrong", "person", r.personId(), Map.of("confirmation", confirmationId, "attempt", r.failed() + 1));
			return r.failed() + 1 >= MAX_FAILED ? Outcome.LOCKED : Outcome.WRONG_CODE;
		}
		Long other = jdbc.sql("select person_id from identities where id = ?").param(identityId).query(Long.class).optional().orElse(null);
		if (other == null) return Outcome.UNKNOWN;
		long target = active(r.personId());
		Long mergeId = null;
		Outcome outcome = Outcome.ALREADY_LINKED;
		if (other != target) {
			try {
				mergeId = links.merge(target, other, PersonLinks.Evidence.CONFIRMED, null).id();
				outcome = Outcome.CONFIRMED;
			}
			catch (MergeRefused e) {
				audit.record(null, "person.confirmation.refused", "person", target, Map.of("confirmation", confirmationId));
				return Outcome.REFUSED;
			}
		}
		jdbc.sql("update link_confirmations set used_at = now(), confirmed_identity_id = ?, merge_id = ? where id = ?")
			.params(identityId, mergeId, confirmationId).update();
		audit.record(null, "person.confirmation.confirmed", "person", target,
				mergeId == null ? Map.of("confirmation", confirmationId, "identity", identityId)
						: Map.of("confirmation", confirmationId, "identity", identityId, "merge", mergeId));
		return outcome;
	}

	private record Row(long personId, String hash, Instant expiresAt, int failed, boolean used) {
	}

	/** The person, or the one they were merged into (following the chain). */
	private long active(long personId) {
		long id = personId;
		for (int hops = 0; hops < 100; hops++) {
			final long current = id;
			Long next = jdbc.sql("select merged_into from persons where id = ?").param(current).query((rs, n) -> {
				long v = rs.getLong(1);
				return rs.wasNull() ? -1L : v;
			}).optional().orElseThrow(() -> new PersonNotFound(current));
			if (next < 0) return id;
			id = next;
		}
		throw new MergeRefused("person " + personId + " is at the end of more than 100 merges");
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}
}
