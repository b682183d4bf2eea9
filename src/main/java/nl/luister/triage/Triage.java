package nl.luister.triage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.luister.cases.CaseManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triages cases when the pipeline opens or updates them: loads their facts in one statement, scores each
 * ({@link SeverityScoring}), escalates repeat complaints, runs the {@link TriageStep}s (the rules) in order,
 * recommends a response and stores it all on the cases; team leads are notified of each new escalation.
 * Joins the caller's transaction (the pipeline's batch). Only the pipeline calls {@link #caseTouched}: what steps
 * do to a case never leads to another evaluation, so rules cannot loop.
 */
@Service
public class Triage {

	private final TriageStore store;
	private final TriageProperties properties;
	private final SeverityScoring scoring;
	private final List<TriageStep> steps;
	private final Notifications notifications;
	private final CaseManagement cases;

	Triage(TriageStore store, TriageProperties properties, List<TriageStep> steps, Notifications notifications, CaseManagement cases) {
		this.store = store;
		this.properties = properties;
		this.scoring = new SeverityScoring(properties.spreadWindow(), properties.vipSegments());
		this.steps = List.copyOf(steps);
		this.notifications = notifications;
		this.cases = cases;
	}

	/** Triages cases that were just opened or got a new message. */
	@Transactional
	public void caseTouched(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) return;
		List<CaseFacts> facts = facts(caseIds);
		Map<Long, Triaged> outcomes = new LinkedHashMap<>();
		for (CaseFacts f : facts) outcomes.put(f.caseId(), scoring.score(f));
		for (TriageStep step : steps) step.apply(facts, outcomes);
		for (CaseFacts f : facts) {
			Triaged t = outcomes.get(f.caseId());
			t.recommend(scoring.recommend(f, t));
		}
		store.save(outcomes.values());
		Map<Long, String> escalations = new LinkedHashMap<>();
		List<Notifications.Notice> notices = new java.util.ArrayList<>();
		for (CaseFacts f : facts) {
			Triaged t = outcomes.get(f.caseId());
			if (!t.newlyEscalated()) continue;
			String kind = t.escalatedFrom() != null && f.repeatComplaint() ? "repeat" : "escalated";
			String detail = kind.equals("repeat") ? "#" + t.escalatedFrom() : escalationReason(t);
			escalations.put(f.caseId(), kind.equals("repeat") ? "second complaint; earlier case " + detail : "by rule " + detail);
			notices.add(new Notifications.Notice(f.caseId(), kind, detail));
		}
		cases.recordAll("escalated", escalations);
		notifications.notifyLeads(notices);
	}

	/** The facts of these cases as triage sees them now (for trying a rule, and for benchmarks). */
	public List<CaseFacts> facts(Collection<Long> caseIds) {
		return store.facts(caseIds, properties.repeatWindow(), properties.spreadWindow());
	}

	/** The facts of the newest {@code limit} cases by last activity. */
	public List<CaseFacts> recentFacts(int limit) {
		return facts(store.recentCaseIds(limit));
	}

	/** The scoring with this workspace's settings. */
	public SeverityScoring scoring() {
		return scoring;
	}

	public Optional<CaseTriage> of(long caseId) {
		return store.find(caseId);
	}

	/** Severity badges of listed cases by id; cases not triaged yet are absent. */
	public Map<Long, CaseTriage.Badge> badges(List<Long> caseIds) {
		return store.badges(caseIds);
	}

	private static String escalationReason(Triaged t) {
		List<Reason> reasons = t.reasons();
		for (int i = reasons.size() - 1; i >= 0; i--) {
			if (reasons.get(i).code().equals("escalatedByRule")) return reasons.get(i).arg();
		}
		return null;
	}
}
