package nl.luister.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.luister.mention.StoredMention;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and threads cases and changes them on behalf of agents.
 *
 * <p>Threading: a mention that replies to a message of a case joins that case (matched or not: customers
 * don't repeat the brand name in a follow-up); a matched mention of an author who had activity on the same
 * channel within the join window joins their latest case; any other matched mention opens a case. A new
 * message on a resolved or pending case reopens it. Every change is in the case history and announced
 * with {@link CasesChanged} after commit.
 */
@Service
public class CaseManagement {

	private final Cases cases;
	private final CasesProperties properties;
	private final ApplicationEventPublisher events;

	CaseManagement(Cases cases, CasesProperties properties, ApplicationEventPublisher events) {
		this.cases = cases;
		this.properties = properties;
		this.events = events;
	}

	/** Threads freshly stored mentions into cases; joins the caller's transaction. */
	@Transactional
	public void attach(List<MatchedMention> mentions) {
		Set<Long> opened = new LinkedHashSet<>();
		Set<Long> changed = new LinkedHashSet<>();
		List<MatchedMention> ordered = new ArrayList<>(mentions);
		ordered.sort(Comparator.comparing((MatchedMention mm) -> mm.mention().publishedAt()).thenComparing(mm -> mm.mention().id()));
		for (MatchedMention mm : ordered) {
			StoredMention m = mm.mention();
			Optional<Long> target = m.inReplyTo() == null ? Optional.empty() : cases.caseOfReplyTarget(m.sourceId(), m.inReplyTo());
			if (target.isEmpty() && !mm.topicIds().isEmpty() && m.authorHandle() != null) {
				Instant since = m.publishedAt().minus(properties.joinWindow());
				target = cases.recentCaseOfAuthor(m.channel(), m.authorHandle(), since);
			}
			if (target.isPresent()) {
				long caseId = target.get();
				CaseStatus before = cases.join(caseId, m);
				cases.linkMention(m.id(), caseId);
				if (before == CaseStatus.RESOLVED) cases.event(caseId, null, "reopened", "new message from " + author(m));
				else if (before == CaseStatus.PENDING) cases.event(caseId, null, "status", "pending → open: customer answered");
				if (!opened.contains(caseId)) changed.add(caseId);
			}
			else if (!mm.topicIds().isEmpty()) {
				Long topic = mm.topicIds().stream().min(Long::compare).orElse(null);
				long caseId = cases.open(m, topic);
				cases.linkMention(m.id(), caseId);
				cases.event(caseId, null, "opened", "from " + m.channel().key() + " by " + author(m));
				opened.add(caseId);
			}
		}
		if (!opened.isEmpty() || !changed.isEmpty()) events.publishEvent(new CasesChanged(Set.copyOf(opened), Set.copyOf(changed)));
	}

	public List<CaseSummary> inbox(InboxFilter filter) {
		return cases.inbox(filter);
	}

	public CaseSummary summary(long caseId) {
		return cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
	}

	public CaseDetail detail(long caseId) {
		CaseSummary summary = summary(caseId);
		List<CaseDetail.ThreadItem> thread = new ArrayList<>();
		cases.mentionsOf(caseId).forEach(m -> thread.add(new CaseDetail.CustomerMessage(m)));
		thread.addAll(cases.repliesOf(caseId));
		thread.sort(Comparator.comparing(CaseDetail.ThreadItem::at));
		return new CaseDetail(summary, thread, cases.notesOf(caseId), cases.historyOf(caseId), cases.otherCasesOf(summary),
				cases.topicsOf(caseId));
	}

	@Transactional
	public void changeStatus(long caseId, CaseStatus status, Long actorId) {
		CaseSummary c = summary(caseId);
		if (c.status() == status) return;
		cases.setStatus(caseId, status);
		cases.event(caseId, actorId, "status", c.status().key() + " → " + status.key());
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
	}

	@Transactional
	public void assign(long caseId, Long assigneeId, String assigneeName, Long actorId) {
		CaseSummary c = summary(caseId);
		if (java.util.Objects.equals(c.assigneeId(), assigneeId)) return;
		cases.setAssignee(caseId, assigneeId);
		if (c.status() == CaseStatus.NEW && assigneeId != null) cases.setStatus(caseId, CaseStatus.OPEN);
		cases.event(caseId, actorId, "assigned", assigneeId == null ? "unassigned" : "to " + assigneeName);
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
	}

	@Transactional
	public long addNote(long caseId, String text, Long actorId) {
		summary(caseId);
		if (text == null || text.isBlank()) throw new IllegalArgumentException("a note needs some text");
		long id = cases.note(caseId, actorId, text.strip());
		cases.event(caseId, actorId, "note", null);
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
		return id;
	}

	/** Records something another feature did to the case (a reply sent, a delivery failed). */
	@Transactional
	public void record(long caseId, Long actorId, String kind, String detail) {
		cases.event(caseId, actorId, kind, detail);
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
	}

	private static String author(StoredMention m) {
		return m.authorHandle() != null ? m.authorHandle() : m.authorName() != null ? m.authorName() : "an unknown author";
	}
}
