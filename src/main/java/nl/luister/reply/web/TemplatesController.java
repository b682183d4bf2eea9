package nl.luister.reply.web;

import java.util.List;
import java.util.Map;

import nl.luister.account.LuisterUser;
import nl.luister.reply.InvalidTemplate;
import nl.luister.reply.ReplyTemplate;
import nl.luister.reply.TemplateDraft;
import nl.luister.reply.TemplateNotFound;
import nl.luister.reply.TemplateText;
import nl.luister.reply.Templates;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates page ({@code /templates}: everyone reads, team leads and admins change) and the template picker of
 * the reply box ({@code /cases/{id}/templates?q=}: the case's templates rendered for it, as an htmx fragment).
 * Template names, keywords and bodies, and every rendered value, are shown through th:text only.
 */
@Controller
class TemplatesController {

	private final Templates templates;

	TemplatesController(Templates templates) {
		this.templates = templates;
	}

	/** The form as posted and shown again. */
	record TemplateForm(Long id, Long brandId, String language, String name, String keywords, String body) {
		static TemplateForm empty() {
			return new TemplateForm(null, null, "nl", "", "", "");
		}

		static TemplateForm of(ReplyTemplate t) {
			return new TemplateForm(t.id(), t.brandId(), t.language(), t.name(), t.keywords(), t.body());
		}

		TemplateDraft draft() {
			return new TemplateDraft(brandId, language, name, keywords, body);
		}
	}

	@GetMapping("/templates")
	String list(@AuthenticationPrincipal LuisterUser me, Model model) {
		return page(model, me, TemplateForm.empty(), Map.of());
	}

	@GetMapping("/templates/{id}")
	String edit(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, Model model) {
		return page(model, me, TemplateForm.of(templates.find(id).orElseThrow(() -> new TemplateNotFound(id))), Map.of());
	}

	@PostMapping({ "/templates", "/templates/{id}" })
	String save(@PathVariable(required = false) Long id, @RequestParam(required = false) Long brandId,
			@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String body,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
		requireLead(me);
		TemplateForm form = new TemplateForm(id, brandId, language, name, keywords, body);
		try {
			ReplyTemplate saved = templates.save(id, form.draft(), me.id().value());
			redirect.addFlashAttribute("flash", "replying.templates.saved");
			redirect.addFlashAttribute("flashArgument", saved.name());
			return "redirect:/templates";
		}
		catch (InvalidTemplate e) {
			response.setStatus(422);
			return page(model, me, form, Map.of(e.field(), e));
		}
	}

	@PostMapping("/templates/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		requireLead(me);
		templates.delete(id);
		redirect.addFlashAttribute("flash", "replying.templates.deleted");
		return "redirect:/templates";
	}

	/** One template in the picker, with its text rendered for the case and the agent. */
	record Choice(ReplyTemplate template, String text) {
	}

	@GetMapping("/cases/{id}/templates")
	String picker(@PathVariable long id, @RequestParam(defaultValue = "") String q, @AuthenticationPrincipal LuisterUser me, Model model) {
		String query = q.length() > 100 ? q.substring(0, 100) : q;
		Map<String, String> values = templates.values(id, me.id().value());
		List<Choice> choices = templates.forCase(id, query, 20).stream()
			.map(t -> new Choice(t, TemplateText.parse(t.body()).render(values)))
			.toList();
		model.addAttribute("choices", choices);
		model.addAttribute("caseLanguage", templates.context(id).language());
		return "replying/picker :: results";
	}

	private String page(Model model, LuisterUser me, TemplateForm form, Map<String, InvalidTemplate> errors) {
		model.addAttribute("templates", templates.all());
		model.addAttribute("brands", templates.brands());
		model.addAttribute("variables", TemplateText.VARIABLES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", me.isTeamLead());
		return "replying/templates";
	}

	private static void requireLead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("templates are changed by team leads and admins");
	}
}
