package nl.luister.analytics.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.luister.analytics.TopicInsights;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The insights page: where people talk about a topic, and share of voice between topics, for a period. */
@Controller
class InsightsController {

	static final List<Integer> PERIODS = List.of(1, 7, 30, 90, 365);

	private final TopicInsights insights;
	private final TopicManagement topics;

	InsightsController(TopicInsights insights, TopicManagement topics) {
		this.insights = insights;
		this.topics = topics;
	}

	@GetMapping("/insights")
	String insights(@RequestParam(required = false) Long topic, @RequestParam(defaultValue = "30") int days,
			@RequestParam(required = false) List<Long> compare, Model model) {
		int period = PERIODS.contains(days) ? days : 30;
		List<Topic> all = topics.all();
		Instant to = Instant.now();
		Instant from = to.minus(Duration.ofDays(period));
		Topic selected = all.stream().filter(t -> topic != null && t.id() == topic).findFirst().orElse(all.isEmpty() ? null : all.getFirst());
		List<Long> compared = compare == null || compare.isEmpty() ? all.stream().map(Topic::id).toList()
				: compare.stream().filter(id -> all.stream().anyMatch(t -> t.id() == id)).toList();
		model.addAttribute("topics", all);
		model.addAttribute("selected", selected);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("compared", Set.copyOf(compared));
		model.addAttribute("where", selected == null ? null : insights.where(selected.id(), from, to, 10));
		model.addAttribute("share", insights.shareOfVoice(compared, from, to));
		return "insights/insights";
	}
}
