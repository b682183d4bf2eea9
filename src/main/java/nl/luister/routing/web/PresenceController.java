package nl.luister.routing.web;

import nl.luister.account.LuisterUser;
import nl.luister.routing.Agents;
import nl.luister.routing.Presence;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The presence control in the page header: the signed-in agent sets themselves online, away or offline. */
@Controller
class PresenceController {

	private final Agents agents;

	PresenceController(Agents agents) {
		this.agents = agents;
	}

	@PostMapping("/presence")
	String set(@RequestParam String presence, @AuthenticationPrincipal LuisterUser me,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "Referer", required = false) String referer) {
		agents.setPresence(me.id().value(), Presence.parse(presence));
		if ("true".equals(htmx)) {
			return "routing/presence :: control";
		}
		return "redirect:" + back(referer);
	}

	/** Back to the page the control was on, on this site only. */
	static String back(String referer) {
		if (referer == null) return "/";
		try {
			java.net.URI uri = java.net.URI.create(referer);
			String path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//") ? "/" : uri.getRawPath();
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException e) {
			return "/";
		}
	}
}
