package nl.luister.rules.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import nl.luister.account.LuisterUser;
import nl.luister.rules.Rule;
import nl.luister.rules.RuleActions;
import nl.luister.rules.RuleConditions;
import nl.luister.rules.RuleEngine;
import nl.luister.rules.RuleManagement;
import nl.luister.rules.RuleRun;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/rules}: list, create, change, delete, switch, order and try rules (team leads and admins; reading
 * is open to every user), and {@code /api/cases/{id}/rule-log}. An invalid rule answers 400.
 */
@ApiController
class RulesApi {

	private final RuleManagement rules;

	RulesApi(RuleManagement rules) {
		this.rules = rules;
	}

	@GetMapping("/api/rules")
	List<RuleJson> list() {
		return rules.all().stream().map(RuleJson::of).toList();
	}

	@GetMapping("/api/rules/{id}")
	RuleJson get(@PathVariable long id) {
		return RuleJson.of(rules.get(id));
	}

	@PostMapping("/api/rules")
	ResponseEntity<RuleJson> create(@RequestBody NewRule body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		Rule r = rules.create(body.name(), conditions(body), actions(body), me.id().value());
		if (Boolean.TRUE.equals(body.enabled())) r = rules.setEnabled(r.id(), true);
		return ResponseEntity.created(URI.create("/api/rules/" + r.id())).body(RuleJson.of(r));
	}

	@PutMapping("/api/rules/{id}")
	RuleJson update(@PathVariable long id, @RequestBody NewRule body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		Rule r = rules.update(id, body.name(), conditions(body), actions(body));
		if (body.enabled() != null) r = rules.setEnabled(id, body.enabled());
		return RuleJson.of(r);
	}

	@DeleteMapping("/api/rules/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		rules.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/rules/{id}/enabled")
	RuleJson enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		return RuleJson.of(rules.setEnabled(id, enabled));
	}

	@PutMapping("/api/rules/order")
	List<RuleJson> order(@RequestBody List<Long> ids, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		return rules.reorder(ids).stream().map(RuleJson::of).toList();
	}

	@PostMapping("/api/rules/try")
	TrialJson tryRule(@RequestBody NewRule body, @RequestParam(defaultValue = "50") int limit) {
		var run = rules.tryRule(body.name(), conditions(body), actions(body), limit);
		return new TrialJson(run.examined(), run.matched().stream()
			.map(t -> new TrialCaseJson(t.caseId(), t.author(), t.snippet(), t.effects())).toList());
	}

	@GetMapping("/api/cases/{id}/rule-log")
	List<RuleRun> log(@PathVariable long id) {
		return rules.logOf(id);
	}

	private static void lead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("rules are changed by team leads");
	}

	private static RuleConditions conditions(NewRule body) {
		return body.when() == null ? RuleConditions.any() : body.when();
	}

	private static RuleActions actions(NewRule body) {
		return body.then() == null ? new RuleActions(null, null, false, false, null, false, null) : body.then();
	}

	/** A rule as posted: {@code when} and {@code then} as in {@link RuleJson}; {@code enabled} optional (new rules start off). */
	record NewRule(String name, RuleConditions when, RuleActions then, Boolean enabled) {
	}

	record RuleJson(long id, String name, int position, boolean enabled, RuleConditions when, RuleActions then, Instant updatedAt) {
		static RuleJson of(Rule r) {
			return new RuleJson(r.id(), r.name(), r.position(), r.enabled(), r.when(), r.then(), r.updatedAt());
		}
	}

	record TrialJson(int examined, List<TrialCaseJson> matched) {
	}

	record TrialCaseJson(long caseId, String author, String snippet, List<RuleEngine.Effect> effects) {
	}
}
