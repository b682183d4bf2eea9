package nl.luister.log;

import nl.luister.channel.RawMention;

/** A raw mention waiting in the log, with the source it came from. */
public record LoggedMention(long logId, long sourceId, RawMention mention) {
}
