package nl.luister.reply;

/** Delivery state of a reply: waiting in the outbox, sent, failed (with the reason), or answered on the site, or posted outside Luister by an owned account. */
public enum ReplyState {
	QUEUED, SENT, FAILED, ANSWERED_ON_SITE, POSTED_OUTSIDE
}
