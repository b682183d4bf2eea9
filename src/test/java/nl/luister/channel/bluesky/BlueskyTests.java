package nl.luister.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;
import nl.luister.reply.ReplySender.DeliveryFailed;
import nl.luister.reply.ReplySender.OutgoingReply;

class BlueskyTests {

	final JsonMapper json = JsonMapper.builder().build();

	BlueskyServer bluesky;

	SafeHttp http;

	BlueskyApi api;

	BlueskySource source;

	BlueskySender sender;

	@BeforeEach
	void start() {
		this.bluesky = new BlueskyServer();
		this.http = new SafeHttp(true);
		this.api = new BlueskyApi(this.http, this.json, Clock.systemUTC());
		this.source = new BlueskySource(this.api);
		this.sender = new BlueskySender(this.api, this.json, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.bluesky.close();
	}

	BlueskySettings settings() {
		return BlueskySourceContractTests.settings(this.bluesky.url());
	}

	@Test
	void notificationsAreAddressedAndSearchResultsOverheard() {
		this.bluesky.notifications.add(BlueskyServer.post("anna.bsky.social", "3la1", "@koeriersnel.bsky.social hulp", "2026-11-20T10:00:00.000Z", null, null));
		this.bluesky.searches.put("koeriersnel", List.of(BlueskyServer.post("dirk.bsky.social", "3lc1", "koeriersnel <b>traag</b> & \"laat\"", "2026-11-20T11:00:00.000Z",
				"at://did:plc:x/app.bsky.feed.post/3lz", "at://did:plc:x/app.bsky.feed.post/3ly")));

		Batch batch = this.source.fetch(settings(), null);

		assertThat(batch.items()).extracting(RawMention::addressed).containsExactly(true, false);
		RawMention overheard = batch.items().get(1);
		assertThat(overheard.channel()).isEqualTo(Channel.BLUESKY);
		assertThat(overheard.externalId()).isEqualTo("at://did:plc:dirk-bsky-social/app.bsky.feed.post/3lc1");
		assertThat(overheard.url()).isEqualTo("https://bsky.app/profile/dirk.bsky.social/post/3lc1");
		assertThat(overheard.author()).isEqualTo(new RawMention.Author("dirk.bsky.social", "DIRK", null));
		assertThat(overheard.text()).as("plain text by protocol, kept literally").isEqualTo("koeriersnel <b>traag</b> & \"laat\"");
		assertThat(overheard.inReplyTo()).isEqualTo("at://did:plc:x/app.bsky.feed.post/3lz");
		assertThat(overheard.publishedAt()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
	}

	@Test
	void theSecondFetchAsksOnlyForPostsSinceTheMark() {
		this.bluesky.searches.put("koeriersnel", List.of(BlueskyServer.post("dirk.bsky.social", "3lc1", "koeriersnel", "2026-11-20T11:00:00.000Z", null, null)));
		Batch first = this.source.fetch(settings(), null);

		this.source.fetch(settings(), first.next());

		assertThat(this.bluesky.queries.getLast()).contains("since=2026-11-20T11%3A00%3A00Z").contains("sort=latest");
	}

	@Test
	void aBurstOfNewPostsIsReadPageByPageUpToTheMark() {
		List<BlueskyServer.Post> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
		posts.add(BlueskyServer.post("dirk.bsky.social", "3l000", "koeriersnel", "2026-11-20T09:00:00.000Z", null, null));
		this.bluesky.searches.put("koeriersnel", posts);
		Batch first = this.source.fetch(settings(), null);
		for (int i = 1; i <= 250; i++) {
			posts.add(BlueskyServer.post("dirk.bsky.social", "3l%03d".formatted(i), "koeriersnel " + i,
					Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i).toString(), null, null));
		}

		Batch second = this.source.fetch(settings(), first.next());

		assertThat(second.items()).hasSize(250);
		assertThat(second.items().getFirst().text()).as("oldest first").isEqualTo("koeriersnel 1");
		assertThat(this.source.fetch(settings(), second.next()).items()).isEmpty();
	}

	@Test
	void theFirstFetchDoesNotImportHistory() {
		List<BlueskyServer.Post> posts = new java.util.ArrayList<>();
		for (int i = 1; i <= 150; i++) {
			posts.add(BlueskyServer.post("dirk.bsky.social", "3l%03d".formatted(i), "koeriersnel " + i,
					Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i).toString(), null, null));
		}
		this.bluesky.searches.put("koeriersnel", posts);

		assertThat(this.source.fetch(settings(), null).items()).hasSize(BlueskySource.LIMIT);
	}

