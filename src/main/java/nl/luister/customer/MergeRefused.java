package nl.luister.customer;

/**
 * A merge or an undo that would leave the data inconsistent: a person merged with themselves, a merge into a
 * person that was itself merged away (a loop or a chain), an undo of an undone merge. The message says what
 * to do instead; the API answers 409.
 */
public class MergeRefused extends RuntimeException {

	public MergeRefused(String message) {
		super(message);
	}
}
