package nl.luister.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert: a spike of a topic in a window (an episode, open until the spike is over) or an early warning about one
 * mention (an influential angry customer, a conversation spreading fast).
 *
 * @param topicId   the topic, or {@code null} for an early warning about a mention no topic matched
 * @param window    {@code hour} or {@code day} for spikes, {@code null} for early warnings
 * @param summary   the figures and the examples behind it (count, expected, ratio, negativeShare, topMentions, topAuthors…)
 */
public record Alert(long id, Long topicId, String topicName, Kind kind, String window, Long mentionId, int severity,
		Map<String, Object> summary, Instant startedAt, Instant updatedAt, Instant clearedAt, Instant acknowledgedAt) {

	/** What was seen. */
	public enum Kind {
		VOLUME, NEGATIVE, VOLUME_NEGATIVE, INFLUENTIAL, SPREADING;

		/** The message key of its name. */
		public String key() {
			return "alerts.kind." + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public boolean open() {
		return clearedAt == null;
	}

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}

	/** A figure of the summary as a number, 0 when absent. */
	public double figure(String name) {
		return summary.get(name) instanceof Number n ? n.doubleValue() : 0;
	}
}
