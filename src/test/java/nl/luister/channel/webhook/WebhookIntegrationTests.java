package nl.luister.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Connectors;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Webhook deliveries end to end: signature over the raw bytes, replays, rotation, limits, mapping, cases. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class WebhookIntegrationTests {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("koeriersnel-review-secret-0001".getBytes(StandardCharsets.UTF_8));

	static final String NEXT_SECRET = "whsec_" + Base64.getEncoder().encodeToString("koeriersnel-review-secret-0002".getBytes(StandardCharsets.UTF_8));

	static final String MAPPING = """
			{"id": "/review/id", "text": "/review/body", "author.handle": "/review/author", "publishedAt": "/review/created",
			 "title": "/review/title", "rating": "/review/stars", "url": "/review/link"}""";

	static final String REVIEW = """
			{
			  "event": "review.created",
			  "review": {
			    "id": "rv-1001",
			    "title": "Te laat",
			    "body": "Pakket kwam <b>drie</b> dagen te laat.",
			    "author": "marieke",
			    "stars": 2,
			    "created": "2026-11-20T09:30:00Z",
			    "link": "https://reviews.example/koeriersnel/rv-1001",
			    "extra": {"verified": true}
			  }
			}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin admin;

	@Autowired
	Connectors connectors;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		admin.create("reviews", "webhook", "Reviews", Channel.REVIEW,
				"{\"secrets\": [\"" + SECRET + "\"], \"mapping\": " + MAPPING + "}", 0);
	}

	static String signature(String secret, String id, long timestamp, byte[] body) {
		byte[] key = WebhookSettings.key(secret);
		return "v1," + Base64.getEncoder().encodeToString(WebhookSignature.sign(key, id, String.valueOf(timestamp), body));
	}

	static MockHttpServletRequestBuilder delivery(String id, long timestamp, String signatures, byte[] body) {
		return post("/hooks/reviews").contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", id)
			.header("webhook-timestamp", String.valueOf(timestamp))
			.header("webhook-signature", signatures)
			.content(body);
	}

	static MockHttpServletRequestBuilder signed(String id, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		return delivery(id, now, signature(SECRET, id, now, body), body);
	}

	int mentions() {
		return jdbc.sql("select count(*) from mentions").query(Integer.class).single()
				+ jdbc.sql("select count(*) from mention_log").query(Integer.class).single();
	}

	@Test
	void aSignedReviewIsAcceptedWithoutALoginAndOpensACaseWithItsRating() throws Exception {
		mvc.perform(signed("msg_1", REVIEW)).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("accepted"));
		pipeline.drainAll();

		var row = jdbc.sql("select title, text, author_handle, url, published_at, addressed, case_id, channel from mentions").query().singleRow();
		assertThat(row.get("title")).isEqualTo("★★☆☆☆ (2/5) Te laat");
		assertThat(row.get("text")).isEqualTo("Pakket kwam <b>drie</b> dagen te laat.");
		assertThat(row.get("author_handle")).isEqualTo("marieke");
		assertThat(row.get("url")).isEqualTo("https://reviews.example/koeriersnel/rv-1001");
		assertThat(((java.sql.Timestamp) row.get("published_at")).toInstant()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
		assertThat(row.get("addressed")).isEqualTo(true);
		assertThat(row.get("channel")).isEqualTo("review");
		assertThat(row.get("case_id")).as("a review of the own listing opens a case without a topic").isNotNull();
	}

	@Test
	void aSignatureOverReserialisedJsonIsRejected() throws Exception {
		byte[] original = REVIEW.getBytes(StandardCharsets.UTF_8);
		byte[] reserialised = REVIEW.replaceAll("\\s*\\n\\s*", "").replace("\": ", "\":").getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();

		mvc.perform(delivery("msg_2", now, signature(SECRET, "msg_2", now, reserialised), original))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value(containsString("no valid signature")));
		assertThat(mentions()).isZero();
	}

	@Test
	void staleAndFutureTimestampsAreRejected() throws Exception {
		byte[] body = REVIEW.getBytes(StandardCharsets.UTF_8);
		long stale = Instant.now().minusSeconds(6 * 60).getEpochSecond();
		long future = Instant.now().plusSeconds(6 * 60).getEpochSecond();

		mvc.perform(delivery("msg_3", stale, signature(SECRET, "msg_3", stale, body), body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value(containsString("more than 5 minutes old")));
		mvc.perform(delivery("msg_4", future, signature(SECRET, "msg_4", future, body), body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value(containsString("in the future")));
		assertThat(mentions()).isZero();
	}

	@Test
	void missingOrForeignSignaturesAreRejected() throws Exception {
		byte[] body = REVIEW.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();

		mvc.perform(post("/hooks/reviews").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
		mvc.perform(delivery("msg_5", now, signature(NEXT_SECRET, "msg_5", now, body), body)).andExpect(status().isUnauthorized());
		mvc.perform(delivery("msg_6", now, signature(SECRET, "msg_other", now, body), body)).andExpect(status().isUnauthorized());
		mvc.perform(delivery("msg_7", now, "v1,not-base64!!", body)).andExpect(status().isUnauthorized());
		assertThat(mentions()).isZero();
	}

	@Test
	void aHundredReplaysOfOneDeliveryIngestOnce() throws Exception {
		byte[] body = REVIEW.getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		String signature = signature(SECRET, "msg_8", now, body);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			calls.add(() -> mvc.perform(delivery("msg_8", now, signature, body)).andReturn().getResponse().getStatus());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> f : pool.invokeAll(calls)) statuses.add(f.get());
		}

		assertThat(statuses).containsOnly(200, 202);
		assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
		pipeline.drainAll();
		assertThat(mentions()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from cases").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void duringARotationEitherSecretIsAccepted() throws Exception {
		admin.update(admin.all().getFirst().id(), "Reviews", Channel.REVIEW,
				"{\"secrets\": [\"" + SECRET + "\", \"" + NEXT_SECRET + "\"], \"mapping\": " + MAPPING + "}", 0);
		byte[] body = REVIEW.getBytes(StandardCharsets.UTF_8);
		byte[] second = REVIEW.replace("rv-1001", "rv-1002").getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		String unknown = "whsec_" + Base64.getEncoder().encodeToString("some-other-secret-of-16+".getBytes(StandardCharsets.UTF_8));

		mvc.perform(delivery("msg_9", now, signature(unknown, "msg_9", now, body) + " " + signature(NEXT_SECRET, "msg_9", now, body), body))
			.andExpect(status().isAccepted());
		mvc.perform(delivery("msg_10", now, signature(SECRET, "msg_10", now, second), second)).andExpect(status().isAccepted());
		assertThat(mentions()).isEqualTo(2);
	}

	@Test
	void aTenMegabyteBodyIsRefusedWithJson() throws Exception {
		byte[] body = new byte[10 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) ' ');
		long now = Instant.now().getEpochSecond();

		mvc.perform(delivery("msg_11", now, signature(SECRET, "msg_11", now, body), body))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.error").value("the body is larger than 1 MB"));
	}

	@Test
	void aBodyWithoutAMappedFieldIsUnprocessableWithTheReasonAndCanBeSentAgain() throws Exception {
		String withoutBody = REVIEW.replace("\"body\": \"Pakket kwam <b>drie</b> dagen te laat.\",", "");

		mvc.perform(signed("msg_12", withoutBody))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error").value("the field 'text' is missing: nothing at /review/body"));
		mvc.perform(signed("msg_13", REVIEW.replace("\"stars\": 2", "\"stars\": \"lots\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.error").value(containsString("'rating' at /review/stars is not a number")));
		mvc.perform(signed("msg_14", "{not json")).andExpect(status().isBadRequest());

		mvc.perform(signed("msg_12", REVIEW)).andExpect(status().isAccepted());
		assertThat(mentions()).isEqualTo(1);
	}

	@Test
	void unknownSourcesAreNotFoundAndWebhookSourcesAreNeverPolled() throws Exception {
		mvc.perform(post("/hooks/nope").contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());
		assertThat(connectors.types()).doesNotContain("webhook").contains("mastodon", "bluesky", "rss");
		assertThat(admin.types()).contains("webhook");
		assertThat(admin.test(admin.all().getFirst().id()).ok()).isTrue();
	}

	@Test
	void theApiNeverHandsOutTheSecret() throws Exception {
		String listed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/sources")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin", "admin-test-password")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(listed).contains(nl.luister.channel.SecretSettings.MASK).contains("/review/body").doesNotContain(SECRET.substring(6));
	}

	@Test
	void settingsWithoutSecretOrMappingAreRefused() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.create("bad", "webhook", "Bad", Channel.REVIEW, "{\"mapping\": " + MAPPING + "}", 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one secret");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.create("bad", "webhook", "Bad", Channel.REVIEW,
				"{\"secret\": \"" + SECRET + "\", \"mapping\": {\"id\": \"/id\"}}", 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'id' and 'text'");
	}
}
