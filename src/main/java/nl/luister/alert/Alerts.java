package nl.luister.alert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores alert rules and alerts, and queues an alert's deliveries when it is raised. A spike is an episode: raising
 * it again while it is open only raises its severity; clearing it ends the episode, so the next spike is a new alert.
 * Thread-safe: uniqueness is kept by the database (one open episode per topic and window, one early warning per
 * mention and kind), so two evaluations racing cannot raise the same alert twice.
 */
@Service
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Alerts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The stored rule of a topic, or the defaults. */
	public AlertRule rule(long topicId) {
		return rules().getOrDefault(topicId, AlertRule.defaults(topicId));
	}

	/** Every stored rule by topic id; topics without one are watched with {@link AlertRule#defaults(long)}. */
	public Map<Long, AlertRule> rules() {
		Map<Long, AlertRule> out = new HashMap<>();
		jdbc.sql("select * from alert_rules").query((rs, n) -> out.put(rs.getLong("topic_id"), rule(rs))).list();
		return out;
	}

	/** Saves a topic's rule. @throws IllegalArgumentException naming every problem when the rule is not valid */
	@Transactional
	public void save(AlertRule rule) {
		List<String> problems = rule.problems();
		if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
		jdbc.sql("""
				insert into alert_rules (topic_id, enabled, hour_window, day_window, min_volume, persistence, min_severity, emails,
				  webhook_url, webhook_secret, quiet_from, quiet_to, quiet_zone, updated_at)
				values (:t, :en, :h, :d, :v, :p, :s, :emails, :url, :secret, :qf, :qt, :qz, now())
				on conflict (topic_id) do update set enabled = excluded.enabled, hour_window = excluded.hour_window,
				  day_window = excluded.day_window, min_volume = excluded.min_volume, persistence = excluded.persistence,
				  min_severity = excluded.min_severity, emails = excluded.emails, webhook_url = excluded.webhook_url,
				  webhook_secret = coalesce(excluded.webhook_secret, alert_rules.webhook_secret), quiet_from = excluded.quiet_from,
				  quiet_to = excluded.quiet_to, quiet_zone = excluded.quiet_zone, updated_at = now()""")
			.param("t", rule.topicId()).param("en", rule.enabled()).param("h", rule.hourWindow()).param("d", rule.dayWindow())
			.param("v", rule.minVolume()).param("p", rule.persistence()).param("s", rule.minSeverity())
			.param("emails", rule.emails().toArray(String[]::new)).param("url", rule.webhookUrl())
			.param("secret", rule.webhookSecret()).param("qf", rule.quietFrom()).param("qt", rule.quietTo())
			.param("qz", rule.quietZone().getId())
			.update();
	}

	/**
	 * Raises a spike of a topic in a window, or raises the severity of the open episode. Returns the alert id when a new
	 * episode started (its deliveries are queued), empty when one was already open.
	 */
	@Transactional
	public Optional<Long> raiseSpike(long topicId, String window, Alert.Kind kind, int severity, Map<String, Object> summary, Instant now) {
		Optional<Long> open = jdbc.sql("select id from alerts where topic_id = ? and window_name = ? and cleared_at is null")
			.params(topicId, window).query(Long.class).optional();
		if (open.isPresent()) {
			jdbc.sql("""
					update alerts set severity = greatest(severity, :s), updated_at = :now,
					  kind = case when kind <> :k and kind <> 'VOLUME_NEGATIVE' then 'VOLUME_NEGATIVE' else kind end
					where id = :id""")
				.param("s", severity).param("now", Timestamp.from(now)).param("k", kind.name()).param("id", open.get()).update();
			return Optional.empty();
		}
		Optional<Long> id = jdbc.sql("""
				insert into alerts (topic_id, kind, window_name, severity, summary, started_at, updated_at)
				values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing returning id""")
			.params(topicId, kind.name(), window, severity, json.writeValueAsString(summary), Timestamp.from(now), Timestamp.from(now))
			.query(Long.class).optional();
		id.ifPresent(a -> queueDeliveries(a, rule(topicId), severity, now));
		return id;
	}

	/** Ends the open episode of a topic's window, if any. */
	public boolean clearSpike(long topicId, String window, Instant now) {
		return jdbc.sql("update alerts set cleared_at = ? where topic_id = ? and window_name = ? and cleared_at is null")
			.params(Timestamp.from(now), topicId, window).update() > 0;
	}

	/** Whether a topic's window has an open episode. */
	public boolean spikeOpen(long topicId, String window) {
		return jdbc.sql("select exists (select 1 from alerts where topic_id = ? and window_name = ? and cleared_at is null)")
			.params(topicId, window).query(Boolean.class).single();
	}

	/** Raises an early warning about one mention, once per mention and kind; returns its id when new. */
	@Transactional
	public Optional<Long> raiseEarlyWarning(Long topicId, long mentionId, Alert.Kind kind, int severity, Map<String, Object> summary,
			Instant now) {
		Optional<Long> id = jdbc.sql("""
				insert into alerts (topic_id, kind, mention_id, severity, summary, started_at, updated_at, cleared_at)
				values (?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict do nothing returning id""")
			.params(topicId, kind.name(), mentionId, severity, json.writeValueAsString(summary), Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class).optional();
		id.ifPresent(a -> {
			if (topicId != null) queueDeliveries(a, rule(topicId), severity, now);
		});
		return id;
	}

	/**
	 * An erased person leaves the evidence of alerts: their mentions drop out of the top mentions, their handles out
	 * of the top authors, and an early warning about one of their mentions keeps only its figures.
	 */
	@org.springframework.context.event.EventListener
	void personErased(nl.luister.customer.PersonErased erased) {
		Long[] mentions = erased.mentionIds().toArray(Long[]::new);
		String[] handles = erased.handles().stream().map(a -> a.handle().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
		jdbc.sql("""
				update alerts set summary = summary
				  || jsonb_build_object('topMentions', coalesce((select jsonb_agg(e) from jsonb_array_elements(summary->'topMentions') e
				       where not ((e->>'id')::bigint = any(?))), '[]'::jsonb))
				where jsonb_typeof(summary->'topMentions') = 'array'""").param(mentions).update();
		jdbc.sql("""
				update alerts set summary = summary
				  || jsonb_build_object('topAuthors', coalesce((select jsonb_agg(e) from jsonb_array_elements(summary->'topAuthors') e
				       where not (lower(e->>'handle') = any(?))), '[]'::jsonb))
				where jsonb_typeof(summary->'topAuthors') = 'array'""").param(handles).update();
		jdbc.sql("update alerts set summary = summary - 'reason' || '{\"reason\": \"[erased]\"}'::jsonb where mention_id = any(?)").param(mentions).update();
	}

	/** Retention: alerts from before the cutoff keep their figures but lose the mentions and authors behind them. */
	@org.springframework.context.event.EventListener
	void retentionApplied(nl.luister.customer.RetentionApplied applied) {
		jdbc.sql("""
				update alerts set summary = (summary - 'topMentions' - 'topAuthors' - 'reason')
				  || case when jsonb_exists(summary, 'reason') then '{"reason": "[expired]"}'::jsonb else '{}'::jsonb end
				where started_at < ? and (jsonb_exists(summary, 'topMentions') or jsonb_exists(summary, 'topAuthors') or jsonb_exists(summary, 'reason'))""")
			.param(Timestamp.from(applied.cutoff())).update();
	}

	/** Marks an alert as seen; it leaves the banner. Returns false when there is no such alert. */
	public boolean acknowledge(long alertId, long userId) {
		return jdbc.sql("update alerts set acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, ?) where id = ?")
			.params(userId, alertId).update() > 0;
	}

	/** Unacknowledged alerts, most severe and newest first, for the banner every page shows. */
	public List<Alert> unacknowledged(int limit) {
		return jdbc.sql(SELECT + " where a.acknowledged_at is null order by a.severity desc, a.started_at desc limit ?")
			.param(limit).query(this::alert).list();
	}

	public long unacknowledgedCount() {
		return jdbc.sql("select count(*) from alerts where acknowledged_at is null").query(Long.class).single();
	}

	/** The newest alerts, acknowledged or not. */
	public List<Alert> recent(int limit) {
		return jdbc.sql(SELECT + " order by a.started_at desc, a.id desc limit ?").param(limit).query(this::alert).list();
	}

	public Optional<Alert> find(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::alert).optional();
	}

	/** The deliveries of an alert with their state, for the alert page. */
	public List<Delivery> deliveries(long alertId) {
		return jdbc.sql("select * from alert_deliveries where alert_id = ? order by id").param(alertId)
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("channel"), rs.getString("target"), rs.getString("state"),
					rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "sent_at")))
			.list();
	}

	/** One delivery of an alert by e-mail or webhook. */
	public record Delivery(long id, String channel, String target, String state, int attempts, Instant nextAttemptAt,
			String lastError, Instant sentAt) {
	}

	private void queueDeliveries(long alertId, AlertRule rule, int severity, Instant now) {
		Timestamp at = Timestamp.from(rule.deliverAt(now, severity));
		for (String email : rule.emails())
			jdbc.sql("insert into alert_deliveries (alert_id, channel, target, state, next_attempt_at) values (?, 'EMAIL', ?, 'QUEUED', ?) on conflict do nothing")
				.params(alertId, email, at).update();
		if (rule.webhookUrl() != null)
			jdbc.sql("insert into alert_deliveries (alert_id, channel, target, state, next_attempt_at) values (?, 'WEBHOOK', ?, 'QUEUED', ?) on conflict do nothing")
				.params(alertId, rule.webhookUrl(), at).update();
		log.info("Alert {} raised (severity {}): {} deliveries queued", alertId, severity, rule.emails().size() + (rule.webhookUrl() == null ? 0 : 1));
	}

	private static final String SELECT = "select a.*, t.name as topic_name from alerts a left join topics t on t.id = a.topic_id";

	private Alert alert(ResultSet rs, int row) throws SQLException {
		long topic = rs.getLong("topic_id");
		Long topicId = rs.wasNull() ? null : topic;
		long mention = rs.getLong("mention_id");
		Long mentionId = rs.wasNull() ? null : mention;
		return new Alert(rs.getLong("id"), topicId, rs.getString("topic_name"), Alert.Kind.valueOf(rs.getString("kind")),
				rs.getString("window_name"), mentionId, rs.getInt("severity"), json.readValue(rs.getString("summary"), MAP),
				instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "cleared_at"), instant(rs, "acknowledged_at"));
	}

	private static AlertRule rule(ResultSet rs) throws SQLException {
		Array emails = rs.getArray("emails");
		var qf = rs.getObject("quiet_from", LocalTime.class);
		var qt = rs.getObject("quiet_to", LocalTime.class);
		return new AlertRule(rs.getLong("topic_id"), rs.getBoolean("enabled"), rs.getBoolean("hour_window"), rs.getBoolean("day_window"),
				rs.getInt("min_volume"), rs.getInt("persistence"), rs.getInt("min_severity"),
				emails == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) emails.getArray())), rs.getString("webhook_url"),
				rs.getString("webhook_secret"), qf, qt, AlertRule.zone(rs.getString("quiet_zone")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
