package nl.luister.monitor.web;

import nl.luister.account.CurrentUser;
import nl.luister.monitor.ExclusionKind;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.backfill.BackfillJob;
import nl.luister.monitor.backfill.Backfills;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The noise controls of the topic pages: backfills (start, progress polled by htmx, cancel) and the exclusion lists
 * of a topic and of the workspace.
 */
@Controller
class NoiseTopicController {

	private final Backfills backfills;

	private final TopicExclusions exclusions;

	private final TopicManagement topics;

	private final CurrentUser currentUser;

	NoiseTopicController(Backfills backfills, TopicExclusions exclusions, TopicManagement topics, CurrentUser currentUser) {
		this.backfills = backfills;
		this.exclusions = exclusions;
		this.topics = topics;
		this.currentUser = currentUser;
	}

	@PostMapping("/topics/{id}/backfill")
	String startBackfill(@PathVariable long id, @RequestParam(defaultValue = "30") String days,
			@RequestParam(defaultValue = "false") boolean openCases, Authentication auth, Model model) {
		int n;
		try {
			n = Integer.parseInt(days.strip());
			model.addAttribute("job", backfills.start(id, n, openCases, currentUser.of(auth).id().value()));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("job", backfills.latestOf(id).orElse(null));
			model.addAttribute("backfillError", "noise.backfill.days.invalid");
		}
		return "noise/topic :: job";
	}

	@GetMapping("/backfills/{id}")
	String backfill(@PathVariable long id, Model model) {
		model.addAttribute("job", find(id));
		return "noise/topic :: job";
	}

	@PostMapping("/backfills/{id}/cancel")
	String cancel(@PathVariable long id, Model model) {
		find(id);
		backfills.cancel(id);
		model.addAttribute("job", find(id));
		return "noise/topic :: job";
	}

	@PostMapping("/topics/{id}/exclusions")
	String addToTopic(@PathVariable long id, @RequestParam String kind, @RequestParam(defaultValue = "") String value,
			RedirectAttributes redirect) {
		topics.get(id);
		add(id, kind, value, redirect);
		return "redirect:/topics/" + id + "/edit";
	}

	@PostMapping("/exclusions")
	String addToWorkspace(@RequestParam String kind, @RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
		add(null, kind, value, redirect);
		return "redirect:/topics";
	}

	@PostMapping("/exclusions/{id}/delete")
	String remove(@PathVariable long id, @RequestParam(required = false) Long topic, RedirectAttributes redirect) {
		exclusions.remove(id);
		redirect.addFlashAttribute("flash", "noise.exclusions.removed");
		return topic == null ? "redirect:/topics" : "redirect:/topics/" + topic + "/edit";
	}

	private void add(Long topicId, String kind, String value, RedirectAttributes redirect) {
		try {
			exclusions.add(topicId, ExclusionKind.parse(kind), value);
			redirect.addFlashAttribute("flash", "noise.exclusions.added");
			redirect.addFlashAttribute("flashArgument", value.strip());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("exclusionError", ex.getMessage());
		}
	}

	private BackfillJob find(long id) {
		return backfills.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no backfill " + id));
	}
}
