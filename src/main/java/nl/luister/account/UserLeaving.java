package nl.luister.account;

/**
 * A user is about to be disabled or deleted. Published synchronously inside the transaction that makes the change,
 * before it is made, so listeners can still read the user's rows (routing hands their open cases back). A listener
 * that throws rolls the change back.
 *
 * @param id          the user
 * @param displayName their name as colleagues saw it, for the history of their cases
 * @param deleted     {@code true} when the user is deleted, {@code false} when disabled
 */
public record UserLeaving(UserId id, String displayName, boolean deleted) {
}
