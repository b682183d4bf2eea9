package nl.luister.cases;

import java.time.Instant;

import nl.luister.channel.Channel;

/**
 * One row of the inbox. {@code topic}, {@code assignee}, the author fields and {@code sentiment} (NEGATIVE, NEUTRAL,
 * POSITIVE of the newest customer message) may be {@code null}; the intents hold when any message has them.
 */
public record CaseSummary(long id, CaseStatus status, Channel channel, String authorHandle, String authorName,
		String snippet, Long topicId, String topic, Long assigneeId, String assignee, int mentionCount, Instant openedAt,
		Instant lastActivityAt, long sourceId, String sourceType, String sentiment, boolean complaint, boolean question,
		boolean praise) {

	/** The author as shown: the name, else the handle, else "unknown". */
	public String author() {
		if (authorName != null && !authorName.isBlank()) return authorName;
		return authorHandle != null ? authorHandle : "unknown";
	}
}
