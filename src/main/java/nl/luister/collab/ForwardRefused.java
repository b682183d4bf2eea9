package nl.luister.collab;

/**
 * A forward that was not made: the address is not one plain address, the note is too long, or a cap was reached
 * ({@link CollabSettings#forwardsPerCase()}, {@link CollabSettings#forwardsPerUserPerDay()}). {@code reason} names
 * the message {@code collab.forward.refused.<reason>}.
 */
public class ForwardRefused extends RuntimeException {

	/** Why; {@link #tooMany()} tells a cap from bad input. */
	public enum Reason {
		ADDRESS, NOTE, CASE_LIMIT, USER_LIMIT;

		public String key() {
			return "collab.forward.refused." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
		}
	}

	private final Reason reason;

	ForwardRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public boolean tooMany() {
		return reason == Reason.CASE_LIMIT || reason == Reason.USER_LIMIT;
	}
}
