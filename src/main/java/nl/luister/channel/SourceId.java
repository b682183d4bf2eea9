package nl.luister.channel;

/** The id of a configured source. */
public record SourceId(long value) {
}
