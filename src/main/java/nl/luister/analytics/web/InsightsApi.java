package nl.luister.analytics.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import nl.luister.analytics.TopicInsights;
import nl.luister.monitor.TopicManagement;
import nl.luister.web.ApiController;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /api/topics/{id}/where} and {@code /api/share-of-voice}: the insights as JSON. */
@ApiController("/api")
class InsightsApi {

	private final TopicInsights insights;
	private final TopicManagement topics;

	InsightsApi(TopicInsights insights, TopicManagement topics) {
		this.insights = insights;
		this.topics = topics;
	}

	@GetMapping("/topics/{id}/where")
	TopicInsights.Where where(@PathVariable long id, @RequestParam(defaultValue = "30") int days,
			@RequestParam(defaultValue = "10") int limit) {
		topics.get(id);
		Instant to = Instant.now();
		return insights.where(id, to.minus(Duration.ofDays(days(days))), to, Math.max(1, Math.min(limit, 100)));
	}

	/** {@code topics} is a comma-separated list of topic ids. */
	@GetMapping("/share-of-voice")
	List<TopicInsights.Count> shareOfVoice(@RequestParam List<Long> topics, @RequestParam(defaultValue = "30") int days) {
		Instant to = Instant.now();
		return insights.shareOfVoice(topics, to.minus(Duration.ofDays(days(days))), to);
	}

	private static int days(int days) {
		if (days < 1 || days > 3660) throw new IllegalArgumentException("days must be between 1 and 3660");
		return days;
	}
}
