package nl.luister.monitor;

/**
 * The parts of a mention a topic query looks at. Plain text; any field but {@code text} may be {@code null}
 * ({@code language} stays {@code null} until language detection lands). Hashtags and @mentions are taken from
 * the title and text.
 *
 * @param channel    the channel key, e.g. {@code twitter}
 * @param sourceKey  the key of the source that delivered the mention
 * @param language   an ISO 639-1 code such as {@code nl}, or {@code null} when unknown
 * @param followers  the author's follower count, or {@code null} when the channel does not say
 */
public record MatchDocument(String title, String text, String authorHandle, String channel, String url,
		String sourceKey, String language, Integer followers) {

	/** A document with only the text fields, author and channel. */
	public MatchDocument(String title, String text, String authorHandle, String channel) {
		this(title, text, authorHandle, channel, null, null, null, null);
	}

}
