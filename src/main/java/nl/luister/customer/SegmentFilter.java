package nl.luister.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.luister.channel.Channel;

/**
 * A saved person filter. Every field is optional ({@code null}: no condition); all given conditions must hold.
 * <ul>
 * <li>{@code sentiment} POSITIVE, NEUTRAL or NEGATIVE: what their messages in the window mostly were (more
 * positive than negative messages, the other way round, or as many of both); the window is {@code activeDays},
 * else 90 days.</li>
 * <li>{@code minTier} 1–5: influence tier at least this.</li>
 * <li>{@code activeDays}: wrote at least once in the last so many days.</li>
 * <li>{@code complaints} in {@code complaintDays} (default 30): at least so many complaining messages.</li>
 * <li>{@code segment}: the CRM segment (case-insensitive); {@code channel}: has an account there;
 * {@code tags}: has all these tags.</li>
 * </ul>
 * Values are checked here and only ever bound as parameters, never written into SQL.
 */
public record SegmentFilter(String sentiment, Integer minTier, Integer activeDays, Integer complaints, Integer complaintDays,
		String segment, String channel, List<String> tags) {

	static final Set<String> SENTIMENTS = Set.of("POSITIVE", "NEUTRAL", "NEGATIVE");

	public SegmentFilter {
		sentiment = blank(sentiment) ? null : sentiment.strip().toUpperCase(Locale.ROOT);
		if (sentiment != null && !SENTIMENTS.contains(sentiment))
			throw new IllegalArgumentException("sentiment must be POSITIVE, NEUTRAL or NEGATIVE");
		if (minTier != null && (minTier < 1 || minTier > 5)) throw new IllegalArgumentException("minimum tier must be 1 to 5");
		if (activeDays != null && (activeDays < 1 || activeDays > 3650)) throw new IllegalArgumentException("days must be 1 to 3650");
		if (complaintDays != null && (complaintDays < 1 || complaintDays > 3650)) throw new IllegalArgumentException("days must be 1 to 3650");
		if (complaints != null && (complaints < 1 || complaints > 1000)) throw new IllegalArgumentException("complaints must be 1 to 1000");
		segment = blank(segment) ? null : segment.strip();
		if (segment != null && segment.length() > 100) throw new IllegalArgumentException("a segment is at most 100 characters");
		channel = blank(channel) ? null : Channel.parse(channel).key();
		tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
		if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 100)) throw new IllegalArgumentException("at most 20 tags of 100 characters");
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** The conditions as SQL over persons {@code p} with named parameters, the values in {@code params}. */
	String where(Map<String, Object> params) {
		List<String> and = new ArrayList<>();
		and.add("p.merged_into is null");
		String mine = "select 1 from identities i join mentions m on m.identity_id = i.id where i.person_id = p.id";
		if (sentiment != null) {
			params.put("sentimentDays", activeDays == null ? 90 : activeDays);
			String count = "(select count(*) from identities i join mentions m on m.identity_id = i.id where i.person_id = p.id "
					+ "and m.published_at > now() - make_interval(days => :sentimentDays) and m.sentiment = '%s')";
			String pos = count.formatted("POSITIVE"), neg = count.formatted("NEGATIVE");
			and.add(switch (sentiment) {
				case "POSITIVE" -> pos + " > " + neg;
				case "NEGATIVE" -> neg + " > " + pos;
				default -> pos + " = " + neg + " and exists (" + mine + " and m.published_at > now() - make_interval(days => :sentimentDays))";
			});
		}
		if (minTier != null) {
			and.add("p.tier >= :minTier");
			params.put("minTier", minTier);
		}
		if (activeDays != null) {
			and.add("exists (" + mine + " and m.published_at > now() - make_interval(days => :activeDays))");
			params.put("activeDays", activeDays);
		}
		if (complaints != null) {
			and.add("(select count(*) from identities i join mentions m on m.identity_id = i.id where i.person_id = p.id "
					+ "and m.complaint >= 0.5 and m.published_at > now() - make_interval(days => :complaintDays)) >= :complaints");
			params.put("complaints", complaints);
			params.put("complaintDays", complaintDays == null ? 30 : complaintDays);
		}
		if (segment != null) {
			and.add("lower(p.segment) = lower(:segment)");
			params.put("segment", segment);
		}
		if (channel != null) {
			and.add("exists (select 1 from identities i where i.person_id = p.id and i.channel = :channel)");
			params.put("channel", channel);
		}
		if (!tags.isEmpty()) {
			and.add("p.tags @> :tags::text[]");
			params.put("tags", tags.toArray(String[]::new));
		}
		return String.join(" and ", and);
	}
}
