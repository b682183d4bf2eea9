package nl.luister.routing.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.routing.Agents;
import nl.luister.routing.InvalidTeam;
import nl.luister.routing.Presence;
import nl.luister.routing.Team;
import nl.luister.routing.TeamNotFound;
import nl.luister.routing.Teams;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The teams page ({@code /admin/teams}), for team leads and admins (others get 403): teams with their skills and
 * members, and every agent's presence, capacity and load. An invalid team is shown at its field with status 422.
 */
@Controller
@RequestMapping("/admin/teams")
class TeamsController {

	private final Teams teams;
	private final Agents agents;

	TeamsController(Teams teams, Agents agents) {
		this.teams = teams;
		this.agents = agents;
	}

	@ModelAttribute
	void onlyLeads(@AuthenticationPrincipal LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("teams are managed by team leads");
	}

	@GetMapping
	String page(Model model) {
		return page(model, null, null, TeamForm.empty());
	}

	@PostMapping
	String create(@ModelAttribute TeamForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Team t = teams.create(form.toTeam(0));
			redirect.addFlashAttribute("flash", "routing.team.created");
			redirect.addFlashAttribute("flashArgument", t.name());
			return "redirect:/admin/teams";
		}
		catch (InvalidTeam e) {
			response.setStatus(422);
			return page(model, e, null, form);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute TeamForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Team t = teams.update(form.toTeam(id));
			redirect.addFlashAttribute("flash", "routing.team.saved");
			redirect.addFlashAttribute("flashArgument", t.name());
			return "redirect:/admin/teams";
		}
		catch (InvalidTeam e) {
			response.setStatus(422);
			return page(model, e, id, form);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Team t = teams.find(id).orElseThrow(() -> new TeamNotFound(id));
		teams.delete(id);
		redirect.addFlashAttribute("flash", "routing.team.deleted");
		redirect.addFlashAttribute("flashArgument", t.name());
		return "redirect:/admin/teams";
	}

	@PostMapping("/agents/{userId}")
	String agent(@PathVariable long userId, @RequestParam int capacity, @RequestParam(required = false) String presence,
			RedirectAttributes redirect) {
		if (agents.status(userId).isEmpty()) throw new AgentNotFound(userId);
		try {
			agents.setCapacity(userId, capacity);
			if (presence != null && !presence.isBlank()) agents.setPresence(userId, Presence.parse(presence));
			redirect.addFlashAttribute("flash", "routing.agent.saved");
		}
		catch (InvalidTeam e) {
			redirect.addFlashAttribute("flashError", e.messageKey());
		}
		return "redirect:/admin/teams";
	}

	private String page(Model model, InvalidTeam error, Long editing, TeamForm form) {
		List<Team> all = teams.list();
		model.addAttribute("teams", all);
		model.addAttribute("forms", all.stream().collect(java.util.stream.Collectors.toMap(Team::id,
				t -> editing != null && editing == t.id() ? form : TeamForm.of(t))));
		model.addAttribute("newTeam", editing == null ? form : TeamForm.empty());
		model.addAttribute("errors", error == null ? Map.of() : Map.of(error.field(), error.messageKey()));
		model.addAttribute("editing", editing == null ? 0L : editing);
		model.addAttribute("queues", teams.queueSizes());
		model.addAttribute("agents", agents.list());
		model.addAttribute("brands", teams.brands());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("presences", Presence.values());
		model.addAttribute("teamNames", all.stream().collect(java.util.stream.Collectors.toMap(Team::id, Team::name)));
		return "routing/teams";
	}
}
