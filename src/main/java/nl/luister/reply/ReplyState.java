package nl.luister.reply;

/**
 * Delivery state of a reply: waiting in the outbox, sent, failed (with the reason), answered on the site, posted
 * outside Luister by an owned account, or cancelled by an agent after it failed (never sent).
 */
public enum ReplyState {
	QUEUED, SENT, FAILED, ANSWERED_ON_SITE, POSTED_OUTSIDE, CANCELLED
}
