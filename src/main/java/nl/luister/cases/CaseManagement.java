package nl.luister.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and threads cases and changes them on behalf of agents.
 *
 * <p>Threading: a mention that replies to a message of a case joins that case (matched or not: customers
 * don't repeat the brand name in a follow-up); a mention that reaches cases (addressed to the organisation,
 * or overheard and matched by a topic) joins the latest case of its author on the same channel when that
 * saw activity within the join window, and opens a case otherwise. A new
 * message on a resolved or pending case reopens it. Every change is in the case history and announced
 * with {@link CasesChanged} after commit.
 */
@Service
public class CaseManagement {

	private final Cases cases;
	private final Mentions mentions;
	private final CasesProperties properties;
	private final ApplicationEventPublisher events;

	CaseManagement(Cases cases, Mentions mentions, CasesProperties properties, ApplicationEventPublisher events) {
		this.cases = cases;
		this.mentions = mentions;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Threads freshly stored mentions into cases; joins the caller's transaction. Set-based: a handful of
	 * statements per batch plus one insert per opened case.
	 *
	 * @return the cases opened and the cases that got a message (both empty when nothing reached cases)
	 */
	@Transactional
	public CasesChanged attach(List<MatchedMention> mentions) {
		if (mentions.isEmpty()) return new CasesChanged(Set.of(), Set.of());
		List<MatchedMention> ordered = new ArrayList<>(mentions);
		ordered.sort(Comparator.comparing((MatchedMention mm) -> mm.mention().publishedAt()).thenComparing(mm -> mm.mention().id()));

		List<Long> replySources = new ArrayList<>();
		List<String> replyTargets = new ArrayList<>();
		List<String> authorChannels = new ArrayList<>();
		List<String> authorHandles = new ArrayList<>();
		for (MatchedMention mm : ordered) {
			StoredMention m = mm.mention();
			if (m.inReplyTo() != null) {
				replySources.add(m.sourceId());
				replyTargets.add(m.inReplyTo());
			}
			if (m.authorHandle() != null) {
				authorChannels.add(m.channel().key());
				authorHandles.add(m.authorHandle());
			}
		}
		Map<String, Long> caseOfMessage = cases.casesOfMessages(replySources.stream().mapToLong(Long::longValue).toArray(),
				replyTargets.toArray(String[]::new));
		Map<String, Cases.LatestCase> latest = cases.latestCasesOf(authorChannels.toArray(String[]::new), authorHandles.toArray(String[]::new));

		Set<Long> opened = new LinkedHashSet<>();
		Map<Long, int[]> joinCounts = new LinkedHashMap<>();
		Map<Long, Instant> joinLast = new HashMap<>();
		List<long[]> links = new ArrayList<>();
		List<Cases.Event> events = new ArrayList<>();
		List<Cases.NewCase> toOpen = new ArrayList<>();
		for (MatchedMention mm : ordered) {
			StoredMention m = mm.mention();
			String authorKey = m.authorHandle() == null ? null : m.channel().key() + "\u0000" + m.authorHandle();
			Long target = m.inReplyTo() == null ? null : caseOfMessage.get(m.sourceId() + "\u0000" + m.inReplyTo());
			if (target == null && mm.reachesCases() && authorKey != null) {
				Cases.LatestCase recent = latest.get(authorKey);
				if (recent != null && !recent.lastActivity().isBefore(m.publishedAt().minus(properties.joinWindow()))) target = recent.caseId();
			}
			Long caseId = null;
			if (target != null) {
				caseId = target;
				joinCounts.computeIfAbsent(caseId, id -> new int[1])[0]++;
				joinLast.merge(caseId, m.publishedAt(), (a, b) -> a.isAfter(b) ? a : b);
			}
			else if (mm.reachesCases()) {
				// a provisional (negative) id until the batch's new cases are inserted together below
				caseId = -(long) (toOpen.size() + 1);
				toOpen.add(new Cases.NewCase(m, mm.topicIds().stream().min(Long::compare).orElse(null)));
			}
			if (caseId != null) {
				links.add(new long[] { m.id(), caseId });
				caseOfMessage.put(m.sourceId() + "\u0000" + m.externalId(), caseId);
				if (authorKey != null) {
					Cases.LatestCase previous = latest.get(authorKey);
					Instant last = previous != null && previous.caseId() == caseId && previous.lastActivity().isAfter(m.publishedAt())
							? previous.lastActivity() : m.publishedAt();
					latest.put(authorKey, new Cases.LatestCase(caseId, last));
				}
			}
		}

		long[] ids = cases.openAll(toOpen);
		for (int i = 0; i < ids.length; i++) {
			opened.add(ids[i]);
			StoredMention first = toOpen.get(i).first();
			events.add(new Cases.Event(ids[i], "opened", "from " + first.channel().key() + " by " + author(first)));
		}
		for (long[] link : links) link[1] = real(link[1], ids);
		cases.linkMentions(links.stream().mapToLong(l -> l[0]).toArray(), links.stream().mapToLong(l -> l[1]).toArray());
		long[] joined = joinCounts.keySet().stream().mapToLong(id -> real(id, ids)).toArray();
		int[] added = joinCounts.values().stream().mapToInt(c -> c[0]).toArray();
		String[] lastPublished = joinCounts.keySet().stream().map(id -> joinLast.get(id).toString()).toArray(String[]::new);
		Map<Long, CaseStatus> before = cases.joinAll(joined, added, lastPublished);
		Set<Long> changed = new LinkedHashSet<>();
		for (var entry : before.entrySet()) {
			if (entry.getValue() == CaseStatus.RESOLVED) events.add(new Cases.Event(entry.getKey(), "reopened", "new message from the customer"));
			else if (entry.getValue() == CaseStatus.PENDING) events.add(new Cases.Event(entry.getKey(), "status", "pending → open: customer answered"));
			if (!opened.contains(entry.getKey())) changed.add(entry.getKey());
		}
		cases.events(events);
		cases.refreshLabels(java.util.stream.LongStream.concat(java.util.Arrays.stream(ids), java.util.Arrays.stream(joined)).toArray());
		CasesChanged result = new CasesChanged(Set.copyOf(opened), Set.copyOf(changed));
		if (!opened.isEmpty() || !changed.isEmpty()) this.events.publishEvent(result);
		return result;
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
		List<Long> mentionIds = thread.stream().filter(CaseDetail.CustomerMessage.class::isInstance)
			.map(i -> ((CaseDetail.CustomerMessage) i).mention().id()).toList();
		return new CaseDetail(summary, thread, cases.notesOf(caseId), cases.historyOf(caseId), cases.otherCasesOf(summary),
				cases.topicsOf(caseId), mentions.labels(mentionIds));
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

	/**
	 * Assigns cases that have no assignee yet, in one statement (for rules); a case someone took meanwhile keeps its
	 * assignee. New cases become open. {@code assignees} maps case id to user id, {@code names} user id to the name
	 * for the history. Returns the ids of the cases assigned.
	 */
	@Transactional
	public Set<Long> assignUnassigned(Map<Long, Long> assignees, Map<Long, String> names) {
		if (assignees.isEmpty()) return Set.of();
		Map<Long, Long> assigned = cases.assignUnassigned(assignees);
		List<Cases.Event> history = assigned.entrySet().stream()
			.map(e -> new Cases.Event(e.getKey(), "assigned", "to " + names.get(e.getValue()))).toList();
		cases.events(history);
		if (!assigned.isEmpty()) events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(assigned.keySet())));
		return Set.copyOf(assigned.keySet());
	}

