package nl.luister.cases.web;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.account.LuisterUser;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.cases.CaseSummary;
import nl.luister.cases.InboxFilter;
import nl.luister.collab.ReplyConflicts;
import nl.luister.channel.Channel;
import nl.luister.mention.LabelCorrections;
import nl.luister.mention.web.MentionJson;
import nl.luister.reply.Replies;
import nl.luister.reply.ReplyGuard;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /api/cases}: the inbox, one case with its thread, replies, notes, status and assignee. */
@ApiController("/api/cases")
class CasesApi {

	private final CaseManagement cases;
	private final Replies replies;
	private final Users users;
	private final LabelCorrections corrections;
	private final ReplyConflicts conflicts;
	private final ReplyGuard guard;

	CasesApi(CaseManagement cases, Replies replies, Users users, LabelCorrections corrections, ReplyConflicts conflicts, ReplyGuard guard) {
		this.conflicts = conflicts;
		this.guard = guard;
		this.corrections = corrections;
		this.cases = cases;
		this.replies = replies;
		this.users = users;
	}

	/** {@code status} is a comma-separated list or {@code all}; by default the open statuses (new, open, pending). */
	@GetMapping
	List<CaseJson> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long topic,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String sentiment, @RequestParam(required = false) String intent,
			@RequestParam(defaultValue = "200") int limit) {
		Set<CaseStatus> statuses = parseStatuses(status);
		boolean unassigned = "none".equals(assignee);
		Long assigneeId = assignee == null || unassigned ? null : userId(assignee);
		String feeling = null;
		if (sentiment != null) {
			feeling = sentiment.strip().toUpperCase(java.util.Locale.ROOT);
			if (!java.util.Set.of("NEGATIVE", "NEUTRAL", "POSITIVE").contains(feeling)) {
				throw new IllegalArgumentException("unknown sentiment '" + sentiment + "' (expected negative, neutral or positive)");
			}
		}
		var filter = new InboxFilter(statuses, topic, channel == null ? null : Channel.parse(channel), assigneeId, unassigned, limit,
				feeling, intent == null ? null : intent.strip().toLowerCase(java.util.Locale.ROOT));
		return cases.inbox(filter).stream().map(CaseJson::of).toList();
	}

	@GetMapping("/{id}")
	CaseDetailJson get(@PathVariable long id) {
		CaseDetail d = cases.detail(id);
		return new CaseDetailJson(CaseJson.of(d.summary()), d.topics(), d.labels(),
				d.thread().stream().filter(CaseDetail.CustomerMessage.class::isInstance)
					.map(i -> MentionJson.of(((CaseDetail.CustomerMessage) i).mention())).toList(),
				d.thread().stream().filter(CaseDetail.OurReply.class::isInstance).map(CaseDetail.OurReply.class::cast).toList(),
				d.notes(), d.history(), replies.canSend(d.summary()));
	}

	/**
	 * Replies to the case: queued for delivery through the case's channel, or, with {@code answeredOnSite: true}
	 * for sources that cannot send (RSS, imports), recorded as answered on the site. 409 with the newer replies when
	 * someone else replied since the reply the client says it has seen ({@code ?seenReply=<id>}; {@code ?force=true} sends
	 * anyway). A public reply holding personal data answers 422 with the findings unless {@code confirmPersonalData: true};
	 * a reply by a trainee or on a case that needs approval is created in state {@code awaiting_approval}.
	 */
	@PostMapping("/{id}/replies")
	ResponseEntity<Map<String, Object>> reply(@PathVariable long id, @RequestBody NewReply body,
			@AuthenticationPrincipal LuisterUser me, jakarta.servlet.http.HttpServletRequest request) {
		boolean onSite = Boolean.TRUE.equals(body.answeredOnSite());
		long replyId = conflicts.whenClear(id, request, me.id().value(), null, () -> {
			if (!onSite) guard.check(id, body.text(), Boolean.TRUE.equals(body.confirmPersonalData()));
			return onSite ? replies.markAnsweredOnSite(id, body.text(), me.id().value()) : replies.send(id, body.text(), me.id().value());
		}).orElseThrow();
		return ResponseEntity.created(URI.create("/api/cases/" + id))
			.body(Map.of("id", replyId, "state", replies.state(replyId).orElseThrow().name().toLowerCase(java.util.Locale.ROOT)));
	}

	/** Puts a failed reply back in the outbox ({@code action} {@code retry}) or cancels it ({@code cancel}); 400 when it is not failed. */
	@PostMapping("/{id}/replies/{replyId}/{action:retry|cancel}")
	Map<String, Object> failedReply(@PathVariable long id, @PathVariable long replyId, @PathVariable String action,
			@AuthenticationPrincipal LuisterUser me) {
		if (action.equals("retry")) replies.retry(replyId, me.id().value());
		else replies.cancel(replyId, me.id().value());
		return Map.of("id", replyId, "state", replies.state(replyId).orElseThrow().name().toLowerCase(java.util.Locale.ROOT));
	}

	@PostMapping("/{id}/notes")
	ResponseEntity<Map<String, Object>> note(@PathVariable long id, @RequestBody NewNote body, @AuthenticationPrincipal LuisterUser me) {
		long noteId = cases.addNote(id, body.text(), me.id().value());
		return ResponseEntity.created(URI.create("/api/cases/" + id)).body(Map.of("id", noteId));
	}

	/** Changes status and/or assignee: {@code {"status": "resolved", "assignee": "anna"}}; {@code "assignee": ""} unassigns. */
	@PatchMapping("/{id}")
	CaseJson patch(@PathVariable long id, @RequestBody CasePatch body, @AuthenticationPrincipal LuisterUser me) {
		Long actor = me.id().value();
		if (body.assignee() != null) {
			if (body.assignee().isBlank()) cases.assign(id, null, null, actor);
			else {
				User u = user(body.assignee());
				cases.assign(id, u.id().value(), u.displayName() == null ? u.username() : u.displayName(), actor);
			}
		}
		if (body.status() != null) cases.changeStatus(id, CaseStatus.parse(body.status()), actor);
		return CaseJson.of(cases.summary(id));
	}

	/** Corrects one label of a message of this case: {@code {"mention": 12, "task": "sentiment", "label": "negative"}}. */
	@PostMapping("/{id}/labels")
	CaseJson correct(@PathVariable long id, @RequestBody Correction body, @AuthenticationPrincipal LuisterUser me) {
		if (!cases.detail(id).labels().containsKey(body.mention())) {
			throw new IllegalArgumentException("message " + body.mention() + " is not a labelled message of case " + id);
		}
		corrections.correct(body.mention(), body.task(), body.label(), me.id().value());
		cases.refreshLabels(id);
		return CaseJson.of(cases.summary(id));
	}

	record Correction(long mention, String task, String label) {
	}

	private Long userId(String username) {
		return user(username).id().value();
	}

	private User user(String username) {
		return users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
	}

	static Set<CaseStatus> parseStatuses(String status) {
		if (status == null || status.isBlank()) return InboxFilter.OPEN_STATUSES;
		if ("all".equalsIgnoreCase(status.strip())) return Set.of();
		Set<CaseStatus> set = EnumSet.noneOf(CaseStatus.class);
		for (String s : status.split(",")) set.add(CaseStatus.parse(s));
		return set;
	}

	record NewReply(String text, Boolean answeredOnSite, Boolean confirmPersonalData) {
	}

	record NewNote(String text) {
	}

	record CasePatch(String status, String assignee) {
	}

	record CaseJson(long id, String status, String channel, Author author, String topic, String assignee, String snippet,
			int mentionCount, Instant opened, Instant lastActivity, String sentiment, List<String> intents) {

		record Author(String handle, String name) {
		}

		static CaseJson of(CaseSummary c) {
			return new CaseJson(c.id(), c.status().key(), c.channel().key(), new Author(c.authorHandle(), c.authorName()),
					c.topic(), c.assignee(), c.snippet(), c.mentionCount(), c.openedAt(), c.lastActivityAt(),
					c.sentiment() == null ? null : c.sentiment().toLowerCase(java.util.Locale.ROOT), intents(c));
		}

		static List<String> intents(CaseSummary c) {
			List<String> intents = new java.util.ArrayList<>();
			if (c.complaint()) intents.add("complaint");
			if (c.question()) intents.add("question");
			if (c.praise()) intents.add("praise");
			return intents;
		}
	}

	record CaseDetailJson(CaseJson summary, List<String> topics, java.util.Map<Long, nl.luister.mention.Labels> labels, List<MentionJson> mentions, List<CaseDetail.OurReply> replies,
			List<CaseDetail.Note> notes, List<CaseDetail.HistoryEntry> history, boolean canSendReplies) {
	}
}
