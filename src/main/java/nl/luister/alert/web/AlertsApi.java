package nl.luister.alert.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import nl.luister.account.LuisterUser;
import nl.luister.alert.Alert;
import nl.luister.alert.AlertRule;
import nl.luister.alert.Alerts;
import nl.luister.monitor.TopicManagement;
import nl.luister.web.ApiController;

/** {@code /api/alerts} and {@code /api/topics/{id}/alert-rule}: alerts and their rules as JSON. */
@ApiController("/api")
class AlertsApi {

	private final Alerts alerts;
	private final TopicManagement topics;

	AlertsApi(Alerts alerts, TopicManagement topics) {
		this.alerts = alerts;
		this.topics = topics;
	}

	@GetMapping("/alerts")
	List<Alert> list(@RequestParam(defaultValue = "false") boolean unacknowledged, @RequestParam(defaultValue = "50") int limit) {
		int n = Math.max(1, Math.min(limit, 500));
		return unacknowledged ? alerts.unacknowledged(n) : alerts.recent(n);
	}

	@GetMapping("/alerts/{id}")
	Alert one(@PathVariable long id) {
		return alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
	}

	@PostMapping("/alerts/{id}/acknowledge")
	Alert acknowledge(@PathVariable long id, @AuthenticationPrincipal LuisterUser user) {
		if (!alerts.acknowledge(id, user.id().value())) throw new AlertNotFound(id);
		return alerts.find(id).orElseThrow(() -> new AlertNotFound(id));
	}

	/** The rule without its webhook secret. */
	@GetMapping("/topics/{id}/alert-rule")
	RuleView rule(@PathVariable long id) {
		topics.get(id);
		return RuleView.of(alerts.rule(id));
	}

	@PutMapping("/topics/{id}/alert-rule")
	RuleView save(@PathVariable long id, @RequestBody RuleBody body) {
		topics.get(id);
		AlertRule d = AlertRule.defaults(id);
		alerts.save(new AlertRule(id, body.enabled() == null || body.enabled(), body.hourWindow() == null ? d.hourWindow() : body.hourWindow(),
				body.dayWindow() == null ? d.dayWindow() : body.dayWindow(), body.minVolume() == null ? d.minVolume() : body.minVolume(),
				body.persistence() == null ? d.persistence() : body.persistence(), body.minSeverity() == null ? d.minSeverity() : body.minSeverity(),
				body.emails() == null ? List.of() : body.emails(), body.webhookUrl(), body.webhookSecret(),
				AlertController.time(body.quietFrom()), AlertController.time(body.quietTo()), AlertRule.zone(body.quietZone())));
		return RuleView.of(alerts.rule(id));
	}

	record RuleBody(Boolean enabled, Boolean hourWindow, Boolean dayWindow, Integer minVolume, Integer persistence, Integer minSeverity,
			List<String> emails, String webhookUrl, String webhookSecret, String quietFrom, String quietTo, String quietZone) {
	}

	record RuleView(long topicId, boolean enabled, boolean hourWindow, boolean dayWindow, int minVolume, int persistence, int minSeverity,
			List<String> emails, String webhookUrl, boolean webhookSigned, String quietFrom, String quietTo, String quietZone) {

		static RuleView of(AlertRule r) {
			return new RuleView(r.topicId(), r.enabled(), r.hourWindow(), r.dayWindow(), r.minVolume(), r.persistence(), r.minSeverity(),
					r.emails(), r.webhookUrl(), r.webhookSecret() != null, r.quietFrom() == null ? null : r.quietFrom().toString(),
					r.quietTo() == null ? null : r.quietTo().toString(), r.quietZone().getId());
		}
	}
}
