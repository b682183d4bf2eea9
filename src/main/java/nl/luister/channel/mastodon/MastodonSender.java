package nl.luister.channel.mastodon;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;
import nl.luister.reply.ReplySender;

/**
 * Posts replies to Mastodon as answers to the customer's status.
 *
 * <p>Before posting, the status being answered is read ({@code GET /api/v1/statuses/:id}) for its current
 * visibility and author, so nothing about it has to be stored with the mention. The reply is
 * {@code POST /api/v1/statuses} with {@code in_reply_to_id}, the text prefixed with {@code @acct} of the customer
 * (unless the agent already wrote it), and a visibility: {@code direct} when the customer wrote a direct or
 * followers-only message (an answer never becomes more public than the question), else the source's
 * {@code replyVisibility}. The {@code Idempotency-Key} is {@code luister-reply-<reply id>}: Mastodon answers a
 * repeated key (for an hour) with the status it already created, so a retry after a lost answer never posts twice.
 *
 * <p>Errors: 4xx answers are {@link DeliveryFailed not retryable} with the instance's error text (a status that
 * was deleted, a text over the character limit, a revoked token), except 408 and 429; 5xx, timeouts, refused
 * connections and rate limits are retryable. Thread-safe.
 */
public final class MastodonSender implements ReplySender {

	private final MastodonApi api;

	private final JsonMapper json;

	MastodonSender(MastodonApi api, JsonMapper json) {
		this.api = api;
		this.json = json;
	}

	@Override
	public String type() {
		return "mastodon";
	}

	@Override
	public String send(OutgoingReply reply) {
		MastodonSettings settings = settings(reply);
		String statusId = reply.inReplyToExternalId();
		if (statusId == null || statusId.isBlank()) throw new DeliveryFailed("there is no Mastodon post to answer in this case", false);
		try {
			JsonNode original = original(settings, statusId);
			String acct = MastodonApi.text(original.path("account").path("acct"));
			if (acct == null) acct = reply.recipientHandle();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", addressed(reply.text(), acct));
			body.put("in_reply_to_id", statusId);
			body.put("visibility", visibility(MastodonApi.text(original.path("visibility")), settings.replyVisibility()));
			SafeHttp.Answer answer = this.api.postJson(settings, "/api/v1/statuses", body, idempotencyKey(reply.replyId()));
			if (!answer.ok()) throw failed(answer, "posting the reply");
			String id = MastodonApi.text(this.api.parse(answer, settings.instance()).path("id"));
			if (id == null) throw new DeliveryFailed(settings.instance() + " accepted the reply but did not say its id", false);
			return id;
		}
		catch (SourceUnavailable e) {
			throw new DeliveryFailed(e.getMessage(), true);
		}
	}

	private JsonNode original(MastodonSettings settings, String statusId) {
		SafeHttp.Answer answer = this.api.get(settings, "/api/v1/statuses/" + MastodonApi.encode(statusId));
		if (answer.status() == 404) {
			throw new DeliveryFailed("the post being answered (" + statusId + ") no longer exists on " + settings.instance(), false);
		}
		if (!answer.ok()) throw failed(answer, "reading the post being answered");
		return this.api.parse(answer, settings.instance());
	}

	private DeliveryFailed failed(SafeHttp.Answer answer, String what) {
		boolean retryable = answer.status() >= 500 || answer.status() == 408 || answer.status() == 429;
		return new DeliveryFailed(this.api.failure(answer, what), retryable);
	}

	static String visibility(String original, String configured) {
		String v = original == null ? "" : original.toLowerCase(Locale.ROOT);
		if (v.equals("direct") || v.equals("private")) return "direct";
		return configured;
	}

	static String addressed(String text, String acct) {
		if (acct == null || acct.isBlank()) return text;
		String handle = "@" + acct;
		if (text.toLowerCase(Locale.ROOT).contains(handle.toLowerCase(Locale.ROOT))) return text;
		return handle + " " + text;
	}

	static String idempotencyKey(long replyId) {
		return "luister-reply-" + replyId;
	}

	private MastodonSettings settings(OutgoingReply reply) {
		try {
			return this.json.readValue(reply.sourceSettings(), MastodonSettings.class);
		}
		catch (JacksonException e) {
			throw new DeliveryFailed("the settings of this Mastodon source are not valid: " + e.getOriginalMessage(), false);
		}
	}
}
