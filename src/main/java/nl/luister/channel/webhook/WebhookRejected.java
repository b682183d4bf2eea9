package nl.luister.channel.webhook;

/**
 * A webhook delivery that is refused, with the HTTP status to answer (401 signature, 404 unknown source, 400 not
 * JSON, 413 too large, 422 mapping) and the reason in plain words, which goes back to the sender.
 */
public class WebhookRejected extends RuntimeException {

	private final int status;

	public WebhookRejected(int status, String reason) {
		super(reason);
		this.status = status;
	}

	public int status() {
		return this.status;
	}
}
