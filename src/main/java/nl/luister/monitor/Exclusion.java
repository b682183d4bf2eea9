package nl.luister.monitor;

/**
 * One entry of an exclusion list: of one topic ({@code topicId}) or of every topic ({@code topicId} is {@code null}).
 *
 * @param value the author handle, word or phrase, or domain, as entered
 */
public record Exclusion(long id, Long topicId, ExclusionKind kind, String value) {

	/** Whether it holds for every topic of the workspace. */
	public boolean workspaceWide() {
		return topicId == null;
	}
}
