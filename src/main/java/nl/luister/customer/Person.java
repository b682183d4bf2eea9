package nl.luister.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The human behind one or more identities, with the CRM fields an agent keeps. Every field but {@code id},
 * {@code tags} and {@code createdAt} may be {@code null}; {@code mergedInto} names the person this one was
 * merged into (it then has no identities left); {@code tier} is {@code null} until the first computation.
 */
public record Person(long id, String displayName, String customerNumber, String email, String segment, BigDecimal value,
		String contactChannel, String contactTimes, List<String> tags, Instant createdAt, Long mergedInto, Integer tier,
		TierBasis tierBasis) {

	/** The name as shown: the display name, else "person {id}". */
	public String name() {
		return displayName != null && !displayName.isBlank() ? displayName : "person " + id;
	}
}
