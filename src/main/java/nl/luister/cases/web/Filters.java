package nl.luister.cases.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.luister.cases.CaseStatus;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;

import org.springframework.web.util.UriUtils;

/**
 * The inbox's query parameters: a named view ({@code all}, {@code mine}, {@code unassigned}, {@code new},
 * {@code pending}, {@code resolved}) narrowed by {@code status}, {@code topic}, {@code channel}, {@code assignee}
 * (a user id, {@code me} or {@code none}), {@code sentiment} (negative, neutral, positive) and {@code intent}
 * (complaint, question, praise), and {@code sort} ({@code severity}; else newest activity first). Unknown values are ignored rather than failing the page: these come
 * from hand-edited URLs.
 */
public record Filters(String view, String status, Long topic, Channel channel, String assignee, String sentiment, String intent,
		String sort) {

	static final Set<String> VIEWS = Set.of("all", "mine", "unassigned", "new", "pending", "resolved");
	static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
	static final Set<String> INTENTS = Set.of("complaint", "question", "praise");

	static Filters parse(String view, String status, String topic, String channel, String assignee) {
		return parse(view, status, topic, channel, assignee, null, null);
	}

	static Filters parse(String view, String status, String topic, String channel, String assignee, String sentiment,
			String intent) {
		return parse(view, status, topic, channel, assignee, sentiment, intent, null);
	}

	static Filters parse(String view, String status, String topic, String channel, String assignee, String sentiment,
			String intent, String sort) {
		String v = view != null && VIEWS.contains(view) ? view : "all";
		Long t = null;
		try {
			if (topic != null && !topic.isBlank()) t = Long.valueOf(topic.strip());
		}
		catch (NumberFormatException e) {
			// ignored: see the type's comment
		}
		Channel c = null;
		try {
			if (channel != null && !channel.isBlank()) c = Channel.parse(channel);
		}
		catch (IllegalArgumentException e) {
			// ignored
		}
		String feeling = sentiment != null && SENTIMENTS.contains(sentiment.strip().toLowerCase(java.util.Locale.ROOT))
				? sentiment.strip().toLowerCase(java.util.Locale.ROOT) : null;
		String purpose = intent != null && INTENTS.contains(intent.strip().toLowerCase(java.util.Locale.ROOT))
				? intent.strip().toLowerCase(java.util.Locale.ROOT) : null;
		return new Filters(v, blankToNull(status), t, c, blankToNull(assignee), feeling, purpose, "severity".equals(sort) ? "severity" : null);
	}

	static Filters none() {
		return new Filters("all", null, null, null, null, null, null, null);
	}

	InboxFilter toInboxFilter(long me) {
		Set<CaseStatus> statuses = switch (view) {
			case "new" -> Set.of(CaseStatus.NEW);
			case "pending" -> Set.of(CaseStatus.PENDING);
			case "resolved" -> Set.of(CaseStatus.RESOLVED);
			default -> InboxFilter.OPEN_STATUSES;
		};
		if (status != null) statuses = statuses(status, statuses);
		boolean unassigned = view.equals("unassigned") || "none".equals(assignee);
		Long assigneeId = view.equals("mine") || "me".equals(assignee) ? Long.valueOf(me) : userId(assignee);
		return new InboxFilter(statuses, topic, channel, assigneeId, unassigned, 200,
				sentiment == null ? null : sentiment.toUpperCase(java.util.Locale.ROOT), intent, sort != null);
	}

	/** These filters sorted by severity ({@code true}) or by newest activity, as a query string for the sort switch. */
	public String queryWithSort(boolean bySeverity) {
		return new Filters(view, status, topic, channel, assignee, sentiment, intent, bySeverity ? "severity" : null).query();
	}

	/** Whether the view link {@code name} is what is shown (no topic or channel narrowing it). */
	public boolean isView(String name) {
		return view.equals(name) && topic == null && channel == null && status == null && assignee == null && sentiment == null
				&& intent == null;
	}

	/** These filters as a query string, {@code ""} or starting with {@code ?}, for links that keep them. */
	public String query() {
		Map<String, String> params = new LinkedHashMap<>();
		if (!view.equals("all")) params.put("view", view);
		if (status != null) params.put("status", status);
		if (topic != null) params.put("topic", topic.toString());
		if (channel != null) params.put("channel", channel.key());
		if (assignee != null) params.put("assignee", assignee);
		if (sentiment != null) params.put("sentiment", sentiment);
		if (intent != null) params.put("intent", intent);
		if (sort != null) params.put("sort", sort);
		if (params.isEmpty()) return "";
		return params.entrySet().stream()
			.map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(Collectors.joining("&", "?", ""));
	}

	private static Set<CaseStatus> statuses(String status, Set<CaseStatus> fallback) {
		if (status.equalsIgnoreCase("all")) return Set.of();
		Set<CaseStatus> set = EnumSet.noneOf(CaseStatus.class);
		for (String s : status.split(",")) {
			try {
				set.add(CaseStatus.parse(s));
			}
			catch (IllegalArgumentException e) {
				// ignored
			}
		}
		return set.isEmpty() ? fallback : set;
	}

	private static Long userId(String assignee) {
		if (assignee == null) return null;
		try {
			return Long.valueOf(assignee);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
