package nl.luister.triage.web;

import nl.luister.account.LuisterUser;
import nl.luister.customer.PersonPanelModel;
import nl.luister.triage.Notifications;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /notifications}: the signed-in user's newest notifications, and marking them read. */
@Controller
class NotificationsController {

	private final Notifications notifications;

	NotificationsController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal LuisterUser me, Model model) {
		model.addAttribute("items", notifications.recent(me.id().value(), 100));
		model.addAttribute("times", new PersonPanelModel.Times(LocaleContextHolder.getLocale()));
		return "triage/notifications";
	}

	@PostMapping("/notifications/read")
	String read(@AuthenticationPrincipal LuisterUser me) {
		notifications.markAllRead(me.id().value());
		return "redirect:/notifications";
	}
}
