package nl.luister.reply;

import java.util.Locale;

import nl.luister.channel.Channel;

/**
 * The signature added below a reply, per channel: on short public channels (X/Twitter, Mastodon, Bluesky) the
 * initials as {@code ^AB} on the same line, the webcare convention that keeps a post short; everywhere else (e-mail,
 * forums, reviews) the full signature on lines of its own. Initials default to the first letters of the agent's
 * name when the agent set a signature but no initials. Stateless and thread-safe.
 */
public final class Signatures {

	private Signatures() {
	}

	/** Whether the channel gets the short signature. */
	public static boolean isShort(Channel channel) {
		return switch (channel) {
			case TWITTER, MASTODON, BLUESKY -> true;
			default -> false;
		};
	}

	/** What is added to a reply on this channel ({@code " ^AB"} or {@code "\n\n—\nAnna"}); empty when nothing. */
	public static String suffix(AgentProfile p, String agentName, Channel channel) {
		if (p == null || (p.signature() == null && p.initials() == null)) return "";
		if (isShort(channel)) {
			String initials = p.initials() != null ? p.initials() : initials(agentName);
			return initials.isEmpty() ? "" : " ^" + initials;
		}
		return p.signature() == null ? "" : "\n\n" + p.signature();
	}

	/** The text with the signature added, unless the text already ends with it (a resubmitted or edited reply). */
	public static String sign(String text, AgentProfile p, String agentName, Channel channel) {
		String suffix = suffix(p, agentName, channel);
		if (suffix.isEmpty() || text.endsWith(suffix.strip())) return text;
		return text + suffix;
	}

	/** First letters of the first and last word of a name, upper-case: "Anna de Vries" → "AV". */
	static String initials(String name) {
		if (name == null || name.isBlank()) return "";
		String[] words = name.strip().split("\\s+");
		String first = words[0].substring(0, 1);
		String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
		return (first + last).toUpperCase(Locale.ROOT);
	}
}
