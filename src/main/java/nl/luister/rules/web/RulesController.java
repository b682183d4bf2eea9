package nl.luister.rules.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import nl.luister.account.LuisterUser;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.routing.Team;
import nl.luister.routing.Teams;
import nl.luister.channel.Channel;
import nl.luister.channel.Sources;
import nl.luister.monitor.TopicManagement;
import nl.luister.rules.InvalidRule;
import nl.luister.rules.Rule;
import nl.luister.rules.RuleManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules pages, for team leads and admins (others get 403): the list in run order with up/down and on/off,
 * the form to create or change a rule, and trying a rule against recent cases (an htmx request answers only the
 * result; a plain post the whole form page).
 */
@Controller
@RequestMapping("/rules")
class RulesController {

	private final RuleManagement rules;
	private final Users users;
	private final Teams teams;
	private final TopicManagement topics;
	private final Sources sources;

	RulesController(RuleManagement rules, Users users, Teams teams, TopicManagement topics, Sources sources) {
		this.rules = rules;
		this.users = users;
		this.teams = teams;
		this.topics = topics;
		this.sources = sources;
	}

	@ModelAttribute
	void onlyLeads(@AuthenticationPrincipal LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("rules are for team leads");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rules", rules.all());
		model.addAttribute("userNames", userNames());
		model.addAttribute("teamNames", teamNames());
		return "rules/list";
	}

	@GetMapping("/new")
	String create(Model model) {
		return form(model, null, RuleForm.empty());
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Rule rule = rules.get(id);
		return form(model, rule, RuleForm.of(rule));
	}

	@PostMapping
	String save(@ModelAttribute("rule") RuleForm form, @AuthenticationPrincipal LuisterUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Rule saved = rules.create(form.name(), form.conditions(), form.actions(), me.id().value());
			redirect.addFlashAttribute("flash", "rules.saved");
			return "redirect:/rules/" + saved.id();
		}
		catch (InvalidRule e) {
			return invalid(model, null, form, e, response);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("rule") RuleForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Rule existing = rules.get(id);
		try {
			rules.update(id, form.name(), form.conditions(), form.actions());
			redirect.addFlashAttribute("flash", "rules.saved");
			return "redirect:/rules/" + id;
		}
		catch (InvalidRule e) {
			return invalid(model, existing, form, e, response);
		}
	}

	@PostMapping("/{id}/enabled")
	String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		rules.setEnabled(id, enabled);
		redirect.addFlashAttribute("flash", enabled ? "rules.switchedOn" : "rules.switchedOff");
		return "redirect:/rules";
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam int by) {
		rules.move(id, by);
		return "redirect:/rules";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		rules.delete(id);
		redirect.addFlashAttribute("flash", "rules.deleted");
		return "redirect:/rules";
	}

	@PostMapping("/try")
	String tryRule(@ModelAttribute("rule") RuleForm form, @RequestParam(required = false) Long id, Model model,
			HttpServletResponse response, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		try {
			int limit = form.tryLimit() == null ? 50 : form.tryLimit();
			model.addAttribute("trial", rules.tryRule(form.name(), form.conditions(), form.actions(), limit));
			model.addAttribute("userNames", userNames());
		model.addAttribute("teamNames", teamNames());
			if ("true".equals(htmx)) return "rules/form :: trial";
			return form(model, id == null ? null : rules.get(id), form);
		}
		catch (InvalidRule e) {
			if ("true".equals(htmx)) {
				model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
				model.addAttribute("trialError", e.messageKey());
				return "rules/form :: trial";
			}
			return invalid(model, id == null ? null : rules.get(id), form, e, response);
		}
	}

	private String invalid(Model model, Rule existing, RuleForm form, InvalidRule e, HttpServletResponse response) {
		response.setStatus(422);
		model.addAttribute("errors", Map.of(e.field(), e.messageKey()));
		return form(model, existing, form);
	}

	private String form(Model model, Rule existing, RuleForm form) {
		model.addAttribute("existing", existing);
		model.addAttribute("rule", form);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("topics", topics.all());
		model.addAttribute("sources", sources.all());
		model.addAttribute("users", users.list().stream().filter(User::enabled).toList());
		model.addAttribute("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
		if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
		if (!model.containsAttribute("userNames")) model.addAttribute("userNames", userNames());
		if (!model.containsAttribute("teamNames")) model.addAttribute("teamNames", teamNames());
		model.addAttribute("teams", teams.list());
		model.addAttribute("teamNames", teamNames());
		return "rules/form";
	}

	private Map<String, String> teamNames() {
		return teams.list().stream().collect(Collectors.toMap(t -> t.id() + "", Team::name));
	}

	private Map<String, String> userNames() {
		return users.list().stream().collect(Collectors.toMap(u -> u.id().value() + "", User::displayName));
	}
}
