package nl.luister.channel.mastodon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Source;
import nl.luister.channel.SourceContractTests;
import nl.luister.channel.http.SafeHttp;

/** Runs the source contract against a loopback Mastodon instance: two mentions, a hashtag timeline, one broken mention. */
class MastodonSourceContractTests extends SourceContractTests<MastodonSettings> {

	MastodonServer mastodon;

	SafeHttp http;

	@BeforeEach
	void start() {
		this.mastodon = new MastodonServer();
		this.http = new SafeHttp(true);
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.mastodon.close();
	}

	@Override
	protected Source<MastodonSettings> source() {
		return new MastodonSource(new MastodonApi(this.http, JsonMapper.builder().build(), Clock.systemUTC()));
	}

	@Override
	protected MastodonSettings serveFixture() {
		this.mastodon.notifications.add(MastodonServer.mention("501",
				MastodonServer.status("101", "anna@social.example", "<p><span class=\"h-card\"><a href=\"https://m.example/@koeriersnel\">@<span>koeriersnel</span></a></span> waar blijft mijn pakket?</p>", "public", null)));
		this.mastodon.notifications.add(MastodonServer.mention("502",
				MastodonServer.status("102", "bram", "<p>Mijn ordernummer is 12345<br>adres volgt</p>", "direct", null)));
		this.mastodon.notifications.add(new MastodonServer.Item("503",
				"{\"id\":\"503\",\"type\":\"mention\",\"status\":{\"id\":\"103\",\"content\":\"<p>no date, no account</p>\"}}"));
		this.mastodon.tag("koeriersnel", MastodonServer.status("110", "carla@other.example", "<p>Weer te laat <a href=\"https://x\">#koeriersnel</a></p><script>alert(1)</script>", "public", null),
				MastodonServer.status("111", "dirk", "<p>Bij mij ook!</p>", "unlisted", "110"));
		return settings();
	}

	MastodonSettings settings() {
		return new MastodonSettings(this.mastodon.url(), "token-123", "koeriersnel", true, List.of("#koeriersnel"), List.of(), null);
	}

	@Override
	protected void addNewItems() {
		this.mastodon.tag("koeriersnel", MastodonServer.status("112", "eva", "<p>Nog steeds niets</p>", "public", null));
	}

	@Override
	protected MastodonSettings unreachable() {
		return new MastodonSettings("http://127.0.0.1:" + closedPort(), "token-123", "koeriersnel", true, List.of("koeriersnel"), List.of(), null);
	}

	@Override
	protected int goodItems() {
		return 4;
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
