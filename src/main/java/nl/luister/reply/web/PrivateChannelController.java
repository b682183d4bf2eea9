package nl.luister.reply.web;

import java.util.Locale;
import java.util.Map;

import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.channel.Channel;
import nl.luister.mention.Labels;
import nl.luister.mention.StoredMention;
import nl.luister.reply.PersonalData;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The private-channel suggestion in the reply box: while an agent writes a public reply, the draft is checked
 * ({@link PersonalData}); when it asks for personal data or holds it, a hint with a ready text that moves the
 * conversation to a direct message (social networks) or e-mail (reviews, forums) is shown. The ready text is in
 * the customer's language when that is Dutch or English, else in the agent's. Replies by e-mail are private
 * already and get no hint. The draft is only inspected, never stored or logged.
 */
@Controller
class PrivateChannelController {

	private final CaseManagement cases;
	private final MessageSource messages;

	PrivateChannelController(CaseManagement cases, MessageSource messages) {
		this.cases = cases;
		this.messages = messages;
	}

	@PostMapping("/cases/{id}/private-check")
	String check(@PathVariable long id, @RequestParam(name = "text", defaultValue = "") String text, Model model) {
		CaseDetail detail = cases.detail(id);
		Channel channel = detail.summary().channel();
		PersonalData.Findings findings = text.length() > 10_000 ? PersonalData.inspect(text.substring(0, 10_000)) : PersonalData.inspect(text);
		model.addAttribute("caseId", id);
		model.addAttribute("suggest", channel != Channel.EMAIL && findings.any());
		model.addAttribute("findings", findings);
		model.addAttribute("kinds", findings.asked().isEmpty() ? findings.contained() : findings.asked());
		model.addAttribute("readyText", readyText(detail));
		return "channels/fragments :: privateSuggestionResult";
	}

	@PostMapping("/cases/{id}/private-text")
	String readyTextArea(@PathVariable long id, Model model) {
		model.addAttribute("readyText", readyText(cases.detail(id)));
		return "channels/fragments :: replyTextArea";
	}

	private String readyText(CaseDetail detail) {
		boolean dm = switch (detail.summary().channel()) {
			case TWITTER, MASTODON, BLUESKY -> true;
			default -> false;
		};
		return messages.getMessage(dm ? "channels.private.ready.dm" : "channels.private.ready.email", null, language(detail));
	}

	private static Locale language(CaseDetail detail) {
		StoredMention last = detail.lastCustomerMessage();
		Map<Long, Labels> labels = detail.labels();
		String lang = last == null || labels == null || labels.get(last.id()) == null ? null : labels.get(last.id()).language();
		if ("nl".equals(lang)) return Locale.forLanguageTag("nl");
		if ("en".equals(lang)) return Locale.ENGLISH;
		return LocaleContextHolder.getLocale();
	}
}
