package nl.luister.analytics.themes;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds what is new in what people say about a topic: the terms and two-word phrases that occur in significantly more
 * of the topic's mentions of a period than in its baseline (by default the four periods of the same length before),
 * ranked by Dunning's log-likelihood ratio G² — significant, not merely frequent: "pakket" is always frequent for a
 * parcel company, "app crasht" is a theme when it suddenly appears. A term needs at least three mentions in the period
 * and a higher rate than in the baseline. When the topic's baseline holds fewer than 50 mentions, all mentions of the
 * baseline period are the background. A phrase that covers most uses of its words hides those words.
 *
 * <p>Reads at most {@value #FOREGROUND_LIMIT} mentions of the period and {@value #BACKGROUND_LIMIT} of the baseline (the
 * newest). Read-only and thread-safe.
 */
@Service
public class Themes {

	static final int FOREGROUND_LIMIT = 5_000;
	static final int BACKGROUND_LIMIT = 20_000;

	private final JdbcClient jdbc;

	Themes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One theme: the term, in how many mentions of the period and of the baseline, the lift and up to three examples. */
	public record Theme(String term, int mentions, int baselineMentions, double share, double baselineShare, double lift, double score,
			List<Example> examples) {
	}

	/** A mention that shows the theme, with its case when it has one. */
	public record Example(long mentionId, Long caseId, String author, String channel, String text, Instant publishedAt) {

		/** This example with its text cut to 500 characters, for showing. */
		Example shortened() {
			return text.length() <= 500 ? this : new Example(mentionId, caseId, author, channel, text.substring(0, 500) + "…", publishedAt);
		}
	}

	/** The themes of a topic and the sizes behind them. */
	public record Result(long topicId, Instant from, Instant to, Instant baselineFrom, int mentions, int baselineMentions,
			boolean workspaceBaseline, List<Theme> themes) {
	}

	/** The {@code limit} most significant themes of the topic between {@code from} and {@code to}. */
	public Result themes(long topicId, Instant from, Instant to, int limit) {
		Duration length = Duration.between(from, to);
		Instant baselineFrom = from.minus(length.multipliedBy(4));
		List<Example> foreground = mentions(topicId, from, to, FOREGROUND_LIMIT);
		List<Example> background = mentions(topicId, baselineFrom, from, BACKGROUND_LIMIT);
		boolean workspace = false;
		if (background.size() < 50) {
			background = mentions(null, baselineFrom, from, BACKGROUND_LIMIT);
			workspace = true;
		}
		Map<String, List<Example>> fg = new HashMap<>();
		for (Example e : foreground)
			for (String t : Terms.of(e.text())) fg.computeIfAbsent(t, k -> new ArrayList<>(4)).add(e);
		Map<String, Integer> bg = new HashMap<>();
		for (Example e : background)
			for (String t : Terms.of(e.text())) bg.merge(t, 1, Integer::sum);
		int n1 = foreground.size();
		int n2 = background.size();
		List<Theme> candidates = new ArrayList<>();
		for (var entry : fg.entrySet()) {
			int a = entry.getValue().size();
			if (a < 3) continue;
			int c = bg.getOrDefault(entry.getKey(), 0);
			double share = (double) a / n1;
			double baseShare = n2 == 0 ? 0 : (double) c / n2;
			double smoothed = (c + 1.0) / (n2 + 1.0);
			if (share <= smoothed) continue;
			double g2 = logLikelihood(a, n1 - a, c, n2 - c);
			candidates.add(new Theme(entry.getKey(), a, c, share, baseShare, share / smoothed, g2, entry.getValue().stream().limit(3).map(Example::shortened).toList()));
		}
		candidates.sort(Comparator.comparingDouble(Theme::score).reversed().thenComparing(Theme::term));
		List<Theme> out = new ArrayList<>();
		for (Theme t : candidates) {
			if (out.size() >= limit) break;
			if (coveredByPhrase(t, candidates)) continue;
			out.add(t);
		}
		return new Result(topicId, from, to, baselineFrom, n1, n2, workspace, out);
	}

	/** A word hides behind a significant phrase holding it when the phrase accounts for 70% or more of its mentions. */
	private static boolean coveredByPhrase(Theme word, List<Theme> all) {
		if (word.term().contains(" ")) return false;
		for (Theme p : all)
			if (p.term().contains(" ") && Set.of(p.term().split(" ")).contains(word.term()) && p.mentions() >= 0.7 * word.mentions()) return true;
		return false;
	}

	/** Dunning's G² for a 2×2 table: term in/out of the period (a, b) and in/out of the baseline (c, d). */
	static double logLikelihood(double a, double b, double c, double d) {
		double n = a + b + c + d;
		return 2 * (x(a, (a + b) * (a + c) / n) + x(b, (a + b) * (b + d) / n) + x(c, (c + d) * (a + c) / n) + x(d, (c + d) * (b + d) / n));
	}

	private static double x(double observed, double expected) {
		return observed == 0 || expected == 0 ? 0 : observed * Math.log(observed / expected);
	}

	private List<Example> mentions(Long topicId, Instant from, Instant to, int limit) {
		String sql = topicId == null
				? "select m.id, m.case_id, coalesce(m.author_name, m.author_handle) as author, m.channel, coalesce(m.title || ' ', '') || m.text as text, m.published_at from mentions m where m.published_at >= ? and m.published_at < ? order by m.published_at desc limit ?"
				: "select m.id, m.case_id, coalesce(m.author_name, m.author_handle) as author, m.channel, coalesce(m.title || ' ', '') || m.text as text, m.published_at from mentions m join mention_topics mt on mt.mention_id = m.id where mt.topic_id = ? and m.published_at >= ? and m.published_at < ? order by m.published_at desc limit ?";
		var spec = topicId == null ? jdbc.sql(sql).params(Timestamp.from(from), Timestamp.from(to), limit)
				: jdbc.sql(sql).params(topicId, Timestamp.from(from), Timestamp.from(to), limit);
		return spec.query((rs, n) -> {
			long c = rs.getLong("case_id");
			Long caseId = rs.wasNull() ? null : c;
			return new Example(rs.getLong("id"), caseId, rs.getString("author"), rs.getString("channel"), rs.getString("text"),
					rs.getTimestamp("published_at").toInstant());
		}).list();
	}
}
