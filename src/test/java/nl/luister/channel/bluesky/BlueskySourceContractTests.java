package nl.luister.channel.bluesky;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Source;
import nl.luister.channel.SourceContractTests;
import nl.luister.channel.http.SafeHttp;

/** Runs the source contract against a loopback Bluesky service: notifications, a search, one broken post. */
class BlueskySourceContractTests extends SourceContractTests<BlueskySettings> {

	BlueskyServer bluesky;

	SafeHttp http;

	@BeforeEach
	void start() {
		this.bluesky = new BlueskyServer();
		this.http = new SafeHttp(true);
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.bluesky.close();
	}

	@Override
	protected Source<BlueskySettings> source() {
		return new BlueskySource(new BlueskyApi(this.http, JsonMapper.builder().build(), Clock.systemUTC()));
	}

	@Override
	protected BlueskySettings serveFixture() {
		this.bluesky.notifications.add(BlueskyServer.post("anna.bsky.social", "3la1", "@koeriersnel.bsky.social waar is mijn pakket?", "2026-11-20T10:00:00.000Z", null, null));
		this.bluesky.notifications.add(BlueskyServer.withReason(
				BlueskyServer.post("bram.bsky.social", "3la2", "Nog steeds niets", "2026-11-20T10:05:00.000Z", "at://did:plc:brand/app.bsky.feed.post/3lb0", "at://did:plc:brand/app.bsky.feed.post/3lb0"), "reply"));
		this.bluesky.notifications.add(BlueskyServer.withReason(
				BlueskyServer.post("carla.bsky.social", "3la3", "liked", "2026-11-20T10:06:00.000Z", null, null), "like"));
		this.bluesky.notifications.add(new BlueskyServer.Post("broken", java.time.Instant.parse("2026-11-20T09:00:00Z"),
				"{\"reason\":\"mention\",\"indexedAt\":\"2026-11-20T09:00:00.000Z\",\"record\":{\"text\":\"no uri\"}}"));
		this.bluesky.searches.put("koeriersnel", new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
				BlueskyServer.post("dirk.bsky.social", "3lc1", "koeriersnel is weer laat", "2026-11-20T11:00:00.000Z", null, null))));
		return settings(this.bluesky.url());
	}

	static BlueskySettings settings(String service) {
		return new BlueskySettings(service, "koeriersnel.bsky.social", "app-pass-1234", true, List.of("koeriersnel"));
	}

	@Override
	protected void addNewItems() {
		this.bluesky.searches.get("koeriersnel").add(BlueskyServer.post("eva.bsky.social", "3lc2", "koeriersnel, help", "2026-11-20T11:30:00.000Z", null, null));
	}

	@Override
	protected BlueskySettings unreachable() {
		return settings("http://127.0.0.1:" + closedPort());
	}

	@Override
	protected int goodItems() {
		return 3;
	}

	static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
