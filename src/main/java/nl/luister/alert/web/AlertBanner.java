package nl.luister.alert.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.luister.account.LuisterUser;
import nl.luister.alert.Alert;
import nl.luister.alert.Alerts;

/**
 * Gives every page the banner of unacknowledged alerts ({@code alertBanner}), read lazily: only a page that renders
 * the layout queries the database, once.
 */
@ControllerAdvice(annotations = Controller.class)
class AlertBanner {

	private final Alerts alerts;

	AlertBanner(Alerts alerts) {
		this.alerts = alerts;
	}

	@ModelAttribute("alertBanner")
	Banner banner(@AuthenticationPrincipal LuisterUser user) {
		return user == null ? null : new Banner(alerts);
	}

	/** The most severe unacknowledged alerts and how many there are; fetched on first use. */
	public static final class Banner {

		private final Alerts alerts;
		private List<Alert> top;
		private long count = -1;

		Banner(Alerts alerts) {
			this.alerts = alerts;
		}

		public List<Alert> getTop() {
			if (top == null) top = alerts.unacknowledged(3);
			return top;
		}

		public long getCount() {
			if (count < 0) count = getTop().isEmpty() ? 0 : alerts.unacknowledgedCount();
			return count;
		}
	}
}
