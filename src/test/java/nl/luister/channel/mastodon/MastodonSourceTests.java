package nl.luister.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

class MastodonSourceTests {

	MastodonServer mastodon;

	SafeHttp http;

	MastodonSource source;

	@BeforeEach
	void start() {
		this.mastodon = new MastodonServer();
		this.http = new SafeHttp(true);
		this.source = new MastodonSource(new MastodonApi(this.http, JsonMapper.builder().build(), Clock.systemUTC()));
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.mastodon.close();
	}

	MastodonSettings settings(List<String> tags, List<String> terms) {
		return new MastodonSettings(this.mastodon.url() + "/", "token-123", "@koeriersnel", true, tags, terms, null);
	}

	@Test
	void mentionsAndDirectMessagesAreAddressedAndTimelinePostsOverheard() {
		this.mastodon.notifications.add(MastodonServer.mention("501", MastodonServer.status("101", "anna", "<p>@koeriersnel hallo</p>", "public", null)));
		this.mastodon.notifications.add(MastodonServer.mention("502", MastodonServer.status("102", "bram", "<p>prive</p>", "direct", null)));
		this.mastodon.tag("pakket", MastodonServer.status("110", "carla", "<p>#pakket kwijt</p>", "public", null));
		this.mastodon.searches.put("koerier snel", List.of(MastodonServer.status("120", "dirk", "<p>koerier snel is traag</p>", "public", null)));

		Batch batch = this.source.fetch(settings(List.of("pakket"), List.of("koerier snel")), null);

		assertThat(batch.items()).extracting(RawMention::externalId, RawMention::addressed)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("101", true), org.assertj.core.groups.Tuple.tuple("102", true),
					org.assertj.core.groups.Tuple.tuple("110", false), org.assertj.core.groups.Tuple.tuple("120", false));
		assertThat(batch.items()).allSatisfy(item -> assertThat(item.channel()).isEqualTo(Channel.MASTODON));
		assertThat(this.mastodon.received("/api/v1/notifications").getFirst().headers().get("authorization")).isEqualTo("Bearer token-123");
		assertThat(this.mastodon.received("/api/v1/notifications").getFirst().query()).contains("types[]=mention");
	}

	@Test
	void htmlContentBecomesTextAndAuthorIsMapped() {
		this.mastodon.tag("pakket", MastodonServer.status("110", "carla@other.example",
				"<p>Pakket <a href=\"https://x\" onclick=\"evil()\">#kwijt</a><br>al <b>3</b> dagen</p><p>Help</p><script>alert(1)</script>", "public", "99"));

		RawMention item = this.source.fetch(settings(List.of("pakket"), List.of()), null).items().getFirst();

		assertThat(item.text()).isEqualTo("Pakket #kwijt\nal 3 dagen\n\nHelp");
		assertThat(item.author()).isEqualTo(new RawMention.Author("carla@other.example", "carla@other.example :blobcat:", 210));
		assertThat(item.url()).isEqualTo("https://social.example/@carla@other.example/110");
		assertThat(item.inReplyTo()).isEqualTo("99");
		assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-20T10:50:00Z"));
	}

	@Test
	void aPostInSeveralStreamsIsDeliveredOnceAndAddressed() {
		MastodonServer.Item status = MastodonServer.status("101", "anna", "<p>@koeriersnel #pakket</p>", "public", null);
		this.mastodon.tag("pakket", status);
		this.mastodon.notifications.add(MastodonServer.mention("501", status));

		Batch batch = this.source.fetch(settings(List.of("pakket"), List.of()), null);

		assertThat(batch.items()).singleElement().satisfies(item -> assertThat(item.addressed()).isTrue());
	}

	@Test
	void postsOfTheBrandsOwnAccountAreDeliveredAsOwnReplies() {
		this.mastodon.tag("pakket", MastodonServer.status("110", "koeriersnel", "<p>We kijken ernaar</p>", "public", "109"),
				MastodonServer.status("111", "anna", "<p>dank</p>", "public", "110"));

		Batch batch = this.source.fetch(settings(List.of("pakket"), List.of()), null);

		assertThat(batch.items()).extracting(RawMention::externalId, RawMention::own)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("110", true), org.assertj.core.groups.Tuple.tuple("111", false));
		assertThat(batch.skipped()).isEmpty();
	}

	@Test
	void withoutAConfiguredAccountTheTokensOwnAccountIsOurs() {
		this.mastodon.tag("pakket", MastodonServer.status("110", "koeriersnel", "<p>We kijken ernaar</p>", "public", null));
		MastodonSettings settings = new MastodonSettings(this.mastodon.url(), "token-123", null, false, List.of("pakket"), List.of(), null);

		Batch batch = this.source.fetch(settings, null);
		this.source.fetch(settings, batch.next());

		assertThat(batch.items()).singleElement().satisfies(item -> assertThat(item.own()).isTrue());
		assertThat(batch.skipped()).isEmpty();
		assertThat(this.mastodon.received("/api/v1/accounts/verify_credentials")).as("asked once").hasSize(1);
	}

	@Test
	void unexpectedAndMissingFieldsAreTolerated() {
		this.mastodon.tag("pakket",
				new MastodonServer.Item("130", "{\"id\":\"130\",\"created_at\":\"2026-11-20T10:00:00Z\",\"account\":{\"acct\":\"x\"},\"novel\":[1,{\"a\":null}]}"),
				new MastodonServer.Item("131", "{\"id\":131,\"created_at\":\"yesterday\",\"account\":{},\"content\":\"<p>x</p>\"}"),
				new MastodonServer.Item("132", "{\"id\":\"132\",\"created_at\":\"2026-11-20T10:00:00Z\",\"account\":{\"acct\":{\"odd\":true},\"followers_count\":\"many\",\"display_name\":null},\"content\":{\"html\":\"<p>x</p>\"},\"url\":\"javascript:alert(1)\"}"));

		Batch batch = this.source.fetch(settings(List.of("pakket"), List.of()), null);

		assertThat(batch.items()).extracting(RawMention::externalId).containsExactly("130", "132");
		assertThat(batch.items()).allSatisfy(item -> {
			assertThat(item.text()).isEmpty();
			assertThat(item.url()).isNull();
		});
		assertThat(batch.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("created_at 'yesterday' is not a date"));
	}

	@Test
	void answerThatIsNotMastodonJsonIsAClearFailure() {
		this.mastodon.handle("/api/v1/notifications", 200, "<html>maintenance</html>");

		assertThatThrownBy(() -> this.source.fetch(settings(List.of(), List.of()), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("did not answer with JSON");
	}

	@Test
	void aRefusedTokenIsNamed() {
		this.mastodon.handle("/api/v1/notifications", 401, "{\"error\":\"The access token is invalid\"}");

		assertThatThrownBy(() -> this.source.fetch(settings(List.of(), List.of()), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("the access token was refused")
			.hasMessageContaining("The access token is invalid");
		assertThat(this.source.probe(settings(List.of(), List.of())).ok()).isTrue();
	}

	@Test
	void fewRequestsLeftBacksOffUntilTheResetBeforeTheInstanceRefuses() {
		String reset = Instant.now().plusSeconds(240).toString();
		this.mastodon.reset = reset;
		this.mastodon.remaining = 2;
		this.mastodon.notifications.add(MastodonServer.mention("501", MastodonServer.status("101", "anna", "<p>hoi</p>", "public", null)));

		assertThatThrownBy(() -> this.source.fetch(settings(List.of(), List.of()), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("rate limited until " + Instant.parse(reset))
			.hasMessageContaining("2 requests left");
		int requests = this.mastodon.received.size();

		assertThatThrownBy(() -> this.source.fetch(settings(List.of(), List.of()), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("rate limited until");
		assertThat(this.mastodon.received).as("no request while held back").hasSize(requests);
	}

	@Test
	void tooManyRequestsIsRateLimitedToo() {
		this.mastodon.remaining = null;
		this.mastodon.handle("/api/v1/notifications", 429, "{\"error\":\"Too many requests\"}");

		assertThatThrownBy(() -> this.source.fetch(settings(List.of(), List.of()), null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageStartingWith("rate limited until");
	}

	@Test
	void cursorKeepsOneSinceIdPerStream() {
		this.mastodon.notifications.add(MastodonServer.mention("501", MastodonServer.status("101", "anna", "<p>a</p>", "public", null)));
		this.mastodon.tag("pakket", MastodonServer.status("110", "carla", "<p>b</p>", "public", null));
		Batch first = this.source.fetch(settings(List.of("pakket"), List.of()), null);

		this.source.fetch(settings(List.of("pakket"), List.of()), first.next());

		assertThat(MastodonCursor.parse(first.next()).sinceIds()).containsEntry("n", "501").containsEntry("t:pakket", "110");
		assertThat(this.mastodon.received("/api/v1/notifications").getLast().query()).contains("min_id=501");
		assertThat(this.mastodon.received("/api/v1/timelines/tag/pakket").getLast().query()).contains("min_id=110");
		assertThat(MastodonCursor.parse("garbage").sinceIds()).isEmpty();
	}
}
