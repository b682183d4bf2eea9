package nl.luister.channel.webhook;

import nl.luister.channel.Batch;
import nl.luister.channel.Source;

/**
 * The connector type {@code webhook}: push only. It exists so webhook sources are created, validated and listed
 * like every other source; the runner never polls it ({@link #polled()} is false) and a manual fetch returns
 * nothing. Items arrive through {@link WebhookReceiver}. Stateless and thread-safe.
 */
public final class WebhookSource implements Source<WebhookSettings> {

	@Override
	public String type() {
		return "webhook";
	}

	@Override
	public Class<WebhookSettings> settingsType() {
		return WebhookSettings.class;
	}

	@Override
	public boolean polled() {
		return false;
	}

	@Override
	public Probe probe(WebhookSettings settings) {
		return Probe.ok("receives signed posts at /hooks/<source key> (" + settings.secrets().size()
				+ (settings.secrets().size() == 1 ? " secret" : " secrets") + "); nothing to connect to");
	}

	@Override
	public Batch fetch(WebhookSettings settings, String cursor) {
		return Batch.empty(cursor);
	}
}
