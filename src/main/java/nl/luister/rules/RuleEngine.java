package nl.luister.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.luister.triage.CaseFacts;

/**
 * Decides what the rules do to one case, without doing it: the matching rules' actions in rule order. Pure and
 * thread-safe. Conflicts: on a field one value wins (severity, assignee, team), the later rule wins and its effect names
 * the rule it overrides; tags, escalation, notification, approval and acknowledgements add up.
 */
public final class RuleEngine {

	private RuleEngine() {
	}

	/** What a rule does: {@code value} is the severity, tag, user id, team id or text; {@code overrides} the rule it beat, or {@code null}. */
	public record Effect(long ruleId, String ruleName, Action action, String value, String overrides) {
	}

	public enum Action {
		SEVERITY, TAG, ESCALATE, NOTIFY, ASSIGN, TEAM, APPROVAL, ACKNOWLEDGE,
		/** An acknowledgement from a reply template: {@code value} is the template id. */
		ACKNOWLEDGE_TEMPLATE;

		public String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The effects of the rules (in their order; disabled ones are the caller's business) on the case. */
	public static List<Effect> evaluate(List<Rule> rules, CaseFacts facts) {
		List<Effect> effects = new ArrayList<>();
		Map<Action, Effect> winners = null;
		for (Rule rule : rules) {
			if (!rule.when().matches(facts)) continue;
			RuleActions a = rule.then();
			if (winners == null) winners = new HashMap<>(4);
			if (a.severity() != null) effects.add(single(winners, rule, Action.SEVERITY, a.severity().toString()));
			for (String tag : a.tags()) effects.add(new Effect(rule.id(), rule.name(), Action.TAG, tag, null));
			if (a.escalate()) effects.add(new Effect(rule.id(), rule.name(), Action.ESCALATE, null, null));
			if (a.notifyLead()) effects.add(new Effect(rule.id(), rule.name(), Action.NOTIFY, null, null));
			if (a.assignTo() != null) effects.add(single(winners, rule, Action.ASSIGN, a.assignTo().toString()));
			if (a.assignToTeam() != null) effects.add(single(winners, rule, Action.TEAM, a.assignToTeam().toString()));
			if (a.requireApproval()) effects.add(new Effect(rule.id(), rule.name(), Action.APPROVAL, null, null));
			if (a.acknowledgement() != null) effects.add(new Effect(rule.id(), rule.name(), Action.ACKNOWLEDGE, a.acknowledgement(), null));
			if (a.acknowledgementTemplate() != null) {
				effects.add(new Effect(rule.id(), rule.name(), Action.ACKNOWLEDGE_TEMPLATE, a.acknowledgementTemplate().toString(), null));
			}
		}
		if (winners == null) return effects;
		// only the last effect on a single-valued field is carried out
		List<Effect> result = new ArrayList<>(effects.size());
		for (Effect e : effects) {
			if ((e.action() == Action.SEVERITY || e.action() == Action.ASSIGN || e.action() == Action.TEAM) && winners.get(e.action()) != e) continue;
			result.add(e);
		}
		return result;
	}

	private static Effect single(Map<Action, Effect> winners, Rule rule, Action action, String value) {
		Effect earlier = winners.get(action);
		Effect e = new Effect(rule.id(), rule.name(), action, value, earlier == null ? null : earlier.ruleName() + ": " + earlier.value());
		winners.put(action, e);
		return e;
	}
}
