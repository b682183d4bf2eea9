package nl.luister.cases;

import java.util.Map;

import nl.luister.channel.Channel;

/**
 * How many cases each inbox view, channel and topic holds, for the counters beside the views.
 *
 * @param allOpen    new, open and pending cases
 * @param mine       open cases assigned to the asking user
 * @param unassigned open cases without an assignee
 * @param byStatus   cases per status (every status present, zero when empty)
 * @param byChannel  open cases per channel; channels without cases are absent
 * @param byTopic    open cases per topic id (a case counts for each topic one of its mentions matched)
 */
public record InboxCounts(int allOpen, int mine, int unassigned, Map<CaseStatus, Integer> byStatus,
		Map<Channel, Integer> byChannel, Map<Long, Integer> byTopic) {

	public InboxCounts {
		byStatus = Map.copyOf(byStatus);
		byChannel = Map.copyOf(byChannel);
		byTopic = Map.copyOf(byTopic);
	}

	public int status(CaseStatus status) {
		return byStatus.getOrDefault(status, 0);
	}

	public int channel(Channel channel) {
		return byChannel.getOrDefault(channel, 0);
	}

	public int topic(long topicId) {
		return byTopic.getOrDefault(topicId, 0);
	}
}
