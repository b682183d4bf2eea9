package nl.luister.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Connectors;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceRecord;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.Sources;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives one webhook delivery: finds the source, verifies the signature over the raw bytes, maps the JSON to a
 * mention and ingests it, unless a delivery with the same {@code webhook-id} was received before. The id is
 * recorded in the same transaction as the ingested item, so a delivery that fails to map can be sent again and
 * a replay arriving concurrently waits for the first and is then recognised.
 *
 * <p>Thread-safe; called from request threads. Errors: {@link WebhookRejected} with the status to answer.
 */
@Service
public class WebhookReceiver {

	/** How long a webhook id is remembered; far longer than the signature's timestamp window. */
	static final Duration REMEMBER = Duration.ofDays(1);

	private final Sources sources;

	private final Connectors connectors;

	private final WebhookSource type;

	private final Ingestion ingestion;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final Clock clock;

	private final java.util.concurrent.atomic.AtomicLong nextCleanup = new java.util.concurrent.atomic.AtomicLong();

	WebhookReceiver(Sources sources, Connectors connectors, WebhookSource type, Ingestion ingestion, JdbcClient jdbc,
			TransactionTemplate tx, JsonMapper json) {
		this.sources = sources;
		this.connectors = connectors;
		this.type = type;
		this.ingestion = ingestion;
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/** What became of a delivery that was not rejected. */
	public enum Outcome {
		/** The item was stored (or its external id was known already from an earlier delivery). */
		ACCEPTED,
		/** A delivery with this webhook id was received before; nothing was stored. */
		REPLAY
	}

	/** @throws WebhookRejected when the source is unknown, the signature, the JSON or the mapping is not right */
	public Outcome receive(String sourceKey, String webhookId, String timestamp, String signatures, byte[] body) {
		SourceRecord source = this.sources.findByKey(sourceKey == null ? "" : sourceKey)
			.filter(s -> s.type().equals(this.type.type()))
			.orElseThrow(() -> new WebhookRejected(404, "there is no webhook source '" + sourceKey + "'"));
		WebhookSettings settings = settings(source);
		WebhookSignature.verify(settings.secrets(), webhookId, timestamp, signatures, body, this.clock.instant());
		if (source.paused()) throw new WebhookRejected(503, "the webhook source '" + sourceKey + "' is paused");
		JsonNode document;
		try {
			document = this.json.readTree(body);
		}
		catch (JacksonException e) {
			throw new WebhookRejected(400, "the body is not valid JSON: " + e.getOriginalMessage());
		}
		RawMention mention = WebhookMapping.map(document, settings, this.clock.instant());
		return this.tx.execute(status -> {
			long now = this.clock.millis();
			long due = this.nextCleanup.get();
			if (now >= due && this.nextCleanup.compareAndSet(due, now + 60_000)) {
				this.jdbc.sql("delete from webhook_deliveries where expires_at < now()").update();
			}
			int fresh = this.jdbc.sql("""
					insert into webhook_deliveries (source_id, webhook_id, expires_at)
					values (?, ?, now() + ? * interval '1 second') on conflict do nothing""")
				.params(source.id(), webhookId.strip(), REMEMBER.toSeconds())
				.update();
			if (fresh == 0) return Outcome.REPLAY;
			this.ingestion.ingestPushed(source.id(), List.of(mention));
			return Outcome.ACCEPTED;
		});
	}

	private WebhookSettings settings(SourceRecord source) {
		try {
			return this.connectors.settings(this.type, source.settings());
		}
		catch (SourceUnavailable e) {
			throw new WebhookRejected(503, "the webhook source '" + source.key() + "' is not configured correctly");
		}
	}
}
