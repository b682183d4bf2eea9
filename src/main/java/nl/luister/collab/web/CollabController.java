package nl.luister.collab.web;

import java.util.Locale;

import nl.luister.account.LuisterUser;
import nl.luister.collab.CasePresence;
import nl.luister.collab.ForwardRefused;
import nl.luister.collab.Forwards;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collaboration parts of the case view: the presence heartbeat (answered with who else is there), leaving a
 * case, and forwarding a case (answered with the forwards section for htmx, a redirect to the case otherwise).
 */
@Controller
class CollabController {

	private final CasePresence presence;
	private final Forwards forwards;

	CollabController(CasePresence presence, Forwards forwards) {
		this.presence = presence;
		this.forwards = forwards;
	}

	/** The case view's heartbeat, every few seconds: {@code activity} is {@code viewing}, {@code reply} or {@code note}. */
	@PostMapping("/cases/{id}/presence")
	String heartbeat(@PathVariable long id, @RequestParam(defaultValue = "viewing") String activity, @AuthenticationPrincipal LuisterUser me,
			Model model) {
		long userId = me.id().value();
		presence.heartbeat(id, userId, me.displayName(), CasePresence.Activity.parse(activity));
		model.addAttribute("viewers", presence.others(id, userId));
		return "collab/case :: viewers";
	}

	@PostMapping("/cases/{id}/presence/leave")
	ResponseEntity<Void> leave(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		presence.leave(id, me.id().value());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/cases/{id}/forwards")
	String forward(@PathVariable long id, @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx) {
		Locale locale = LocaleContextHolder.getLocale();
		String message;
		boolean ok;
		Object argument = to.strip();
		try {
			var f = forwards.forward(id, to, note, me.id().value(), locale);
			ok = f.mailError() == null;
			message = ok ? "collab.forward.sent" : "collab.forward.mailFailed";
			if (!ok) argument = f.mailError();
		}
		catch (ForwardRefused e) {
			ok = false;
			message = e.reason().key();
			if (e.reason() != ForwardRefused.Reason.ADDRESS) argument = null;
			model.addAttribute("forwardDraft", new Draft(to, note));
		}
		return answer(id, ok, message, argument, model, redirect, htmx);
	}

	@PostMapping("/cases/{id}/forwards/{forwardId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long forwardId, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		var f = forwards.revoke(id, forwardId, me.id().value());
		return answer(id, true, "collab.forward.revoked", f.recipient(), model, redirect, htmx);
	}

	/** What the agent typed into the forward form, kept when it was refused. */
	record Draft(String to, String note) {
	}

	private static String answer(long id, boolean ok, String message, Object argument, Model model, RedirectAttributes redirect, String htmx) {
		if ("true".equals(htmx)) {
			model.addAttribute("caseId", id);
			model.addAttribute(ok ? "forwardNotice" : "forwardError", message);
			model.addAttribute("forwardArgument", argument);
			return "collab/case :: forwards-response";
		}
		redirect.addFlashAttribute(ok ? "flash" : "flashError", message);
		redirect.addFlashAttribute("flashArgument", argument);
		return "redirect:/cases/" + id;
	}
}
