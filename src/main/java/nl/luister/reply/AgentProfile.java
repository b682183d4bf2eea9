package nl.luister.reply;

/**
 * How an agent replies: whether their replies wait for a team lead's approval, their full signature (for e-mail and
 * other long channels) and their initials (for short public channels, {@code ^AB}). {@code signature} and
 * {@code initials} may be {@code null}: no signature is added then, except initials derived from the name when only
 * a signature was set.
 */
public record AgentProfile(long userId, boolean trainee, String signature, String initials) {

	public AgentProfile {
		signature = signature == null || signature.isBlank() ? null : signature.strip().replace("\r\n", "\n");
		initials = initials == null || initials.isBlank() ? null : initials.strip();
		if (signature != null && signature.length() > 500) throw new IllegalArgumentException("a signature can be at most 500 characters");
		if (initials != null && (initials.length() > 8 || initials.chars().anyMatch(Character::isWhitespace))) {
			throw new IllegalArgumentException("initials are at most 8 characters without spaces, e.g. AB");
		}
	}

	/** An agent without a stored profile: no trainee, no signature. */
	public static AgentProfile none(long userId) {
		return new AgentProfile(userId, false, null, null);
	}
}
