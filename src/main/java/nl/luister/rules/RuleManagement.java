package nl.luister.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.routing.Teams;
import nl.luister.triage.CaseFacts;
import nl.luister.triage.Triage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, orders, switches and tries rules. New rules start switched off, so a lead tries them against
 * recent cases first. Changes apply from the next batch the pipeline processes. Thread-safe; each method is one
 * transaction. Invalid rules are refused with {@link InvalidRule}, unknown ids with {@link RuleNotFound}.
 */
@Service
public class RuleManagement {

	/** How many recent cases a rule may be tried on at most. */
	public static final int MAX_TRY = 500;

	private final RuleStore store;
	private final Users users;
	private final Teams teams;
	private final Triage triage;

	RuleManagement(RuleStore store, Users users, Teams teams, Triage triage) {
		this.store = store;
		this.users = users;
		this.teams = teams;
		this.triage = triage;
	}

	/** All rules in the order they run. */
	public List<Rule> all() {
		return store.all();
	}

	public Rule get(long id) {
		return store.find(id).orElseThrow(() -> new RuleNotFound(id));
	}

	@Transactional
	public Rule create(String name, RuleConditions when, RuleActions then, Long createdBy) {
		String n = validate(name, then);
		return get(store.insert(n, when, then, false, createdBy));
	}

	@Transactional
	public Rule update(long id, String name, RuleConditions when, RuleActions then) {
		String n = validate(name, then);
		if (!store.update(id, n, when, then)) throw new RuleNotFound(id);
		return get(id);
	}

	@Transactional
	public Rule setEnabled(long id, boolean enabled) {
		if (!store.setEnabled(id, enabled)) throw new RuleNotFound(id);
		return get(id);
	}

	@Transactional
	public void delete(long id) {
		if (!store.delete(id)) throw new RuleNotFound(id);
	}

	/** Moves a rule one place earlier ({@code by} = -1) or later (+1) in the run order; at the ends nothing changes. */
	@Transactional
	public List<Rule> move(long id, int by) {
		List<Long> ids = new ArrayList<>(store.all().stream().map(Rule::id).toList());
		int at = ids.indexOf(id);
		if (at < 0) throw new RuleNotFound(id);
		int to = Math.max(0, Math.min(ids.size() - 1, at + Integer.signum(by)));
		ids.add(to, ids.remove(at));
		store.reorder(ids);
		return store.all();
	}

	/** Sets the run order: {@code ids} must name every rule once. */
	@Transactional
	public List<Rule> reorder(List<Long> ids) {
		List<Long> current = store.all().stream().map(Rule::id).sorted().toList();
		if (!ids.stream().sorted().toList().equals(current)) throw new InvalidRule("order", "rules.error.order");
		store.reorder(ids);
		return store.all();
	}

	/** What the rule was and would be applied to one case: {@code author}, {@code snippet} are the case's, untrusted. */
	public record Trial(long caseId, String author, String snippet, String channel, List<RuleEngine.Effect> effects) {
	}

	/** The outcome of trying a rule: how many recent cases were examined and the ones it matched, newest first. */
	public record TrialRun(int examined, List<Trial> matched) {
	}

	/**
	 * Tries a rule (saved or not, on or off) against the newest {@code limit} cases without changing anything: which
	 * would match and what the rule would do to each (on its own, ignoring the other rules).
	 */
	@Transactional(readOnly = true)
	public TrialRun tryRule(String name, RuleConditions when, RuleActions then, int limit) {
		int n = Math.max(1, Math.min(MAX_TRY, limit));
		Rule draft = new Rule(0, name == null || name.isBlank() ? "(draft)" : name.strip(), 0, true, when, then, null);
		List<CaseFacts> facts = triage.recentFacts(n);
		List<Trial> matched = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		List<List<RuleEngine.Effect>> effects = new ArrayList<>();
		for (CaseFacts f : facts) {
			if (!when.matches(f)) continue;
			ids.add(f.caseId());
			effects.add(RuleEngine.evaluate(List.of(draft), f));
		}
		Map<Long, String[]> labels = store.labels(ids);
		for (int i = 0; i < ids.size(); i++) {
			String[] l = labels.getOrDefault(ids.get(i), new String[] { "?", "", null });
			matched.add(new Trial(ids.get(i), l[0], l[1], l[2], effects.get(i)));
		}
		matched.sort(java.util.Comparator.comparing(Trial::caseId).reversed());
		return new TrialRun(facts.size(), matched);
	}

	/** The rule log of a case, oldest first. */
	public List<RuleRun> logOf(long caseId) {
		return store.runsOf(caseId);
	}

	private String validate(String name, RuleActions then) {
		if (name == null || name.isBlank()) throw new InvalidRule("name", "rules.error.name");
		String n = name.strip();
		if (n.length() > 100) throw new InvalidRule("name", "rules.error.nameLong");
		if (!then.any()) throw new InvalidRule("actions", "rules.error.noAction");
		if (then.assignTo() != null && users.findById(new UserId(then.assignTo())).isEmpty()) {
			throw new InvalidRule("assignTo", "rules.error.assignee");
		}
		if (then.assignToTeam() != null && teams.find(then.assignToTeam()).isEmpty()) {
			throw new InvalidRule("assignToTeam", "rules.error.team");
		}
		return n;
	}
}
