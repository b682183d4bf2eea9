package nl.luister.channel;

/**
 * A connector that reads messages from one kind of source (an RSS feed, a mailbox, an API).
 *
 * <p>Connectors are stateless singletons looked up by {@link #type()}; everything per source lives in the
 * typed settings and the cursor, which the runner stores. {@link #fetch} is called from one virtual thread
 * per source at a time, but different sources of the same type may be fetched concurrently.
 *
 * <p>Errors: a source that cannot be reached or answers garbage throws {@link SourceUnavailable} with a
 * reason a person can act on; the runner records it, shows it and backs off. A single malformed item
 * never fails the batch: it goes to {@link Batch#skipped()}.
 *
 * @param <S> the settings record of this connector
 */
public interface Source<S> {

	/** The key this connector is registered under, e.g. {@code "rss"}. */
	String type();

	/** The settings record, bound from the stored JSON settings. */
	Class<S> settingsType();

	/** Checks that the source can be read with these settings without ingesting anything ("test connection"). */
	Probe probe(S settings);

	/**
	 * Reads what is new since {@code cursor} ({@code null} on the first fetch).
	 *
	 * @throws SourceUnavailable when the source cannot be read; the cursor is then kept
	 */
	Batch fetch(S settings, String cursor);

	/**
	 * Whether the runner polls sources of this type. Push-only connectors (webhooks) answer {@code false}: their
	 * items arrive through {@link Ingestion#ingestPushed} and their {@link #fetch} is never called by the runner.
	 */
	default boolean polled() {
		return true;
	}

	/** The outcome of a probe: ok with a short description of what was found, or the reason it failed. */
	record Probe(boolean ok, String message) {
		public static Probe ok(String message) {
			return new Probe(true, message);
		}

		public static Probe failed(String message) {
			return new Probe(false, message);
		}
	}
}
