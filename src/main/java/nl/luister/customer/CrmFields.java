package nl.luister.customer;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agent edits on a person. Blank strings are stored as {@code null}; {@code tags} are trimmed,
 * deduplicated and never {@code null}. {@code email} is the CRM's e-mail address: an e-mail identity with
 * that address is evidence that it belongs to this person.
 */
public record CrmFields(String displayName, String customerNumber, String email, String segment, BigDecimal value,
		String contactChannel, String contactTimes, List<String> tags) {

	public CrmFields {
		displayName = blankToNull(displayName, 200);
		customerNumber = blankToNull(customerNumber, 100);
		email = blankToNull(email, 320);
		segment = blankToNull(segment, 100);
		contactChannel = blankToNull(contactChannel, 50);
		contactTimes = blankToNull(contactTimes, 200);
		tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().limit(50).toList();
		if (email != null && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace)))
			throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
		if (value != null && value.abs().compareTo(new BigDecimal("1000000000000")) >= 0)
			throw new IllegalArgumentException("value must be below 1,000,000,000,000");
	}

	private static String blankToNull(String s, int max) {
		if (s == null || s.isBlank()) return null;
		s = s.strip();
		if (s.length() > max) throw new IllegalArgumentException("a field is longer than " + max + " characters");
		return s;
	}
}