	/**
	 * Assigns cases that have no assignee yet to the agents routing picked, in one statement, with routing's reason in
	 * the history (kind {@code routed}); a case someone took meanwhile keeps its assignee. New cases become open.
	 * Returns the ids of the cases assigned.
	 */
	@Transactional
	public Set<Long> routeUnassigned(Map<Long, Long> assignees, Map<Long, String> reasons) {
		if (assignees.isEmpty()) return Set.of();
		Map<Long, Long> assigned = cases.assignUnassigned(assignees);
		cases.events(assigned.keySet().stream().map(id -> new Cases.Event(id, "routed", reasons.get(id))).toList());
		if (!assigned.isEmpty()) events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(assigned.keySet())));
		return Set.copyOf(assigned.keySet());
	}

	/**
	 * Takes every unresolved case away from a user who leaves (disabled or deleted), with {@code detail} in each case's
	 * history (kind {@code released}); returns the ids of those cases.
	 */
	@Transactional
	public List<Long> releaseAll(long userId, String detail) {
		List<Long> released = cases.releaseAll(userId);
		cases.events(released.stream().map(id -> new Cases.Event(id, "released", detail)).toList());
		if (!released.isEmpty()) events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(released)));
		return released;
	}

	/** Adds a tag to cases that lack it (one statement, one history line each); returns the ids of the cases tagged. */
	@Transactional
	public List<Long> addTag(java.util.Collection<Long> caseIds, String tag, Long actorId) {
		List<Long> tagged = cases.addTag(caseIds.stream().mapToLong(Long::longValue).toArray(), tag);
		for (long id : tagged) cases.event(id, actorId, "tagged", tag);
		if (!tagged.isEmpty()) events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(tagged)));
		return tagged;
	}

	@Transactional
	public long addNote(long caseId, String text, Long actorId) {
		summary(caseId);
		if (text == null || text.isBlank()) throw new IllegalArgumentException("a note needs some text");
		long id = cases.note(caseId, actorId, text.strip());
		cases.event(caseId, actorId, "note", null);
		events.publishEvent(new NoteAdded(caseId, id, actorId, text.strip()));
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
		return id;
	}

	/** Brings the case's sentiment and intents up to date after a message's labels changed (a correction). */
	@Transactional
	public void refreshLabels(long caseId) {
		cases.refreshLabels(new long[] { caseId });
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
	}

	/** Records something another feature did to the case (a reply sent, a delivery failed). */
	@Transactional
	public void record(long caseId, Long actorId, String kind, String detail) {
		cases.event(caseId, actorId, kind, detail);
		events.publishEvent(new CasesChanged(Set.of(), Set.of(caseId)));
	}

	/** Records the same kind of system change on many cases at once (one statement, one announcement), e.g. escalations. */
	@Transactional
	public void recordAll(String kind, Map<Long, String> detailByCase) {
		if (detailByCase.isEmpty()) return;
		cases.events(detailByCase.entrySet().stream().map(e -> new Cases.Event(e.getKey(), kind, e.getValue())).toList());
		events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(detailByCase.keySet())));
	}

	/** The real id of a case: provisional ids of cases opened in this batch are negative. */
	private static long real(long id, long[] openedIds) {
		return id < 0 ? openedIds[(int) (-id - 1)] : id;
	}

	private static String author(StoredMention m) {
		return m.authorHandle() != null ? m.authorHandle() : m.authorName() != null ? m.authorName() : "an unknown author";
	}
}
