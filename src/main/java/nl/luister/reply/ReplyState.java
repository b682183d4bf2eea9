package nl.luister.reply;

/**
 * Delivery state of a reply: waiting in the outbox, sent, failed (with the reason), answered on the site, posted
 * outside Luister by an owned account, cancelled by an agent after it failed (never sent), waiting for a team
 * lead's approval, or returned by the approver with a note. Only {@link #QUEUED} replies are ever delivered.
 */
public enum ReplyState {
	QUEUED, SENT, FAILED, ANSWERED_ON_SITE, POSTED_OUTSIDE, CANCELLED, AWAITING_APPROVAL, RETURNED
}
