package nl.luister.mention.web;

import java.time.Instant;

import nl.luister.mention.StoredMention;

/** A mention as the API shows it. */
public record MentionJson(long id, long sourceId, String externalId, String channel, Author author, String title,
		String text, String url, Instant publishedAt, String inReplyTo, Long caseId) {

	public record Author(String handle, String name, Integer followers) {
	}

	public static MentionJson of(StoredMention m) {
		return new MentionJson(m.id(), m.sourceId(), m.externalId(), m.channel().key(),
				new Author(m.authorHandle(), m.authorName(), m.authorFollowers()), m.title(), m.text(), m.url(),
				m.publishedAt(), m.inReplyTo(), m.caseId());
	}
}
