package nl.luister.collab.web;

import jakarta.servlet.http.HttpServletResponse;

import nl.luister.collab.Forwards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The read-only view behind a forward link, {@code /shared/cases/{token}}, for people without a Luister account: the
 * case's customer messages and sent replies with the forwarder's note, never internal notes. An expired, revoked or
 * gone link answers 410, a forged one 403, each with a page that says what to do. Never indexed or cached.
 */
@Controller
class SharedCaseController {

	private final Forwards forwards;

	SharedCaseController(Forwards forwards) {
		this.forwards = forwards;
	}

	@GetMapping("/shared/cases/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		response.setHeader("X-Robots-Tag", "noindex, nofollow, noarchive");
		response.setHeader("Cache-Control", "no-store");
		return switch (forwards.open(token)) {
			case Forwards.Opened opened -> {
				model.addAttribute("forward", opened.forward());
				model.addAttribute("kase", opened.kase());
				yield "collab/shared";
			}
			case Forwards.Refused refused -> {
				response.setStatus(refused.status());
				model.addAttribute("reason", refused.reason());
				yield "collab/shared-refused";
			}
		};
	}
}
