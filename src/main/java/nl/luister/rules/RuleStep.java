package nl.luister.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.account.User;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.reply.Replies;
import nl.luister.routing.Routing;
import nl.luister.routing.Team;
import nl.luister.routing.Teams;
import nl.luister.reply.TemplateNotFound;
import nl.luister.reply.Templates;
import nl.luister.triage.CaseFacts;
import nl.luister.triage.Notifications;
import nl.luister.triage.Reason;
import nl.luister.triage.TriageStep;
import nl.luister.triage.Triaged;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the enabled rules on each triaged case and carries out their effects, logging each on the case. Field
 * effects (severity, tags, escalation, approval) change the triage outcome; notifications and acknowledgements
 * happen once per case and rule, however often the case is updated. Nothing here triggers another evaluation.
 */
@Component
@Order(100)
class RuleStep implements TriageStep {

	static final List<String> ONCE = List.of("notify", "acknowledge", "approval", "acknowledge_template");

	private final RuleStore store;
	private final CaseManagement cases;
	private final Replies replies;
	private final Users users;
	private final Notifications notifications;
	private final Teams teams;
	private final Routing routing;
	private final Templates templates;

	RuleStep(RuleStore store, CaseManagement cases, Replies replies, Users users, Notifications notifications, Teams teams, Routing routing,
			Templates templates) {
		this.teams = teams;
		this.routing = routing;
		this.templates = templates;
		this.store = store;
		this.cases = cases;
		this.replies = replies;
		this.users = users;
		this.notifications = notifications;
	}

	@Override
	public void apply(List<CaseFacts> facts, Map<Long, Triaged> outcomes) {
		List<Rule> rules = store.enabled();
		if (rules.isEmpty()) return;
		Map<Long, java.util.Optional<User>> assignees = new java.util.HashMap<>();
		Set<String> done = store.done(facts.stream().mapToLong(CaseFacts::caseId).toArray(), ONCE);
		List<RuleRun> log = new ArrayList<>();
		List<Notifications.Notice> notices = new ArrayList<>();
		Map<Long, Long> toAssign = new java.util.LinkedHashMap<>();
		Map<Long, Long> toTeam = new java.util.LinkedHashMap<>();
		Map<Long, java.util.Optional<Team>> teamsById = new java.util.HashMap<>();
		for (CaseFacts f : facts) {
			Triaged t = outcomes.get(f.caseId());
			for (RuleEngine.Effect e : RuleEngine.evaluate(rules, f)) {
				if (e.action() == RuleEngine.Action.TEAM) toTeam(e, f, log, toTeam, teamsById);
				else carryOut(e, f, t, done, log, notices, toAssign, assignees);
			}
		}
		Set<Long> teamed = routing.setTeamOfUnassigned(toTeam);
		log.removeIf(r -> r.action().equals("team") && !teamed.contains(r.caseId()));
		Map<Long, String> names = new java.util.HashMap<>();
		assignees.forEach((id, user) -> user.ifPresent(u -> names.put(id, u.displayName())));
		Set<Long> assigned = cases.assignUnassigned(toAssign, names);
		log.removeIf(r -> r.action().equals("assign") && !assigned.contains(r.caseId()));
		store.log(log);
		notifications.notifyLeads(notices);
	}

