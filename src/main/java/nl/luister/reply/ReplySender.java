package nl.luister.reply;

/**
 * Sends a reply out through one kind of source (the Sender side of a channel), looked up by the source
 * {@link #type()}. Called from the outbox worker, one reply at a time per call, possibly concurrently.
 *
 * <p>Errors: throw {@link DeliveryFailed} with a reason a person can act on; {@code retryable} decides whether
 * the outbox tries again later.
 */
public interface ReplySender {

	/** The source type this sender answers through, e.g. {@code "mastodon"}. */
	String type();

	/**
	 * Delivers the reply; returns the channel's id of the sent message (or {@code null} when it has none).
	 *
	 * @throws DeliveryFailed when the channel refused or could not be reached
	 */
	String send(OutgoingReply reply);

	/** What to send and what it answers. {@code inReplyToExternalId} and {@code inReplyToUrl} may be {@code null}. */
	record OutgoingReply(long replyId, long caseId, long sourceId, String sourceSettings, String text,
			String inReplyToExternalId, String inReplyToUrl, String recipientHandle) {
	}

	/** A delivery that did not go through. */
	class DeliveryFailed extends RuntimeException {

		private final boolean retryable;

		public DeliveryFailed(String message, boolean retryable) {
			super(message);
			this.retryable = retryable;
		}

		public boolean retryable() {
			return retryable;
		}
	}
}