	@Test
	void postsOfTheBrandAreOwnRepliesAndLikesAreNotMentions() {
		this.bluesky.notifications.add(BlueskyServer.withReason(BlueskyServer.post("carla.bsky.social", "3la3", "liked", "2026-11-20T10:06:00.000Z", null, null), "like"));
		this.bluesky.searches.put("koeriersnel", List.of(BlueskyServer.post("koeriersnel.bsky.social", "3lc9", "Wij helpen graag", "2026-11-20T11:00:00.000Z", null, null)));

		Batch batch = this.source.fetch(settings(), null);

		assertThat(batch.items()).singleElement().satisfies(item -> {
			assertThat(item.own()).isTrue();
			assertThat(item.author().handle()).isEqualTo("koeriersnel.bsky.social");
		});
		assertThat(batch.skipped()).isEmpty();
	}

	@Test
	void missingAndUnexpectedFieldsAreTolerated() {
		this.bluesky.searches.put("koeriersnel", List.of(new BlueskyServer.Post("x", Instant.parse("2026-11-20T11:00:00Z"),
				"{\"uri\":\"at://did:plc:z/app.bsky.feed.post/3lq\",\"indexedAt\":\"2026-11-20T11:00:00.000Z\",\"author\":{\"handle\":{\"odd\":1}},\"record\":{\"text\":[1,2]},\"new\":true}")));

		Batch batch = this.source.fetch(settings(), null);

		assertThat(batch.items()).singleElement().satisfies(item -> {
			assertThat(item.text()).isEmpty();
			assertThat(item.author().handle()).isNull();
			assertThat(item.url()).isEqualTo("https://bsky.app/profile/did:plc:z/post/3lq");
		});
	}

	@Test
	void anExpiredSessionIsCreatedAgainOnce() {
		this.bluesky.searches.put("koeriersnel", List.of());
		this.source.fetch(settings(), null);
		assertThat(this.bluesky.sessions).hasValue(1);

		this.source.fetch(settings(), null);
		assertThat(this.bluesky.sessions).as("the session is cached").hasValue(1);

		this.bluesky.expireSession();
		this.source.fetch(settings(), null);
		assertThat(this.bluesky.sessions).hasValue(2);
	}