	private void carryOut(RuleEngine.Effect e, CaseFacts f, Triaged t, Set<String> done, List<RuleRun> log,
			List<Notifications.Notice> notices, Map<Long, Long> toAssign, Map<Long, java.util.Optional<User>> assignees) {
		long caseId = f.caseId();
		String action = e.action().key();
		if (ONCE.contains(action) && !done.add(caseId + "/" + e.ruleId() + "/" + action)) return;
		switch (e.action()) {
			case SEVERITY -> {
				int severity = Integer.parseInt(e.value());
				t.setSeverity(severity, new Reason("rule", 0, e.ruleName()));
				log.add(run(caseId, e, e.overrides() == null ? e.value() : e.value() + " (overrides " + e.overrides() + ")"));
			}
			case TAG -> {
				if (t.tag(e.value())) log.add(run(caseId, e, e.value()));
			}
			case ESCALATE -> {
				if (!t.escalated()) {
					t.escalate(new Reason("escalatedByRule", 0, e.ruleName()), null);
					log.add(run(caseId, e, null));
				}
			}
			case NOTIFY -> {
				notices.add(new Notifications.Notice(caseId, "rule", e.ruleName()));
				log.add(run(caseId, e, null));
			}
			case ASSIGN -> assign(e, f, log, toAssign, assignees);
			case TEAM -> throw new IllegalStateException("team effects are collected by apply");
			case APPROVAL -> {
				t.requireApproval();
				log.add(run(caseId, e, null));
			}
			case ACKNOWLEDGE, ACKNOWLEDGE_TEMPLATE -> acknowledge(e, f, log);
		}
	}

	/** Collects the assignment; users are looked up once per batch ({@code assignees}). */
	private void assign(RuleEngine.Effect e, CaseFacts f, List<RuleRun> log, Map<Long, Long> toAssign,
			Map<Long, java.util.Optional<User>> assignees) {
		long userId = Long.parseLong(e.value());
		if (f.assigneeId() != null) return;
		User user = assignees.computeIfAbsent(userId, id -> users.findById(new UserId(id))).filter(User::enabled).orElse(null);
		if (user == null) {
			log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "assign: user #" + userId + " no longer exists or is disabled", null));
			return;
		}
		toAssign.put(f.caseId(), user.id().value());
		log.add(run(f.caseId(), e, user.displayName() + (e.overrides() == null ? "" : " (overrides " + e.overrides() + ")")));
	}

	/** Collects the team assignment of a case nobody has; routing then picks the agent among the team's members. */
	private void toTeam(RuleEngine.Effect e, CaseFacts f, List<RuleRun> log, Map<Long, Long> toTeam, Map<Long, java.util.Optional<Team>> teamsById) {
		if (f.assigneeId() != null) return;
		long teamId = Long.parseLong(e.value());
		Team team = teamsById.computeIfAbsent(teamId, teams::find).orElse(null);
		if (team == null) {
			log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "team: team #" + teamId + " no longer exists", null));
			return;
		}
		toTeam.put(f.caseId(), teamId);
		log.add(run(f.caseId(), e, team.name() + (e.overrides() == null ? "" : " (overrides " + e.overrides() + ")")));
	}

	private void acknowledge(RuleEngine.Effect e, CaseFacts f, List<RuleRun> log) {
		if (!"WEBCARE".equals(f.accountRole())) {
			log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "acknowledge: the case's source is not a webcare account", null));
			return;
		}
		// checked first: an exception out of Replies.send would mark the whole batch's transaction for rollback
		if (!replies.canSend(cases.summary(f.caseId()))) {
			log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "acknowledge: this channel cannot send replies", null));
			return;
		}
		String text = e.value();
		if (e.action() == RuleEngine.Action.ACKNOWLEDGE_TEMPLATE) {
			long templateId = Long.parseLong(e.value());
			try {
				text = templates.render(templateId, f.caseId(), null);
			}
			catch (TemplateNotFound gone) {
				log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "acknowledge: template #" + templateId + " no longer exists", null));
				return;
			}
			if (text.isBlank()) {
				log.add(new RuleRun(f.caseId(), e.ruleId(), e.ruleName(), "skipped", "acknowledge: template #" + templateId + " renders empty", null));
				return;
			}
		}
		replies.send(f.caseId(), text, null);
		log.add(run(f.caseId(), e, e.action() == RuleEngine.Action.ACKNOWLEDGE_TEMPLATE ? templateName(e.value()) : null));
	}

	private String templateName(String id) {
		return templates.find(Long.parseLong(id)).map(t -> t.name()).orElse("#" + id);
	}

	private static RuleRun run(long caseId, RuleEngine.Effect e, String detail) {
		return new RuleRun(caseId, e.ruleId(), e.ruleName(), e.action().key(), detail, null);
	}
}
