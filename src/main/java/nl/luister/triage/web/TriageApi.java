package nl.luister.triage.web;

import java.util.List;

import nl.luister.cases.CaseNotFound;
import nl.luister.triage.CaseTriage;
import nl.luister.triage.Notifications;
import nl.luister.triage.Triage;
import nl.luister.account.LuisterUser;
import nl.luister.web.ApiController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /api/cases/{id}/triage}: a case's severity, reasons, recommendation and escalation; {@code /api/notifications}. */
@ApiController
class TriageApi {

	private final Triage triage;
	private final Notifications notifications;

	TriageApi(Triage triage, Notifications notifications) {
		this.triage = triage;
		this.notifications = notifications;
	}

	@GetMapping("/api/cases/{id}/triage")
	CaseTriage get(@PathVariable long id) {
		return triage.of(id).orElseThrow(() -> new CaseNotFound(id));
	}

	@GetMapping("/api/notifications")
	List<Notifications.Notification> notifications(@AuthenticationPrincipal LuisterUser me) {
		return notifications.recent(me.id().value(), 100);
	}
}
