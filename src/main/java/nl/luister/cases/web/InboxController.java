package nl.luister.cases.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.luister.account.LuisterUser;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.cases.CaseCounts;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.cases.InboxCounts;
import nl.luister.collab.ReplyConflicts;
import nl.luister.channel.Channel;
import nl.luister.mention.LabelCorrections;
import nl.luister.customer.PersonPanelModel;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.Replies;
import nl.luister.reply.MarketingAccountRefused;
import nl.luister.reply.RepliesNotSupported;
import nl.luister.reply.PersonalDataInPublic;
import nl.luister.reply.ReplyGuard;
import nl.luister.triage.Triage;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox: views, the case list and the open case on one page ({@code /} and {@code /cases/{id}}), its live
 * feed ({@code /inbox/events}) and the agent's actions on a case. Every action works as a plain form post
 * (answered with a redirect) and as an htmx request (answered with the case pane, errors inline).
 * An htmx GET renders only the part it replaces; a history restore gets the whole page.
 */
@Controller
class InboxController {

	private final CaseManagement cases;
	private final CaseCounts counts;
	private final Replies replies;
	private final TopicManagement topics;
	private final Users users;
	private final InboxEvents events;
	private final LabelCorrections corrections;
	private final PersonPanelModel persons;
	private final Triage triage;
	private final ReplyConflicts conflicts;
	private final ReplyGuard guard;

	InboxController(CaseManagement cases, CaseCounts counts, Replies replies, TopicManagement topics, Users users,
			InboxEvents events, LabelCorrections corrections, PersonPanelModel persons, Triage triage, ReplyConflicts conflicts,
			ReplyGuard guard) {
		this.conflicts = conflicts;
		this.guard = guard;
		this.triage = triage;
		this.corrections = corrections;
		this.persons = persons;
		this.cases = cases;
		this.counts = counts;
		this.replies = replies;
		this.topics = topics;
		this.users = users;
		this.events = events;
	}

	@ModelAttribute("filters")
	Filters filters(@RequestParam(required = false) String view, @RequestParam(required = false) String status,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String sentiment,
			@RequestParam(required = false) String intent, @RequestParam(required = false) String sort) {
		return Filters.parse(view, status, topic, channel, assignee, sentiment, intent, sort);
	}

	@GetMapping("/")
	String inbox(@ModelAttribute("filters") Filters filters, @AuthenticationPrincipal LuisterUser me, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String restore) {
		addList(model, filters, me);
		if (isPartial(htmx, restore)) return "cases/refresh";
		return "cases/inbox";
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, @ModelAttribute("filters") Filters filters, @AuthenticationPrincipal LuisterUser me, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String restore) {
		addCase(model, id, me);
		if (isPartial(htmx, restore)) return "cases/fragments :: case";
		addList(model, filters, me);
		return "cases/inbox";
	}

	@GetMapping(path = "/inbox/events", produces = "text/event-stream")
	SseEmitter events(HttpServletResponse response) {
		// nginx and friends would otherwise hold events back until their buffer fills.
		response.setHeader("X-Accel-Buffering", "no");
		return events.open();
	}

