package nl.luister.analytics.spike;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.luister.alert.Alert;
import nl.luister.alert.AlertRule;
import nl.luister.alert.Alerts;

/**
 * Watches every topic for spikes and raises early warnings, once a minute on the scheduler (never in the mention
 * pipeline, which it only reads behind). Each tick counts the topic's mentions and negative mentions in five-minute
 * buckets over the last eight days, evaluates the last complete bucket with each enabled window (see
 * {@link SpikeDetector}), raises or escalates the episode when it spikes and ends the episode once the window has
 * been quiet for the rule's persistence. Early warnings look at the mentions stored since the last tick: a negative
 * mention by a person of influence tier 5, and a mention drawing many replies within 15 minutes.
 *
 * <p>Stateless between ticks apart from the watermark of mentions seen (in the database): a restart loses nothing.
 */
@Component
public class SpikeWatch {

	static final Duration BUCKET = Duration.ofMinutes(5);
	private static final Logger log = LoggerFactory.getLogger(SpikeWatch.class);

	private final JdbcClient jdbc;
	private final Alerts alerts;
	private final boolean enabled;
	private final int spreadingReplies;

	SpikeWatch(JdbcClient jdbc, Alerts alerts, @Value("${luister.alerts.enabled:true}") boolean enabled,
			@Value("${luister.alerts.spreading-replies:10}") int spreadingReplies) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.enabled = enabled;
		this.spreadingReplies = spreadingReplies;
	}

	@Scheduled(fixedDelayString = "${luister.alerts.tick:PT1M}", initialDelayString = "${luister.alerts.initial-delay:PT30S}")
	void scheduled() {
		if (!enabled) return;
		try {
			tick(Instant.now());
		}
		catch (RuntimeException e) {
			log.error("Spike watch failed; trying again at the next tick", e);
		}
	}

	/** One evaluation at {@code now}: spikes of every topic, then early warnings. Returns the alerts raised. */
	public int tick(Instant now) {
		return spikes(now) + earlyWarnings(now);
	}

	int spikes(Instant now) {
		Map<Long, AlertRule> rules = alerts.rules();
		List<Long> topics = jdbc.sql("select id from topics order by id").query(Long.class).list();
		long step = BUCKET.toSeconds();
		// the last complete bucket ends at the start of the current one
		long endEpoch = Math.floorDiv(now.getEpochSecond(), step) * step;
		SpikeDetector.Window hour = SpikeDetector.Window.hourVsTwelveHours(BUCKET);
		SpikeDetector.Window day = SpikeDetector.Window.dayVsWeek(BUCKET);
		int n = day.span() + 12;
		Instant origin = Instant.ofEpochSecond(endEpoch - n * step);
		Map<Long, long[][]> series = new HashMap<>();
		// from the five-minute rollup the pipeline keeps: the same few thousand rows per topic however busy it is
		jdbc.sql("""
				select topic_id, floor(extract(epoch from bucket - ?) / ?)::int as b, mentions as c, negative as neg
				from rollup_5m where bucket >= ? and bucket < ?""")
			.params(Timestamp.from(origin), (double) step, Timestamp.from(origin), Timestamp.from(Instant.ofEpochSecond(endEpoch)))
			.query(rs -> {
				long[][] s = series.computeIfAbsent(rs.getLong(1), t -> new long[2][n]);
				int b = rs.getInt(2);
				if (b >= 0 && b < n) {
					s[0][b] = rs.getLong(3);
					s[1][b] = rs.getLong(4);
				}
			});
		int raised = 0;
		for (long topic : topics) {
			AlertRule rule = rules.getOrDefault(topic, AlertRule.defaults(topic));
			long[][] s = series.getOrDefault(topic, new long[2][n]);
			if (rule.enabled() && rule.hourWindow()) raised += evaluate(topic, rule, hour, SpikeDetector.Settings.defaults(), s, origin, now);
			else alerts.clearSpike(topic, hour.name(), now);
			if (rule.enabled() && rule.dayWindow()) raised += evaluate(topic, rule, day, SpikeDetector.Settings.dayDefaults(), s, origin, now);
			else alerts.clearSpike(topic, day.name(), now);
		}
		return raised;
	}

	private int evaluate(long topic, AlertRule rule, SpikeDetector.Window window, SpikeDetector.Settings base, long[][] s, Instant origin, Instant now) {
		var settings = new SpikeDetector.Settings(rule.minVolume(), base.minZ(), base.minRatio(), base.minShareRise(), rule.persistence());
		SpikeDetector detector = new SpikeDetector(window, settings);
		int end = s[0].length - 1;
		SpikeDetector.Signal alert = detector.alert(s[0], s[1], end);
		if (alert != null && alert.severity() >= rule.minSeverity()) {
			Alert.Kind kind = alert.volumeSpike() && alert.negativeSpike() ? Alert.Kind.VOLUME_NEGATIVE
					: alert.volumeSpike() ? Alert.Kind.VOLUME : Alert.Kind.NEGATIVE;
			Instant windowStart = origin.plus(BUCKET.multipliedBy(end + 1L - window.buckets()));
			Instant windowEnd = origin.plus(BUCKET.multipliedBy(end + 1L));
			Map<String, Object> summary = summary(alert, window);
			boolean open = alerts.spikeOpen(topic, window.name());
			if (!open) {
				summary.put("from", windowStart.toString());
				summary.put("to", windowEnd.toString());
				summary.put("topMentions", topMentions(topic, windowStart, windowEnd));
				summary.put("topAuthors", topAuthors(topic, windowStart, windowEnd));
			}
			return alerts.raiseSpike(topic, window.name(), kind, alert.severity(), summary, now).isPresent() ? 1 : 0;
		}
		// the episode ends when the window has been quiet for as long as it took to raise it
		boolean quiet = true;
		for (int i = 0; i < settings.persistence() && quiet; i++) {
			SpikeDetector.Signal signal = detector.signal(s[0], s[1], end - i);
			quiet = signal == null || !signal.any();
		}
		if (quiet) alerts.clearSpike(topic, window.name(), now);
		return 0;
	}

	private static Map<String, Object> summary(SpikeDetector.Signal s, SpikeDetector.Window window) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("window", window.name());
		m.put("count", s.count());
		m.put("expected", round(s.expected()));
		m.put("ratio", round(s.ratio()));
		m.put("z", round(s.z()));
		m.put("negativeShare", round(s.negativeShare()));
		m.put("baselineNegativeShare", round(s.baselineNegativeShare()));
		return m;
	}

	private List<Map<String, Object>> topMentions(long topic, Instant from, Instant to) {
		return jdbc.sql("""
				select m.id, m.case_id, coalesce(m.author_name, m.author_handle) as author, m.author_followers, m.channel, m.sentiment,
				       left(m.text, 280) as text
				from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ?
				order by (m.sentiment = 'NEGATIVE') desc, m.author_followers desc nulls last, m.published_at desc limit 5""")
			.params(topic, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("id", rs.getLong("id"));
				m.put("caseId", rs.getObject("case_id"));
				m.put("author", rs.getString("author"));
				m.put("followers", rs.getObject("author_followers"));
				m.put("channel", rs.getString("channel"));
				m.put("sentiment", rs.getString("sentiment"));
				m.put("text", rs.getString("text"));
				return m;
			})
			.list();
	}

	private List<Map<String, Object>> topAuthors(long topic, Instant from, Instant to) {
		return jdbc.sql("""
				select m.author_handle, m.channel, count(*) as n, max(m.author_followers) as followers
				from mentions m join mention_topics mt on mt.mention_id = m.id
				where mt.topic_id = ? and m.published_at >= ? and m.published_at < ? and m.author_handle is not null
				group by 1, 2 order by n desc, followers desc nulls last limit 5""")
			.params(topic, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("handle", rs.getString("author_handle"));
				m.put("channel", rs.getString("channel"));
				m.put("mentions", rs.getLong("n"));
				m.put("followers", rs.getObject("followers"));
				return m;
			})
			.list();
	}

	int earlyWarnings(Instant now) {
		long watermark = jdbc.sql("select last_mention from alert_watch where id = 1").query(Long.class).single();
		long newest = jdbc.sql("select coalesce(max(id), 0) from mentions").query(Long.class).single();
		if (newest <= watermark) return 0;
		int raised = 0;
		// an angry person of the top influence tier
		record Hit(long mention, Long topic, String author, String text, int figure) {
		}
		List<Hit> influential = jdbc.sql("""
				select m.id, (select min(mt.topic_id) from mention_topics mt where mt.mention_id = m.id) as topic,
				       coalesce(m.author_name, m.author_handle) as author, left(m.text, 280) as text, p.tier
				from mentions m join identities i on i.id = m.identity_id join persons p on p.id = i.person_id
				where m.id > ? and m.id <= ? and m.sentiment = 'NEGATIVE' and p.tier = 5""")
			.params(watermark, newest)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		for (Hit h : influential) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("reason", "A negative mention by " + h.author() + ", influence tier 5");
			summary.put("topMentions", List.of(Map.of("id", h.mention(), "author", String.valueOf(h.author()), "text", String.valueOf(h.text()))));
			if (alerts.raiseEarlyWarning(h.topic(), h.mention(), Alert.Kind.INFLUENTIAL, 7, summary, now).isPresent()) raised++;
		}
		// a mention drawing many replies within 15 minutes
		Instant since = now.minus(Duration.ofMinutes(15));
		List<Hit> spreading = jdbc.sql("""
				select p.id, (select min(mt.topic_id) from mention_topics mt where mt.mention_id = p.id) as topic,
				       coalesce(p.author_name, p.author_handle) as author, left(p.text, 280) as text, r.n::int
				from (select source_id, in_reply_to, count(*) as n from mentions
				      where in_reply_to is not null and published_at >= ? group by 1, 2 having count(*) >= ?) r
				join mentions p on p.source_id = r.source_id and p.external_id = r.in_reply_to""")
			.params(Timestamp.from(since), spreadingReplies)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		for (Hit h : spreading) {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("reason", h.figure() + " replies within 15 minutes to a mention by " + h.author());
			summary.put("replies", h.figure());
			summary.put("topMentions", List.of(Map.of("id", h.mention(), "author", String.valueOf(h.author()), "text", String.valueOf(h.text()))));
			int severity = h.figure() >= 3 * spreadingReplies ? 8 : 6;
			if (alerts.raiseEarlyWarning(h.topic(), h.mention(), Alert.Kind.SPREADING, severity, summary, now).isPresent()) raised++;
		}
		jdbc.sql("update alert_watch set last_mention = ? where id = 1").param(newest).update();
		return raised;
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}
}
