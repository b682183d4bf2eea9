package nl.luister.customer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the inbox needs from this feature, so the inbox controller stays unaware of persons: the model of
 * the person panel ({@code templates/customer/panel.html}) and the tier badges of the case list. Stateless.
 */
@Component
public class PersonPanelModel {

	private final Customers customers;
	private final TierExplanations explanations;

	PersonPanelModel(Customers customers, TierExplanations explanations) {
		this.customers = customers;
		this.explanations = explanations;
	}

	/** Adds {@code personPanel} (or {@code null}), {@code personTierText} and {@code personTimes} for a case's author. */
	public void addTo(Model model, long caseId) {
		var panel = customers.panelForCase(caseId).orElse(null);
		model.addAttribute("personPanel", panel);
		model.addAttribute("personTierText", panel == null ? null : explanations.explain(panel.person(), LocaleContextHolder.getLocale()));
		model.addAttribute("personTimes", new Times(LocaleContextHolder.getLocale()));
	}

	/** The influence tier of each listed case's author where known, by case id. */
	public Map<Long, Integer> tiers(List<Long> caseIds) {
		return customers.tiersOfCases(caseIds);
	}

	/** Moments in the reader's locale and zone, for templates. */
	public static final class Times {
		private final DateTimeFormatter format;

		public Times(Locale locale) {
			this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
				.withZone(LocaleContextHolder.getTimeZone().toZoneId());
		}

		public String at(Instant at) {
			return at == null ? "" : format.format(at);
		}
	}
}
