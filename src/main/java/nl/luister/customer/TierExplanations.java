package nl.luister.customer;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a person's influence tier into plain words in the reader's language, from the figures it was computed
 * from: "tier 4: 12,400 followers (top 6%), 3 replies to their messages, 5 messages in 90 days". Stateless.
 */
@Component
public class TierExplanations {

	private final MessageSource messages;

	TierExplanations(MessageSource messages) {
		this.messages = messages;
	}

	/** The explanation, or a line saying the tier was not computed yet. */
	public String explain(Person p, Locale locale) {
		TierBasis b = p.tierBasis();
		if (p.tier() == null || b == null) return messages.getMessage("customer.tier.notYet", null, locale);
		List<String> parts = new ArrayList<>();
		parts.add(b.followers() > 0
				? messages.getMessage("customer.tier.followers", new Object[] { b.followers(), percent(b.followersTopPercent(), locale) }, locale)
				: messages.getMessage("customer.tier.noFollowers", null, locale));
		parts.add(messages.getMessage("customer.tier.replies", new Object[] { b.repliesReceived() }, locale));
		parts.add(messages.getMessage("customer.tier.mentions", new Object[] { b.mentions90d() }, locale));
		if (b.centralityTopPercent() <= 30)
			parts.add(messages.getMessage("customer.tier.central", new Object[] { percent(b.centralityTopPercent(), locale) }, locale));
		return messages.getMessage("customer.tier.explained", new Object[] { p.tier(), String.join(", ", parts) }, locale);
	}

	/** "6" for 6 %, "0.4" under one percent, in the reader's notation. */
	static String percent(double topPercent, Locale locale) {
		NumberFormat f = NumberFormat.getNumberInstance(locale);
		f.setMaximumFractionDigits(topPercent < 1 ? 1 : 0);
		return f.format(Math.max(topPercent < 1 ? 0.1 : 1, topPercent));
	}
}