	@Test
	void aWrongAppPasswordIsNamed() {
		this.bluesky.password = "other";

		assertThatThrownBy(() -> this.source.fetch(settings(), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("Bluesky refused to sign in as koeriersnel.bsky.social");
		assertThat(this.source.probe(settings()).ok()).isFalse();
	}

	@Test
	void rateLimitIsAClearReason() {
		this.source.probe(settings());
		long reset = Instant.now().plusSeconds(600).getEpochSecond();
		this.bluesky.server.handle("/xrpc/app.bsky.notification.listNotifications", exchange -> {
			exchange.getResponseHeaders().set("RateLimit-Reset", String.valueOf(reset));
			BlueskyServer.send(exchange, 429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}");
		});

		assertThatThrownBy(() -> this.source.fetch(settings(), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageStartingWith("rate limited until " + Instant.ofEpochSecond(reset));
	}

	OutgoingReply reply(long id, String parentUri) {
		String settings = this.json.writeValueAsString(settings());
		return new OutgoingReply(id, 7, 3, settings, "Wat vervelend! We zoeken het uit.", parentUri, null, "bram.bsky.social");
	}

	@Test
	void aReplyToAReplyReferencesTheThreadRootAndTheParent() {
		BlueskyServer.Post parent = BlueskyServer.post("bram.bsky.social", "3la2", "Nog steeds niets", "2026-11-20T10:05:00.000Z",
				"at://did:plc:brand/app.bsky.feed.post/3lb0", "at://did:plc:brand/app.bsky.feed.post/3lroot");
		this.bluesky.posts.put(parent.uri(), parent);

		String uri = this.sender.send(reply(42, parent.uri()));

		JsonNode create = this.bluesky.creates.getFirst();
		String rkey = create.path("rkey").asString();
		assertThat(uri).isEqualTo("at://did:plc:brand/app.bsky.feed.post/" + rkey);
		assertThat(rkey).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
		assertThat(create.path("repo").asString()).isEqualTo(BlueskyServer.BRAND_DID);
		assertThat(create.path("collection").asString()).isEqualTo("app.bsky.feed.post");
		JsonNode record = create.path("record");
		assertThat(record.path("$type").asString()).isEqualTo("app.bsky.feed.post");
		assertThat(record.path("text").asString()).isEqualTo("Wat vervelend! We zoeken het uit.");
		assertThat(record.path("createdAt").asString()).isEqualTo("2026-11-21T09:00:00Z");
		assertThat(record.path("reply").path("parent").path("uri").asString()).isEqualTo(parent.uri());
		assertThat(record.path("reply").path("parent").path("cid").asString()).isEqualTo("bafy3la2");
		assertThat(record.path("reply").path("root").path("uri").asString()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/3lroot");
		assertThat(record.path("reply").path("root").path("cid").asString()).isEqualTo("bafyroot");
	}

	@Test
	void aReplyToATopLevelPostUsesItAsRootAndParent() {
		BlueskyServer.Post parent = BlueskyServer.post("anna.bsky.social", "3la1", "hulp", "2026-11-20T10:00:00.000Z", null, null);
		this.bluesky.posts.put(parent.uri(), parent);

		this.sender.send(reply(43, parent.uri()));

		JsonNode reply = this.bluesky.creates.getFirst().path("record").path("reply");
		assertThat(reply.path("root").path("uri").asString()).isEqualTo(parent.uri());
		assertThat(reply.path("root").path("cid").asString()).isEqualTo("bafy3la1");
	}

	@Test
	void aRetryOfASentReplyDoesNotPostTwice() {
		BlueskyServer.Post parent = BlueskyServer.post("anna.bsky.social", "3la1", "hulp", "2026-11-20T10:00:00.000Z", null, null);
		this.bluesky.posts.put(parent.uri(), parent);

		String first = this.sender.send(reply(44, parent.uri()));
		String second = this.sender.send(reply(44, parent.uri()));

		assertThat(second).isEqualTo(first);
		assertThat(this.bluesky.creates).hasSize(1);
		assertThat(this.bluesky.records).hasSize(1);
	}

	@Test
	void aCreateThatFailsAsDuplicateAfterALostAnswerCountsAsSent() {
		BlueskyServer.Post parent = BlueskyServer.post("anna.bsky.social", "3la1", "hulp", "2026-11-20T10:00:00.000Z", null, null);
		this.bluesky.posts.put(parent.uri(), parent);
		OutgoingReply reply = reply(45, parent.uri());
		String rkey = BlueskySender.rkey(reply);
		// the record lands while getRecord still says it is missing (answer lost, replica behind)
		this.bluesky.server.handle("/xrpc/com.atproto.repo.getRecord", exchange -> {
			if (this.bluesky.creates.isEmpty()) {
				this.bluesky.records.put(rkey, this.json.readTree("{\"text\":\"Wat vervelend! We zoeken het uit.\",\"reply\":{\"parent\":{\"uri\":\"" + parent.uri() + "\"}}}"));
				BlueskyServer.send(exchange, 400, "{\"error\":\"RecordNotFound\"}");
			}
			else {
				BlueskyServer.send(exchange, 200, "{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/" + rkey + "\",\"value\":" + this.bluesky.records.get(rkey) + "}");
			}
		});

		String uri = this.sender.send(reply);

		assertThat(uri).isEqualTo("at://did:plc:brand/app.bsky.feed.post/" + rkey);
		assertThat(this.bluesky.records).hasSize(1);
	}

	@Test
	void aDeletedParentIsNotRetried() {
		assertThatThrownBy(() -> this.sender.send(reply(46, "at://did:plc:gone/app.bsky.feed.post/3xx"))).isInstanceOfSatisfying(DeliveryFailed.class, e -> {
			assertThat(e.retryable()).isFalse();
			assertThat(e.getMessage()).contains("no longer exists");
		});
	}

	@Test
	void recordKeysAreValidTidsThatDifferPerReply() {
		assertThat(BlueskySender.tid(0, 0)).isEqualTo("2222222222222");
		assertThat(BlueskySender.rkey(reply(1, "at://x"))).isNotEqualTo(BlueskySender.rkey(reply(2, "at://x")))
			.isEqualTo(BlueskySender.rkey(reply(1, "at://x")));
	}
}
