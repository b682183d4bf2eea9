package nl.luister.reply;

/** The reply is not in the state this step needs (approve or send back: awaiting approval; resubmit: returned). */
public class ReplyNotReviewable extends IllegalArgumentException {

	public ReplyNotReviewable(long replyId, String needed) {
		super("reply " + replyId + " is not " + needed);
	}
}