	@PostMapping("/cases/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(defaultValue = "") String assignee, @AuthenticationPrincipal LuisterUser me,
			Model model, RedirectAttributes redirect, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (assignee.isBlank()) cases.assign(id, null, null, me.id().value());
		else {
			User user = users.findById(new nl.luister.account.UserId(Long.parseLong(assignee)))
				.orElseThrow(() -> new IllegalArgumentException("no such user"));
			cases.assign(id, user.id().value(), user.displayName(), me.id().value());
		}
		return done(id, "inbox.done.assigned", me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/status")
	String status(@PathVariable long id, @RequestParam String status, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		cases.changeStatus(id, CaseStatus.parse(status), me.id().value());
		return done(id, "inbox.done.status", me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/notes")
	String note(@PathVariable long id, @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal LuisterUser me,
			Model model, RedirectAttributes redirect, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (text.isBlank()) return invalid(id, "note", "inbox.note.empty", text, me, model, response, htmx);
		cases.addNote(id, text, me.id().value());
		return done(id, "inbox.done.note", me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/replies")
	String reply(@PathVariable long id, @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal LuisterUser me,
			@RequestParam(defaultValue = "false") boolean confirmPersonalData, Model model, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (text.isBlank()) return invalid(id, "reply", "inbox.reply.empty", text, me, model, response, htmx);
		if (text.length() > 10_000) return invalid(id, "reply", "inbox.reply.tooLong", text, me, model, response, htmx);
		String sent = "inbox.done.reply";
		try {
			java.util.Optional<Long> reply = conflicts.whenClear(id, request, me.id().value(), model, () -> {
				guard.check(id, text, confirmPersonalData);
				return replies.send(id, text, me.id().value());
			});
			if (reply.isEmpty()) return invalid(id, "reply", "collab.conflict.stopped", text, me, model, response, htmx);
			if (replies.state(reply.get()).orElse(null) == nl.luister.reply.ReplyState.AWAITING_APPROVAL) sent = "replying.done.awaiting";
		}
		catch (PersonalDataInPublic e) {
			model.addAttribute("personalData", e.findings());
			return invalid(id, "reply", "replying.guard.personalData", text, me, model, response, htmx);
		}
		catch (RepliesNotSupported e) {
			return invalid(id, "reply", "inbox.reply.notSupported", text, me, model, response, htmx);
		}
		catch (MarketingAccountRefused e) {
			return invalid(id, "reply", "inbox.reply.marketingAccount", text, me, model, response, htmx);
		}
		return done(id, sent, me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/answered-on-site")
	String answeredOnSite(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (text.length() > 10_000) return invalid(id, "answered", "inbox.reply.tooLong", text, me, model, response, htmx);
		if (conflicts.whenClear(id, request, me.id().value(), model, () -> replies.markAnsweredOnSite(id, text, me.id().value())).isEmpty())
			return invalid(id, "answered", "collab.conflict.stopped", text, me, model, response, htmx);
		return done(id, "inbox.done.answered", me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/replies/{replyId}/cancel")
	String cancel(@PathVariable long id, @PathVariable long replyId, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		try {
			replies.cancel(replyId, me.id().value());
		}
		catch (IllegalArgumentException e) {
			return invalid(id, "retry", "inbox.reply.notFailedCancel", "", me, model, response, htmx);
		}
		return done(id, "inbox.done.cancelled", me, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/replies/{replyId}/retry")
	String retry(@PathVariable long id, @PathVariable long replyId, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		try {
			replies.retry(replyId, me.id().value());
		}
		catch (IllegalArgumentException e) {
			return invalid(id, "retry", "inbox.reply.notFailed", "", me, model, response, htmx);
		}
		return done(id, "inbox.done.retry", me, model, redirect, htmx);
	}

	/** One-click correction of what Luister understood of a customer message; kept as a training example. */
	@PostMapping("/cases/{id}/mentions/{mentionId}/labels")
	String correctLabels(@PathVariable long id, @PathVariable long mentionId, @RequestParam(required = false) String sentiment,
			@RequestParam(required = false) List<String> intents, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		if (!cases.detail(id).labels().containsKey(mentionId)) {
			return invalid(id, "labels", "inbox.labels.notInCase", "", me, model, response, htmx);
		}
		Long actor = me.id().value();
		if (sentiment != null) corrections.correct(mentionId, "sentiment", sentiment, actor);
		Set<String> chosen = intents == null ? Set.of() : Set.copyOf(intents);
		for (String intent : List.of("complaint", "question", "praise")) {
			corrections.correct(mentionId, intent, chosen.contains(intent) ? "1" : "0", actor);
		}
		cases.refreshLabels(id);
		return done(id, "inbox.done.labels", me, model, redirect, htmx);
	}

	private String done(long id, String message, LuisterUser me, Model model, RedirectAttributes redirect, String htmx) {
		if ("true".equals(htmx)) {
			addCase(model, id, me);
			model.addAttribute("notice", message);
			return "cases/fragments :: case";
		}
		redirect.addFlashAttribute("flash", message);
		return "redirect:/cases/" + id;
	}

	private String invalid(long id, String field, String message, String text, LuisterUser me, Model model,
			HttpServletResponse response, String htmx) {
		addCase(model, id, me);
		model.addAttribute("errors", Map.of(field, message));
		model.addAttribute("drafts", Map.of(field, text));
		if ("true".equals(htmx)) {
			// 200, not 422: htmx leaves the page alone on error statuses, and the error must show inline.
			return "cases/fragments :: case";
		}
		response.setStatus(422);
		addList(model, Filters.none(), me);
		return "cases/inbox";
	}

	private void addList(Model model, Filters filters, LuisterUser me) {
		long userId = me.id().value();
		InboxCounts counted = counts.of(userId);
		model.addAttribute("filters", filters);
		var rows = views().rows(cases.inbox(filters.toInboxFilter(userId)));
		model.addAttribute("rows", rows);
		model.addAttribute("tiers", persons.tiers(rows.stream().map(r -> r.c().id()).toList()));
		model.addAttribute("severities", triage.badges(rows.stream().map(r -> r.c().id()).toList()));
		model.addAttribute("counts", counted);
		Map<String, Integer> viewCounts = new LinkedHashMap<>();
		viewCounts.put("all", counted.allOpen());
		viewCounts.put("mine", counted.mine());
		viewCounts.put("unassigned", counted.unassigned());
		viewCounts.put("new", counted.status(CaseStatus.NEW));
		viewCounts.put("pending", counted.status(CaseStatus.PENDING));
		viewCounts.put("resolved", counted.status(CaseStatus.RESOLVED));
		model.addAttribute("viewCounts", viewCounts);
		model.addAttribute("topics", topics.all());
		model.addAttribute("channels", Arrays.stream(Channel.values())
			.filter(c -> counted.channel(c) > 0 || c == filters.channel())
			.toList());
		model.addAttribute("anyCases", counted.byStatus().values().stream().anyMatch(n -> n > 0));
	}

	private void addCase(Model model, long id, LuisterUser me) {
		var detail = cases.detail(id);
		model.addAttribute("kase", views().caseView(detail, replies.canSend(detail.summary())));
		persons.addTo(model, id);
		model.addAttribute("users", users.list());
		model.addAttribute("me", me.id().value());
		model.addAttribute("statuses", List.of(CaseStatus.values()));
		if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
		if (!model.containsAttribute("drafts")) model.addAttribute("drafts", new LinkedHashMap<>());
	}

	private static InboxViews views() {
		Locale locale = LocaleContextHolder.getLocale();
		return new InboxViews(Instant.now(), locale, LocaleContextHolder.getTimeZone().toZoneId());
	}

	private static boolean isPartial(String htmx, String restore) {
		return "true".equals(htmx) && !"true".equals(restore);
	}
}
