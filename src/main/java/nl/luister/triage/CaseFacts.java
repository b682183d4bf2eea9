package nl.luister.triage;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.luister.channel.Channel;

/**
 * What triage and rules know of one case when it is opened or updated, loaded for a whole batch at once.
 * Immutable. Nullable: {@code accountRole}, {@code language}, {@code sentiment}, {@code tier}, {@code segment},
 * {@code personId}, {@code earlierCaseId}, {@code lastText}, {@code lastAt}, {@code assigneeId}.
 *
 * @param accountRole    WEBCARE or MARKETING when the case's source is an account of ours
 * @param sentiment      NEGATIVE, NEUTRAL or POSITIVE of the newest customer message
 * @param tier           the author's influence tier (1–5, 5 the most influential)
 * @param segment        the person's CRM segment
 * @param repeatCount    how many earlier cases of the same person (any channel) held a complaint within the window
 * @param earlierCaseId  the latest of those earlier cases
 * @param recentMessages messages in the case within the spread window before its newest message
 * @param recentAuthors  distinct authors of those messages
 * @param lastText       the newest customer message (title and text)
 * @param lastAt         when the newest customer message was published
 */
public record CaseFacts(long caseId, Channel channel, long sourceId, String accountRole, Set<Long> topicIds, String language,
		String sentiment, boolean complaint, boolean question, boolean praise, Integer tier, String segment, Long personId,
		int repeatCount, Long earlierCaseId, int recentMessages, int recentAuthors, String lastText, Instant lastAt,
		Long assigneeId, boolean escalated, List<String> tags) {

	public CaseFacts {
		topicIds = topicIds == null ? Set.of() : Set.copyOf(topicIds);
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	/** Whether this case is the person's second (or later) complaint within the repeat window. */
	public boolean repeatComplaint() {
		return complaint && repeatCount > 0;
	}
}
