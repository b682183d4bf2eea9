package nl.luister.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.http.SafeHttp;
import nl.luister.reply.ReplySender.DeliveryFailed;
import nl.luister.reply.ReplySender.OutgoingReply;

class MastodonSenderTests {

	final JsonMapper json = JsonMapper.builder().build();

	MastodonServer mastodon;

	SafeHttp http;

	MastodonSender sender;

	@BeforeEach
	void start() {
		this.mastodon = new MastodonServer();
		this.http = new SafeHttp(true, SafeHttp.DEFAULT_MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(2));
		this.sender = new MastodonSender(new MastodonApi(this.http, this.json, Clock.systemUTC()), this.json);
		this.mastodon.handle("/api/v1/statuses", 200, MastodonServer.statusJson("900", "koeriersnel", "<p>reply</p>", "public", "102"));
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.mastodon.close();
	}

	OutgoingReply reply(long id, String statusId, String text) {
		String settings = "{\"instance\":\"" + this.mastodon.url() + "\",\"accessToken\":\"token-123\",\"account\":\"koeriersnel\",\"replyVisibility\":\"unlisted\"}";
		return new OutgoingReply(id, 1, 1, settings, text, statusId, null, "bram");
	}

	@Test
	void answersADirectMessageDirectlyInReplyToItWithAnIdempotencyKey() {
		this.mastodon.handle("/api/v1/statuses/102", 200, MastodonServer.statusJson("102", "bram@other.example", "<p>prive</p>", "direct", null));

		String id = this.sender.send(reply(42, "102", "We sturen u een DM."));

		assertThat(id).isEqualTo("900");
		MastodonServer.Received post = this.mastodon.received("/api/v1/statuses").getFirst();
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.headers()).containsEntry("idempotency-key", "luister-reply-42").containsEntry("authorization", "Bearer token-123");
		JsonNode body = this.json.readTree(post.body());
		assertThat(body.path("in_reply_to_id").asString()).isEqualTo("102");
		assertThat(body.path("visibility").asString()).isEqualTo("direct");
		assertThat(body.path("status").asString()).isEqualTo("@bram@other.example We sturen u een DM.");
	}

	@Test
	void answersAPublicPostWithTheConfiguredVisibility() {
		this.mastodon.handle("/api/v1/statuses/101", 200, MastodonServer.statusJson("101", "anna", "<p>hoi</p>", "public", null));

		this.sender.send(reply(43, "101", "@anna Hallo Anna!"));

		JsonNode body = this.json.readTree(this.mastodon.received("/api/v1/statuses").getFirst().body());
		assertThat(body.path("visibility").asString()).isEqualTo("unlisted");
		assertThat(body.path("status").asString()).isEqualTo("@anna Hallo Anna!");
	}

	@Test
	void aRetryOfTheSameReplySendsTheSameIdempotencyKey() {
		this.mastodon.handle("/api/v1/statuses/101", 200, MastodonServer.statusJson("101", "anna", "<p>hoi</p>", "public", null));

		this.sender.send(reply(44, "101", "Hallo"));
		this.sender.send(reply(44, "101", "Hallo"));

		assertThat(this.mastodon.received("/api/v1/statuses")).extracting(r -> r.headers().get("idempotency-key"))
			.containsExactly("luister-reply-44", "luister-reply-44");
	}

	@Test
	void aRefusalIsNotRetriedAndCarriesTheInstancesText() {
		this.mastodon.handle("/api/v1/statuses/101", 200, MastodonServer.statusJson("101", "anna", "<p>hoi</p>", "public", null));
		this.mastodon.handle("/api/v1/statuses", 422, "{\"error\":\"Validation failed: Text character limit of 500 exceeded\"}");

		assertThatThrownBy(() -> this.sender.send(reply(45, "101", "x".repeat(600)))).isInstanceOfSatisfying(DeliveryFailed.class, e -> {
			assertThat(e.retryable()).isFalse();
			assertThat(e.getMessage()).contains("Text character limit of 500 exceeded");
		});
	}

	@Test
	void aDeletedPostIsNotRetried() {
		this.mastodon.handle("/api/v1/statuses/101", 404, "{\"error\":\"Record not found\"}");

		assertThatThrownBy(() -> this.sender.send(reply(46, "101", "Hallo"))).isInstanceOfSatisfying(DeliveryFailed.class,
				e -> assertThat(e.retryable()).isFalse());
	}

	@Test
	void serverErrorsAndUnreachableInstancesAreRetried() {
		this.mastodon.handle("/api/v1/statuses/101", 200, MastodonServer.statusJson("101", "anna", "<p>hoi</p>", "public", null));
		this.mastodon.handle("/api/v1/statuses", 503, "");

		assertThatThrownBy(() -> this.sender.send(reply(47, "101", "Hallo"))).isInstanceOfSatisfying(DeliveryFailed.class,
				e -> assertThat(e.retryable()).isTrue());
		String closed = "{\"instance\":\"http://127.0.0.1:" + MastodonSourceContractTests.closedPort() + "\",\"accessToken\":\"t\"}";
		assertThatThrownBy(() -> this.sender.send(new OutgoingReply(48, 1, 1, closed, "Hallo", "101", null, "anna")))
			.isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.retryable()).isTrue());
	}
}
