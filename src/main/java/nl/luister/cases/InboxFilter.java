package nl.luister.cases;

import java.util.Set;

import nl.luister.channel.Channel;

/**
 * What the inbox shows. Empty {@code statuses} means every status; {@code null} fields mean "any".
 *
 * @param unassigned only cases without an assignee (wins over {@code assigneeId})
 * @param sentiment  NEGATIVE, NEUTRAL or POSITIVE (of the newest customer message)
 * @param intent     complaint, question or praise
 * @param bySeverity escalated cases first, then by severity (highest first), then by last activity; otherwise by
 *                   last activity only
 */
public record InboxFilter(Set<CaseStatus> statuses, Long topicId, Channel channel, Long assigneeId, boolean unassigned,
		int limit, String sentiment, String intent, boolean bySeverity) {

	public static final Set<CaseStatus> OPEN_STATUSES = Set.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING);

	public InboxFilter {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		if (limit <= 0 || limit > 1000) limit = 200;
	}

	public InboxFilter(Set<CaseStatus> statuses, Long topicId, Channel channel, Long assigneeId, boolean unassigned, int limit) {
		this(statuses, topicId, channel, assigneeId, unassigned, limit, null, null);
	}

	public InboxFilter(Set<CaseStatus> statuses, Long topicId, Channel channel, Long assigneeId, boolean unassigned, int limit,
			String sentiment, String intent) {
		this(statuses, topicId, channel, assigneeId, unassigned, limit, sentiment, intent, false);
	}

	public static InboxFilter openCases() {
		return new InboxFilter(OPEN_STATUSES, null, null, null, false, 200);
	}
}
