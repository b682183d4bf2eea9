package nl.luister.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores a case's severity from 1 to 5 with its reasons, and recommends a proportional response. Pure and
 * thread-safe: the same facts always give the same outcome. The scoring is documented in {@code docs/triage.md}.
 *
 * <p>Every case starts at 1; a negative tone adds 1, a complaint 1, an author of influence tier 4 adds 1 and of
 * tier 5 adds 2, a conversation spreading (at least 5 messages from 2 or more authors in the spread window) adds 1
 * from half a message a minute and 2 from two a minute, a VIP segment adds 1; the sum stops at 5. A repeat
 * complaint is 5 outright and escalates; a case escalated before stays at 5.
 */
public final class SeverityScoring {

	static final int SPREAD_MIN_MESSAGES = 5;
	static final int SPREAD_MIN_AUTHORS = 2;
	static final double SPREADING_PER_MINUTE = 0.5;
	static final double SPREADING_FAST_PER_MINUTE = 2.0;

	static final List<String> ROLES_TO_INFORM = List.of("lead", "communications", "management");

	private final Duration spreadWindow;
	private final Set<String> vipSegments;

	public SeverityScoring(Duration spreadWindow, Collection<String> vipSegments) {
		if (spreadWindow.isNegative() || spreadWindow.isZero()) throw new IllegalArgumentException("the spread window must be positive");
		this.spreadWindow = spreadWindow;
		this.vipSegments = vipSegments.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	/** The severity and its reasons before any rule ran; escalates a repeat complaint. */
	public Triaged score(CaseFacts f) {
		List<Reason> reasons = new ArrayList<>();
		int severity = 1;
		reasons.add(new Reason("base", 1, null));
		if ("NEGATIVE".equals(f.sentiment())) {
			severity++;
			reasons.add(new Reason("negative", 1, null));
		}
		if (f.complaint()) {
			severity++;
			reasons.add(new Reason("complaint", 1, null));
		}
		else if (f.question()) reasons.add(new Reason("question", 0, null));
		else if (f.praise()) reasons.add(new Reason("praise", 0, null));
		if (f.tier() != null && f.tier() >= 4) {
			int points = f.tier() == 5 ? 2 : 1;
			severity += points;
			reasons.add(new Reason("tier", points, f.tier().toString()));
		}
		else if (f.tier() != null) reasons.add(new Reason("tierLow", 0, f.tier().toString()));
		int spread = spreadPoints(f);
		if (spread > 0) {
			severity += spread;
			reasons.add(new Reason(spread == 2 ? "spreadingFast" : "spreading", spread, perMinute(f)));
		}
		if (f.segment() != null && vipSegments.contains(f.segment().strip().toLowerCase(Locale.ROOT))) {
			severity++;
			reasons.add(new Reason("segment", 1, f.segment()));
		}
		Triaged t = new Triaged(f.caseId(), Math.min(severity, 5), reasons, f.escalated(), f.tags());
		// an escalation holds for the life of the case: a later message does not quietly lower it
		if (f.escalated() && !f.repeatComplaint()) t.setSeverity(5, new Reason("stillEscalated", 0, null));
		if (f.repeatComplaint()) {
			t.escalate(new Reason("repeat", 0, f.earlierCaseId() == null ? null : f.earlierCaseId().toString()), f.earlierCaseId());
		}
		return t;
	}

	/** Recommends who handles the case, who is informed and who need not be, for its final severity. */
	public Recommendation recommend(CaseFacts f, Triaged t) {
		int severity = t.severity();
		String handler = severity >= 5 || t.escalated() ? "lead" : severity == 4 ? "senior" : "agent";
		List<String> inform = new ArrayList<>();
		if (severity == 4 && !t.escalated()) inform.add("lead");
		int spread = spreadPoints(f);
		boolean influential = f.tier() != null && f.tier() >= 4;
		if (severity >= 4 && (influential || spread > 0)) inform.add("communications");
		if (severity >= 5 && spread == 2) inform.add("management");
		List<String> notNeeded = ROLES_TO_INFORM.stream().filter(r -> !r.equals(handler) && !inform.contains(r)).toList();
		return new Recommendation(handler, inform, notNeeded);
	}

	/** 0, 1 (spreading) or 2 (spreading fast). */
	int spreadPoints(CaseFacts f) {
		if (f.recentMessages() < SPREAD_MIN_MESSAGES || f.recentAuthors() < SPREAD_MIN_AUTHORS) return 0;
		double rate = rate(f);
		if (rate >= SPREADING_FAST_PER_MINUTE) return 2;
		return rate >= SPREADING_PER_MINUTE ? 1 : 0;
	}

	private double rate(CaseFacts f) {
		return f.recentMessages() / (spreadWindow.toSeconds() / 60.0);
	}

	private String perMinute(CaseFacts f) {
		return String.format(Locale.ROOT, "%.1f", rate(f));
	}
}
