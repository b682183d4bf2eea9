package nl.luister.cases;

/**
 * An agent added an internal note to a case; published inside the transaction that stored it, so listeners that
 * write (e.g. notifications for @mentions) commit or roll back with the note. {@code authorId} may be {@code null}
 * (Luister itself); {@code text} is the stored, stripped text.
 */
public record NoteAdded(long caseId, long noteId, Long authorId, String text) {
}
