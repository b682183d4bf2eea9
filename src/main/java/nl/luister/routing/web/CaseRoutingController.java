package nl.luister.routing.web;

import java.util.List;

import nl.luister.account.LuisterUser;
import nl.luister.routing.BulkActions;
import nl.luister.routing.Routing;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Routing from the inbox: re-assign one case to a team (or route it now) from the case view, and the bulk actions on
 * the selected rows of the case list. Plain form posts answered with a redirect and a flash message.
 */
@Controller
class CaseRoutingController {

	private final Routing routing;
	private final BulkActions bulk;

	CaseRoutingController(Routing routing, BulkActions bulk) {
		this.routing = routing;
		this.bulk = bulk;
	}

	/** With a team: moves the case to that team and routes it there; without: routes an unassigned case now. */
	@PostMapping("/cases/{id}/route")
	String route(@PathVariable long id, @RequestParam(required = false) Long team, @AuthenticationPrincipal LuisterUser me,
			RedirectAttributes redirect) {
		if (team != null) routing.moveToTeam(List.of(id), team, me.id().value());
		else routing.route(List.of(id));
		redirect.addFlashAttribute("flash", "routing.case.routed");
		return "redirect:" + forThisAnswer("/cases/" + id);
	}

	@PostMapping("/cases/bulk")
	String bulk(@RequestParam(name = "cases", required = false) List<Long> cases, @RequestParam String action,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) Long team,
			@RequestParam(required = false) String tag, @RequestParam(defaultValue = "") String back,
			@AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		String target = back.startsWith("/") && !back.startsWith("//") ? back : "/";
		try {
			BulkActions.Action a = BulkActions.Action.parse(action);
			Long user = assignee == null || assignee.isBlank() ? null : "me".equals(assignee) ? me.id().value() : Long.parseLong(assignee);
			int n = bulk.apply(cases == null ? List.of() : cases, a, user, team, tag, me.id().value());
			redirect.addFlashAttribute("flash", "routing.bulk.done." + a.key());
			redirect.addFlashAttribute("flashArgument", n);
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "routing.bulk.invalid");
		}
		return "redirect:" + forThisAnswer(target);
	}

	/**
	 * The page to return to, marked ({@code done=1}) so that the flash message waits for exactly this request: the
	 * inbox's live refresh (htmx, after the same change) asks for the same path and would otherwise take the message first.
	 */
	private static String forThisAnswer(String target) {
		return target + (target.contains("?") ? "&" : "?") + "done=1";
	}
}
