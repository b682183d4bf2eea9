package nl.luister.reply;

/** The source of this case cannot send replies: the agent answers on the site and marks the case answered. */
public class RepliesNotSupported extends RuntimeException {

	public RepliesNotSupported(String sourceType, String url) {
		super("sources of type '" + sourceType + "' cannot send replies; answer on the site"
				+ (url == null ? "" : " (" + url + ")") + " and mark the case answered there");
	}
}
