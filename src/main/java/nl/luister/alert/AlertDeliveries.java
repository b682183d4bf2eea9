package nl.luister.alert;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.http.SafeHttp;
import nl.luister.notice.NoticeMail;

/**
 * Delivers queued alert notices by e-mail and webhook, on the scheduler, apart from the mention pipeline: a webhook
 * that times out or answers 500 delays only its own delivery. A failed attempt is retried after 30 s, doubling up to
 * an hour, at most {@value #MAX_ATTEMPTS} times; then the delivery is marked failed with the last reason, which the
 * alert page shows. An address the SMTP server refuses fails at once (a bounce). Webhooks are signed like Standard
 * Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256>}) when
 * the rule has a secret, and may reach private addresses only when {@code luister.sources.allow-private-addresses}.
 */
@Component
class AlertDeliveries implements AutoCloseable {

	static final int MAX_ATTEMPTS = 10;
	private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

	private final JdbcClient jdbc;
	private final Alerts alerts;
	private final NoticeMail mail;
	private final JsonMapper json;
	private final SafeHttp http;
	private final String baseUrl;

	AlertDeliveries(JdbcClient jdbc, Alerts alerts, NoticeMail mail, JsonMapper json,
			@Value("${luister.sources.allow-private-addresses:false}") boolean allowPrivate,
			@Value("${luister.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.mail = mail;
		this.json = json;
		this.http = new SafeHttp(allowPrivate, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10));
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@Scheduled(fixedDelayString = "${luister.alerts.delivery-tick:PT5S}", initialDelayString = "${luister.alerts.initial-delay:PT30S}")
	void scheduled() {
		if (enabled) deliverDue(Instant.now());
	}

	@Value("${luister.alerts.enabled:true}")
	private boolean enabled = true;

	/** Attempts every delivery due at {@code now}; returns how many were sent. */
	int deliverDue(Instant now) {
		record Due(long id, long alertId, String channel, String target, int attempts) {
		}
		List<Due> due = jdbc.sql("""
				select id, alert_id, channel, target, attempts from alert_deliveries
				where state = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at limit 50""")
			.param(Timestamp.from(now))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
		int sent = 0;
		for (Due d : due) {
			Alert alert = alerts.find(d.alertId()).orElse(null);
			if (alert == null) continue;
			String error;
			boolean permanent = false;
			try {
				if (d.channel().equals("EMAIL")) email(alert, d.target());
				else webhook(alert, d.target());
				error = null;
			}
			catch (jakarta.mail.SendFailedException e) {
				error = "the mail server refused the address: " + serverReason(e);
				permanent = true;
			}
			catch (Exception e) {
				error = e.getClass().getSimpleName() + ": " + e.getMessage();
			}
			if (error == null) {
				jdbc.sql("update alert_deliveries set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?")
					.params(Timestamp.from(now), d.id()).update();
				sent++;
			}
			else {
				int attempts = d.attempts() + 1;
				boolean last = permanent || attempts >= MAX_ATTEMPTS;
				Duration wait = backoff(attempts);
				log.warn("Alert {} delivery by {} to {} failed (attempt {}): {}", d.alertId(), d.channel(), d.target(), attempts, error);
				jdbc.sql("update alert_deliveries set state = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
					.params(last ? "FAILED" : "QUEUED", attempts, Timestamp.from(now.plus(wait)), error.length() > 1000 ? error.substring(0, 1000) : error,
							d.id())
					.update();
			}
		}
		return sent;
	}

	/** The server's own words for a refused address ("550 5.1.1 No such user"), not Jakarta Mail's summary. */
	static String serverReason(jakarta.mail.MessagingException e) {
		String reason = e.getMessage();
		Exception next = e.getNextException();
		while (next != null) {
			if (next.getMessage() != null) reason = next.getMessage().strip();
			next = next instanceof jakarta.mail.MessagingException m ? m.getNextException() : null;
		}
		return reason;
	}

	/** 30 s after the first failure, doubling, at most an hour. */
	static Duration backoff(int attempts) {
		long seconds = 30L << Math.min(attempts - 1, 10);
		return Duration.ofSeconds(Math.min(seconds, 3600));
	}

	private void email(Alert alert, String to) throws jakarta.mail.MessagingException {
		String topic = alert.topicName() == null ? "—" : alert.topicName();
		String subject = "[Luister] " + title(alert) + ": " + topic + " (severity " + alert.severity() + ")";
		String link = baseUrl + "/alerts/" + alert.id();
		StringBuilder text = new StringBuilder(subject).append("\n\n").append(figures(alert)).append("\n\n");
		StringBuilder html = new StringBuilder("<h1>").append(HtmlUtils.htmlEscape(title(alert) + ": " + topic)).append("</h1><p>")
			.append(HtmlUtils.htmlEscape(figures(alert))).append("</p>");
		if (alert.summary().get("topMentions") instanceof List<?> mentions && !mentions.isEmpty()) {
			text.append("Top mentions:\n");
			html.append("<h2>Top mentions</h2><ul>");
			for (Object o : mentions)
				if (o instanceof Map<?, ?> m) {
					String line = m.get("author") + ": " + m.get("text");
					text.append("- ").append(line).append('\n');
					html.append("<li>").append(HtmlUtils.htmlEscape(line)).append("</li>");
				}
			html.append("</ul>");
		}
		text.append("\nOpen in Luister: ").append(link).append('\n');
		html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">Open in Luister</a></p>");
		mail.send(to, subject, text.toString(), html.toString());
	}

	private void webhook(Alert alert, String url) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "luister.alert");
		body.put("id", alert.id());
		body.put("kind", alert.kind().name());
		body.put("window", alert.window());
		body.put("severity", alert.severity());
		body.put("topicId", alert.topicId());
		body.put("topic", alert.topicName());
		body.put("startedAt", alert.startedAt().toString());
		body.put("summary", alert.summary());
		body.put("url", baseUrl + "/alerts/" + alert.id());
		byte[] raw = json.writeValueAsBytes(body);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		String secret = jdbc.sql("select webhook_secret from alert_rules where topic_id = ?").param(alert.topicId()).query(String.class)
			.optional().orElse(null);
		if (secret != null && !secret.isBlank()) {
			String id = "alert_" + alert.id() + "_" + UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8));
			String ts = Long.toString(Instant.now().getEpochSecond());
			headers.put("webhook-id", id);
			headers.put("webhook-timestamp", ts);
			headers.put("webhook-signature", "v1," + sign(secret, id, ts, raw));
		}
		SafeHttp.Answer answer = http.send("POST", url, headers, raw);
		if (answer.status() < 200 || answer.status() >= 300) throw new IllegalStateException("the webhook answered " + answer.describeStatus());
	}

	static String sign(String secret, String id, String timestamp, byte[] body) {
		byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6)) : secret.getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	static String title(Alert alert) {
		return switch (alert.kind()) {
			case VOLUME -> "Volume spike";
			case NEGATIVE -> "Negative sentiment spike";
			case VOLUME_NEGATIVE -> "Negative volume spike";
			case INFLUENTIAL -> "Influential customer is angry";
			case SPREADING -> "Conversation spreading fast";
		};
	}

	static String figures(Alert a) {
		if (a.window() == null) return a.summary().getOrDefault("reason", "").toString();
		return String.format(java.util.Locale.ROOT, "%.0f mentions in the last %s where %.1f were expected (%.1f×); %.0f%% negative against %.0f%% before.",
				a.figure("count"), a.window(), a.figure("expected"), a.figure("ratio"), 100 * a.figure("negativeShare"),
				100 * a.figure("baselineNegativeShare"));
	}

	@Override
	public void close() {
		http.close();
	}
}
