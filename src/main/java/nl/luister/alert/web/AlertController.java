package nl.luister.alert.web;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.luister.account.LuisterUser;
import nl.luister.alert.Alert;
import nl.luister.alert.AlertRule;
import nl.luister.alert.Alerts;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;

/** The alerts page, one alert with its evidence and deliveries, acknowledging, and a topic's alert rule. */
@Controller
class AlertController {

	private final Alerts alerts;
	private final TopicManagement topics;

	AlertController(Alerts alerts, TopicManagement topics) {
		this.alerts = alerts;
		this.topics = topics;
	}

	@GetMapping("/alerts")
	String list(Model model) {
		model.addAttribute("alerts", alerts.recent(200));
		return "alert/alerts";
	}

	@GetMapping("/alerts/{id}")
	String show(@PathVariable long id, Model model) {
		Alert alert = alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
		model.addAttribute("alert", alert);
		model.addAttribute("deliveries", alerts.deliveries(id));
		return "alert/alert";
	}

	@PostMapping("/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @AuthenticationPrincipal LuisterUser user, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		if (!alerts.acknowledge(id, user.id().value())) throw new AlertNotFound(id);
		redirect.addFlashAttribute("flash", "alerts.acknowledged");
		// only a path of this site: never an address elsewhere
		return "redirect:" + (back != null && back.matches("/[A-Za-z0-9/_?=&.-]*") && !back.startsWith("//") ? back : "/alerts/" + id);
	}

	@GetMapping("/topics/{id}/alerts")
	String rule(@PathVariable long id, Model model) {
		Topic topic = topics.get(id);
		model.addAttribute("topic", topic);
		model.addAttribute("rule", alerts.rule(id));
		return "alert/rule";
	}

	@PostMapping("/topics/{id}/alerts")
	String saveRule(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "false") boolean hourWindow, @RequestParam(defaultValue = "false") boolean dayWindow,
			@RequestParam(defaultValue = "10") int minVolume, @RequestParam(defaultValue = "2") int persistence,
			@RequestParam(defaultValue = "1") int minSeverity, @RequestParam(defaultValue = "") String emails,
			@RequestParam(defaultValue = "") String webhookUrl, @RequestParam(defaultValue = "") String webhookSecret,
			@RequestParam(defaultValue = "") String quietFrom, @RequestParam(defaultValue = "") String quietTo,
			@RequestParam(defaultValue = "Europe/Amsterdam") String quietZone, Model model, RedirectAttributes redirect) {
		Topic topic = topics.get(id);
		List<String> errors = new ArrayList<>();
		LocalTime from = time(quietFrom, errors);
		LocalTime to = time(quietTo, errors);
		ZoneId zone = AlertRule.zone("Europe/Amsterdam");
		try {
			zone = AlertRule.zone(quietZone);
		}
		catch (IllegalArgumentException e) {
			errors.add(e.getMessage());
		}
		AlertRule rule = new AlertRule(id, enabled, hourWindow, dayWindow, minVolume, persistence, minSeverity, split(emails),
				webhookUrl.isBlank() ? null : webhookUrl.strip(), webhookSecret.isBlank() ? null : webhookSecret.strip(), from, to, zone);
		errors.addAll(rule.problems());
		if (!errors.isEmpty()) {
			// the form comes back with what was typed, and every problem named
			model.addAttribute("topic", topic);
			model.addAttribute("rule", rule);
			model.addAttribute("error", String.join("; ", errors));
			return "alert/rule";
		}
		alerts.save(rule);
		redirect.addFlashAttribute("flash", "alerts.rule.saved");
		return "redirect:/topics/" + id + "/alerts";
	}

	static List<String> split(String emails) {
		return Arrays.stream(emails.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static LocalTime time(String value, List<String> errors) {
		try {
			return time(value);
		}
		catch (IllegalArgumentException e) {
			errors.add(e.getMessage());
			return null;
		}
	}

	static LocalTime time(String value) {
		if (value == null || value.isBlank()) return null;
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + value + "' is not a time of day (e.g. 22:00)");
		}
	}
}
