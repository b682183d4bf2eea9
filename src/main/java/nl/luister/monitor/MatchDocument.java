package nl.luister.monitor;

/**
 * The parts of a mention a topic query looks at. Plain text; any field but {@code text} may be {@code null}.
 */
public record MatchDocument(String title, String text, String authorHandle, String channel) {
}
