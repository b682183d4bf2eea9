package nl.luister.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.luister.analytics.dashboard.Dashboards;
import nl.luister.analytics.dashboard.Series;

/**
 * What one week looked like for a brand (or the whole workspace, {@code brandId} null): volume and sentiment per day
 * with the week before for comparison, the topics with their top themes, the alerts raised and the webcare figures.
 * An empty week is a valid report: every figure zero, lists empty.
 */
public record WeeklyReport(Long brandId, String brandName, LocalDate weekStart, LocalDate weekEnd, long mentions, long negative,
		long positive, long previousMentions, Series days, List<TopicLine> topics, List<AlertLine> alerts, Dashboards.ChannelFigures webcare,
		nl.luister.sla.SlaFigures.ChannelSla sla) {

	/** One topic of the week: its mentions and up to three themes. */
	public record TopicLine(String name, long mentions, List<String> themes) {
	}

	/** One alert of the week. */
	public record AlertLine(Instant at, String kind, String topic, int severity) {
	}

	/** Change against the week before, in percent; NaN when the week before was empty. */
	public double change() {
		return previousMentions == 0 ? Double.NaN : 100.0 * (mentions - previousMentions) / previousMentions;
	}

	public double negativeShare() {
		return mentions == 0 ? 0 : (double) negative / mentions;
	}

	public double positiveShare() {
		return mentions == 0 ? 0 : (double) positive / mentions;
	}
}
