package nl.luister.reply.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.luister.account.LuisterUser;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.reply.AgentProfile;
import nl.luister.reply.AgentProfiles;
import nl.luister.reply.Approvals;
import nl.luister.reply.ReplyTemplate;
import nl.luister.reply.TemplateDraft;
import nl.luister.reply.TemplateNotFound;
import nl.luister.reply.TemplateText;
import nl.luister.reply.Templates;
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
 * The replying part of the JSON API: templates ({@code /api/templates}; team leads and admins change them), the
 * templates of a case rendered for it ({@code /api/cases/{id}/templates}), the approval queue
 * ({@code /api/approvals}, team leads and admins), resubmitting a returned reply ({@code /api/replies/{id}/resubmit})
 * and reply profiles ({@code /api/me/replying} for one's own signature, {@code /api/users/{id}/replying} for admins,
 * including the trainee flag). Errors: 400 with the field, column and hint for a bad template, 403 for the wrong role,
 * 404 for an unknown template, 409 for a reply that is not in the state the step needs.
 */
@ApiController("/api")
class ReplyingApi {

	private final Templates templates;
	private final Approvals approvals;
	private final AgentProfiles profiles;
	private final Users users;

	ReplyingApi(Templates templates, Approvals approvals, AgentProfiles profiles, Users users) {
		this.templates = templates;
		this.approvals = approvals;
		this.profiles = profiles;
		this.users = users;
	}

	record TemplateJson(long id, Long brandId, String brand, String language, String name, String keywords, String body,
			List<String> variables, Instant updatedAt) {
		static TemplateJson of(ReplyTemplate t) {
			return new TemplateJson(t.id(), t.brandId(), t.brandName(), t.language(), t.name(), t.keywords(), t.body(),
					TemplateText.parse(t.body()).variables(), t.updatedAt());
		}
	}

	@GetMapping("/templates")
	List<TemplateJson> templates() {
		return templates.all().stream().map(TemplateJson::of).toList();
	}

	@GetMapping("/templates/{id}")
	TemplateJson template(@PathVariable long id) {
		return TemplateJson.of(templates.find(id).orElseThrow(() -> new TemplateNotFound(id)));
	}

	@PostMapping("/templates")
	ResponseEntity<TemplateJson> create(@RequestBody TemplateDraft draft, @AuthenticationPrincipal LuisterUser me) {
		requireLead(me);
		ReplyTemplate saved = templates.save(null, draft, me.id().value());
		return ResponseEntity.created(URI.create("/api/templates/" + saved.id())).body(TemplateJson.of(saved));
	}

	@PutMapping("/templates/{id}")
	TemplateJson update(@PathVariable long id, @RequestBody TemplateDraft draft, @AuthenticationPrincipal LuisterUser me) {
		requireLead(me);
		return TemplateJson.of(templates.save(id, draft, me.id().value()));
	}

	@DeleteMapping("/templates/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		requireLead(me);
		templates.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** A template rendered for a case and the calling agent. */
	record RenderedJson(long id, String name, String language, String brand, String text) {
	}

	/** The case's templates (its brand or every brand, its language first), rendered; {@code q} searches. */
	@GetMapping("/cases/{id}/templates")
	List<RenderedJson> forCase(@PathVariable long id, @RequestParam(defaultValue = "") String q, @AuthenticationPrincipal LuisterUser me) {
		Map<String, String> values = templates.values(id, me.id().value());
		return templates.forCase(id, q.length() > 100 ? q.substring(0, 100) : q, 50).stream()
			.map(t -> new RenderedJson(t.id(), t.name(), t.language(), t.brandName(), TemplateText.parse(t.body()).render(values)))
			.toList();
	}

	@GetMapping("/approvals")
	List<Approvals.Pending> queue(@AuthenticationPrincipal LuisterUser me) {
		requireLead(me);
		return approvals.queue();
	}

	record Approval(String text) {
	}

	record SendBack(String note) {
	}

	/** Approves a waiting reply, with {@code text} replacing it when given; it goes to the outbox. */
	@PostMapping("/approvals/{replyId}/approve")
	Map<String, Object> approve(@PathVariable long replyId, @RequestBody(required = false) Approval body, @AuthenticationPrincipal LuisterUser me) {
		approvals.approve(replyId, body == null ? null : body.text(), me.id().value());
		return state(replyId);
	}

	/** Sends a waiting reply back to its author with a note. */
	@PostMapping("/approvals/{replyId}/return")
	Map<String, Object> sendBack(@PathVariable long replyId, @RequestBody SendBack body, @AuthenticationPrincipal LuisterUser me) {
		approvals.sendBack(replyId, body.note(), me.id().value());
		return state(replyId);
	}

	/** The author resubmits a returned reply with new text: it waits for approval again. */
	@PostMapping("/replies/{replyId}/resubmit")
	Map<String, Object> resubmit(@PathVariable long replyId, @RequestBody Approval body, @AuthenticationPrincipal LuisterUser me) {
		approvals.resubmit(replyId, body.text(), me.id().value());
		return state(replyId);
	}

	/** A reply profile as the API shows it. */
	record ProfileJson(long userId, boolean trainee, String signature, String initials) {
		static ProfileJson of(AgentProfile p) {
			return new ProfileJson(p.userId(), p.trainee(), p.signature(), p.initials());
		}
	}

	/** A change of a profile; absent fields stay as they are. */
	record ProfilePatch(Boolean trainee, String signature, String initials) {
	}

	@GetMapping("/me/replying")
	ProfileJson myProfile(@AuthenticationPrincipal LuisterUser me) {
		return ProfileJson.of(profiles.of(me.id().value()));
	}

	/** Sets one's own signature and initials (not the trainee flag). */
	@PutMapping("/me/replying")
	ProfileJson setMyProfile(@RequestBody ProfilePatch body, @AuthenticationPrincipal LuisterUser me) {
		if (body.trainee() != null) throw new AccessDeniedException("only admins mark trainees");
		return ProfileJson.of(change(me.id().value(), body));
	}

	@GetMapping("/users/{id}/replying")
	ProfileJson profile(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		requireAdmin(me);
		return ProfileJson.of(profiles.of(existing(id)));
	}

	@PutMapping("/users/{id}/replying")
	ProfileJson setProfile(@PathVariable long id, @RequestBody ProfilePatch body, @AuthenticationPrincipal LuisterUser me) {
		requireAdmin(me);
		return ProfileJson.of(change(existing(id), body));
	}

	private AgentProfile change(long userId, ProfilePatch body) {
		AgentProfile now = profiles.of(userId);
		if (body.signature() != null || body.initials() != null) {
			profiles.setSignature(userId, body.signature() != null ? body.signature() : now.signature(),
					body.initials() != null ? body.initials() : now.initials());
		}
		if (body.trainee() != null) profiles.setTrainee(userId, body.trainee());
		return profiles.of(userId);
	}

	private long existing(long id) {
		return users.findById(new UserId(id)).orElseThrow(() -> new IllegalArgumentException("no user #" + id)).id().value();
	}

	private Map<String, Object> state(long replyId) {
		var review = approvals.review(replyId).orElseThrow();
		return Map.of("id", replyId, "state", review.state().name().toLowerCase(java.util.Locale.ROOT));
	}

	private static void requireLead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("only team leads and admins may do this");
	}

	private static void requireAdmin(LuisterUser me) {
		if (me == null || !me.isAdmin()) throw new AccessDeniedException("only admins may do this");
	}
}
