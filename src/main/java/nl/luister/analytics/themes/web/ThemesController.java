package nl.luister.analytics.themes.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import nl.luister.account.LuisterUser;
import nl.luister.notice.NoticeMail;
import nl.luister.analytics.themes.Themes;
import nl.luister.audit.AuditLog;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;

/** The themes page (what is new in a topic, with examples) and sending one theme to a colleague by e-mail. */
@Controller
class ThemesController {

	static final List<Integer> PERIODS = List.of(1, 7, 30);

	private final Themes themes;
	private final TopicManagement topics;
	private final NoticeMail mail;
	private final AuditLog audit;
	private final MessageSource messages;
	private final String baseUrl;

	ThemesController(Themes themes, TopicManagement topics, NoticeMail mail, AuditLog audit, MessageSource messages,
			@Value("${luister.base-url:http://localhost:8080}") String baseUrl) {
		this.themes = themes;
		this.topics = topics;
		this.mail = mail;
		this.audit = audit;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@GetMapping("/themes")
	String page(@RequestParam(required = false) Long topic, @RequestParam(defaultValue = "7") int days, Model model) {
		List<Topic> all = topics.all();
		int period = PERIODS.contains(days) ? days : 7;
		Topic selected = all.stream().filter(t -> topic != null && t.id() == topic).findFirst().orElse(all.isEmpty() ? null : all.getFirst());
		model.addAttribute("topics", all);
		model.addAttribute("selected", selected);
		model.addAttribute("days", period);
		model.addAttribute("periods", PERIODS);
		model.addAttribute("mailConfigured", mail.configured());
		if (selected != null) model.addAttribute("result", compute(selected.id(), period));
		return "themes/themes";
	}

	private Themes.Result compute(long topic, int days) {
		Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		return themes.themes(topic, to.minus(Duration.ofDays(days)), to, 15);
	}

	@PostMapping("/themes/send")
	String send(@RequestParam long topic, @RequestParam(defaultValue = "7") int days, @RequestParam String term, @RequestParam String to,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal LuisterUser user, RedirectAttributes redirect) {
		Topic t = topics.get(topic);
		int period = PERIODS.contains(days) ? days : 7;
		String back = "redirect:" + UriComponentsBuilder.fromPath("/themes").queryParam("topic", topic).queryParam("days", period).build().toUriString();
		String address = to.strip();
		if (!NoticeMail.isAddress(address)) {
			redirect.addFlashAttribute("flashError", "themes.send.badAddress");
			redirect.addFlashAttribute("flashArgument", address);
			return back;
		}
		Themes.Theme theme = compute(topic, period).themes().stream().filter(x -> x.term().equals(term)).findFirst().orElse(null);
		if (theme == null) {
			redirect.addFlashAttribute("flashError", "themes.send.gone");
			redirect.addFlashAttribute("flashArgument", term);
			return back;
		}
		var locale = LocaleContextHolder.getLocale();
		String subject = messages.getMessage("themes.mail.subject", new Object[] { theme.term(), t.name() }, locale);
		String intro = messages.getMessage("themes.mail.intro", new Object[] { user.displayName(), t.name(), theme.mentions(), period,
				Math.round(theme.lift() * 10) / 10.0, theme.term() }, locale);
		String link = baseUrl + UriComponentsBuilder.fromPath("/search").queryParam("q", "\"" + theme.term() + "\"").encode().build().toUriString();
		StringBuilder text = new StringBuilder(intro).append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(intro)).append("</p>");
		if (!note.isBlank()) {
			text.append(note.strip()).append("\n\n");
			html.append("<blockquote>").append(HtmlUtils.htmlEscape(note.strip())).append("</blockquote>");
		}
		html.append("<ul>");
		for (Themes.Example e : theme.examples()) {
			String line = (e.author() == null ? "" : e.author() + " (" + e.channel() + "): ") + e.text();
			text.append("- ").append(line).append('\n');
			html.append("<li>").append(HtmlUtils.htmlEscape(line)).append("</li>");
		}
		html.append("</ul><p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">").append(HtmlUtils.htmlEscape(link)).append("</a></p>");
		text.append('\n').append(link).append('\n');
		try {
			mail.send(address, subject, text.toString(), html.toString());
		}
		catch (jakarta.mail.MessagingException e) {
			redirect.addFlashAttribute("flashError", "themes.send.failed");
			redirect.addFlashAttribute("flashArgument", e.getMessage());
			return back;
		}
		audit.record(user.id().value(), "theme.sent", "topic", topic, Map.of("term", theme.term(), "mentions", theme.mentions()));
		redirect.addFlashAttribute("flash", "themes.send.done");
		redirect.addFlashAttribute("flashArgument", address);
		return back;
	}
}
