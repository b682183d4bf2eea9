package nl.luister.collab.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import nl.luister.account.LuisterUser;
import nl.luister.collab.CasePresence;
import nl.luister.collab.Forwards;
import nl.luister.web.ApiController;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code /api/cases/{id}/forwards} (list, forward by e-mail, revoke) and {@code /api/cases/{id}/presence} (who else has
 * the case open). The link itself is never returned: it goes only to the recipient's mailbox.
 */
@ApiController("/api/cases")
class CollabApi {

	private final Forwards forwards;
	private final CasePresence presence;

	CollabApi(Forwards forwards, CasePresence presence) {
		this.forwards = forwards;
		this.presence = presence;
	}

	@GetMapping("/{id}/forwards")
	List<ForwardJson> list(@PathVariable long id) {
		Instant now = Instant.now();
		return forwards.of(id).stream().map(f -> ForwardJson.of(f, now)).toList();
	}

	/** {@code {"to": "dev@example.org", "note": "..."}}: 201; 400 on a bad address or note, 429 when a cap is reached. */
	@PostMapping("/{id}/forwards")
	ResponseEntity<ForwardJson> forward(@PathVariable long id, @RequestBody NewForward body, @AuthenticationPrincipal LuisterUser me) {
		Locale locale = LocaleContextHolder.getLocale();
		var f = forwards.forward(id, body.to(), body.note(), me.id().value(), locale);
		return ResponseEntity.created(URI.create("/api/cases/" + id + "/forwards")).body(ForwardJson.of(f, Instant.now()));
	}

	@PostMapping("/{id}/forwards/{forwardId}/revoke")
	ForwardJson revoke(@PathVariable long id, @PathVariable long forwardId, @AuthenticationPrincipal LuisterUser me) {
		return ForwardJson.of(forwards.revoke(id, forwardId, me.id().value()), Instant.now());
	}

	@GetMapping("/{id}/presence")
	List<CasePresence.Viewer> presence(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		return presence.others(id, me.id().value());
	}

	record NewForward(String to, String note) {
	}

	record ForwardJson(long id, String state, String to, String note, String forwardedBy, Instant at, Instant expiresAt, Instant revokedAt,
			String revokedBy, int opened, Instant lastOpenedAt, String mailError) {

		static ForwardJson of(Forwards.Forward f, Instant now) {
			return new ForwardJson(f.id(), f.state(now), f.recipient(), f.note(), f.forwardedBy(), f.createdAt(), f.expiresAt(), f.revokedAt(),
					f.revokedBy(), f.openCount(), f.lastOpenedAt(), f.mailError());
		}
	}
}
