package nl.luister.mention;

import java.time.Instant;

import nl.luister.channel.Channel;

/**
 * A mention as stored, with its case once it has one ({@code caseId} is {@code null} otherwise);
 * {@code addressed} when it was said to the organisation rather than overheard.
 */
public record StoredMention(long id, long sourceId, String externalId, Channel channel, String authorHandle,
		String authorName, Integer authorFollowers, String title, String text, String url, Instant publishedAt,
		String inReplyTo, Long caseId, boolean addressed) {
}
