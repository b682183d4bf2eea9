package nl.luister.channel;

import java.util.List;

/**
 * What one {@link Source#fetch} returns: the items, the cursor to store with them, and the items it had
 * to skip with the reason. Never {@code null}; an empty batch keeps (or refreshes) the cursor.
 *
 * @param items   well-formed items, in source order
 * @param next    the cursor to pass to the next fetch; stored in the same transaction as the items
 * @param skipped malformed items, each with a reason a person can act on
 */
public record Batch(List<RawMention> items, String next, List<Skipped> skipped) {

	public Batch {
		items = List.copyOf(items);
		skipped = List.copyOf(skipped);
	}

	public static Batch empty(String cursor) {
		return new Batch(List.of(), cursor, List.of());
	}

	/** An item the source could not turn into a {@link RawMention}. */
	public record Skipped(String where, String reason) {
	}
}
