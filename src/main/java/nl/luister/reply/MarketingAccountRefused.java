package nl.luister.reply;

/** Replies never go out from a marketing account: the rules of engagement keep customer care on webcare accounts. */
public class MarketingAccountRefused extends RuntimeException {

	public MarketingAccountRefused() {
		super("this case came in on a marketing account; replies go out only from a webcare account — connect the "
				+ "webcare account of this channel as a source and answer from there");
	}
}
