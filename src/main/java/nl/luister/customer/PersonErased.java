package nl.luister.customer;

import java.util.List;

/**
 * A person is being erased (GDPR), published inside the erasing transaction before their identities go: every
 * module that copied their handles or messages elsewhere (rollups, alert evidence) removes its copies now, in the
 * same transaction.
 *
 * @param handles    the person's accounts, {@code channel} and {@code handle} as the mentions had them
 * @param mentionIds their messages
 */
public record PersonErased(long personId, List<Account> handles, List<Long> mentionIds) {

	/** One account of the erased person. */
	public record Account(String channel, String handle) {
	}
}
