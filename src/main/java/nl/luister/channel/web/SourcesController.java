package nl.luister.channel.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.Source;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sources page: one card per source with its health, and the form to add or change one. Every signed-in
 * user sees the cards and may test a connection (it reads, never stores); only admins add, change, pause and
 * fetch.
 */
@Controller
@RequestMapping("/sources")
class SourcesController {

	/** Poll intervals offered in the form, in seconds. */
	static final List<Integer> INTERVALS = List.of(60, 300, 900, 3600, 21_600, 86_400);

	private final SourceAdmin sources;

	private final JsonMapper json;

	SourcesController(SourceAdmin sources, JsonMapper json) {
		this.sources = sources;
		this.json = json;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SourceForm.empty());
		}
		model.addAttribute("sources", this.sources.all());
		return form(model);
	}

	@PostMapping
	String create(@ModelAttribute("form") SourceForm form, BindingResult result, MailForm mailForm, SocialForm socialForm,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect) {
		requireAdmin(me);
		String settings = "mail".equals(form.type()) ? mailForm.settings(result, this.json)
				: SocialForm.handles(form.type()) ? socialForm.settings(form.type(), result, this.json) : settings(form, result);
		if (!result.hasErrors()) {
			try {
				SourceRecord created = this.sources.create(null, form.type(), form.name(), channel(form), settings,
						form.pollSeconds() == null ? 0 : form.pollSeconds());
				redirect.addFlashAttribute("flash", "sources.created");
				redirect.addFlashAttribute("flashArgument", created.name());
				if ("webhook".equals(created.type())) redirect.addFlashAttribute("webhookSecret", socialForm.generatedSecret(settings));
				return "redirect:/sources";
			}
			catch (IllegalArgumentException ex) {
				result.reject("sources.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			}
		}
		return list(model);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, Model model) {
		requireAdmin(me);
		SourceRecord source = this.sources.get(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new SourceForm(source.type(), source.name(), source.channel().key(),
					storedUrl(source), source.pollSeconds()));
		}
		model.addAttribute("source", source);
		return form(model, "sources/edit");
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") SourceForm form, BindingResult result,
			@AuthenticationPrincipal LuisterUser me, Model model, RedirectAttributes redirect) {
		requireAdmin(me);
		SourceRecord source = this.sources.get(id);
		SourceForm typed = new SourceForm(source.type(), form.name(), form.channel(), form.url(), form.pollSeconds());
		// the server settings and secrets of a mailbox, Mastodon, Bluesky or webhook source are changed through the
		// API (PUT /api/sources/{id}); the page keeps them
		String settings = "mail".equals(source.type()) || SocialForm.handles(source.type()) ? checkedName(form, result) : settings(typed, result);
		if (!result.hasErrors()) {
			try {
				this.sources.update(id, form.name(), channel(form), settings, form.pollSeconds() == null ? 0 : form.pollSeconds());
				redirect.addFlashAttribute("flash", "sources.updated");
				redirect.addFlashAttribute("flashArgument", form.name().strip());
				return "redirect:/sources";
			}
			catch (IllegalArgumentException ex) {
				result.reject("sources.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			}
		}
		model.addAttribute("source", source);
		return form(model, "sources/edit");
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		return setPaused(id, true, me, redirect);
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		return setPaused(id, false, me, redirect);
	}

	/** "Test connection": answers the probe's outcome as a fragment for htmx, or as a flash message without it. */
	@PostMapping("/{id}/test")
	String test(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		SourceRecord source = this.sources.get(id);
		Source.Probe probe = this.sources.test(id);
		if (htmx == null) {
			redirect.addFlashAttribute(probe.ok() ? "flash" : "flashError", probe.ok() ? "sources.probe.flash.ok" : "sources.probe.flash.failed");
			redirect.addFlashAttribute("flashArgument", source.name() + ": " + probe.message());
			return "redirect:/sources";
		}
		model.addAttribute("source", source);
		model.addAttribute("probe", probe);
		return "sources/probe :: probe";
	}

	@PostMapping("/{id}/fetch")
	String fetch(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		requireAdmin(me);
		SourceRecord source = this.sources.get(id);
		redirect.addFlashAttribute("flashArgument", source.name());
		if (SourceAdmin.IMPORT_TYPE.equals(source.type())) {
			redirect.addFlashAttribute("flashError", "sources.fetch.import");
			return "redirect:/sources";
		}
		int added = this.sources.pollNow(id);
		SourceRecord after = this.sources.get(id);
		if (after.health() == SourceRecord.Health.FAILING) {
			redirect.addFlashAttribute("flashError", "sources.fetch.failed");
		}
		else {
			redirect.addFlashAttribute("flash", "sources.fetch.done");
			redirect.addFlashAttribute("flashArgument", added);
		}
		return "redirect:/sources";
	}

	private String setPaused(long id, boolean paused, LuisterUser me, RedirectAttributes redirect) {
		requireAdmin(me);
		this.sources.pause(id, paused);
		redirect.addFlashAttribute("flash", paused ? "sources.paused" : "sources.resumed");
		redirect.addFlashAttribute("flashArgument", this.sources.get(id).name());
		return "redirect:/sources";
	}

	private String form(Model model) {
		return form(model, "sources/list");
	}

	private String form(Model model, String view) {
		model.addAttribute("types", this.sources.types());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("intervals", INTERVALS);
		model.addAttribute("zone", ZoneId.systemDefault());
		return view;
	}

	/** The connector settings as JSON, or {@code null} after rejecting a field; checks what the service cannot word kindly. */
	private String settings(SourceForm form, BindingResult result) {
		if (form.name() == null || form.name().isBlank()) {
			result.rejectValue("name", "sources.name.required");
		}
		if (!"rss".equals(form.type())) {
			return "{}";
		}
		String url = form.url() == null ? "" : form.url().strip();
		if (!isWebAddress(url)) {
			result.rejectValue("url", "sources.url.invalid");
			return null;
		}
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("url", url);
		settings.put("channel", channel(form).name());
		return this.json.writeValueAsString(settings);
	}

	private static String checkedName(SourceForm form, BindingResult result) {
		if (form.name() == null || form.name().isBlank()) result.rejectValue("name", "sources.name.required");
		return null;
	}

	static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static Channel channel(SourceForm form) {
		try {
			return Channel.parse(form.channel());
		}
		catch (IllegalArgumentException ex) {
			return Channel.OTHER;
		}
	}

	private String storedUrl(SourceRecord source) {
		try {
			return this.json.readTree(source.settings()).path("url").asString("");
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static void requireAdmin(LuisterUser me) {
		if (me == null || !me.isAdmin()) {
			throw new AccessDeniedException("only admins change sources");
		}
	}

	/** What the add and edit forms send; {@code url} is only read for RSS sources. */
	record SourceForm(String type, String name, String channel, String url, Integer pollSeconds) {

		static SourceForm empty() {
			return new SourceForm("rss", "", Channel.BLOG.key(), "", 300);
		}
	}
}
