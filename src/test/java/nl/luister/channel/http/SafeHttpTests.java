package nl.luister.channel.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.luister.channel.FeedServer;
import nl.luister.channel.SourceUnavailable;

class SafeHttpTests {

	private FeedServer server;

	private SafeHttp http;

	@BeforeEach
	void start() {
		this.server = FeedServer.start();
		this.http = new SafeHttp(true);
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.server.close();
	}

	@Test
	void returnsBodyContentTypeAndValidators() {
		this.server.serve("/feed", "<rss/>".getBytes(UTF_8), "application/rss+xml; charset=utf-8", "\"v1\"");

		SafeHttp.Response response = this.http.get(this.server.url("/feed"), null, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), UTF_8)).isEqualTo("<rss/>");
		assertThat(response.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
		assertThat(response.etag()).isEqualTo("\"v1\"");
		assertThat(response.lastModified()).isEqualTo("Mon, 02 Jun 2025 10:00:00 GMT");
		assertThat(response.finalUrl()).hasToString(this.server.url("/feed"));
	}

	@Test
	void sendsConditionalHeadersAndReportsNotModified() {
		this.server.serve("/feed", "<rss/>".getBytes(UTF_8), "application/rss+xml", "\"v1\"");

		SafeHttp.Response response = this.http.get(this.server.url("/feed"), "\"v1\"", "Mon, 02 Jun 2025 10:00:00 GMT");

		assertThat(response.notModified()).isTrue();
		assertThat(response.body()).isEmpty();
		assertThat(response.etag()).isEqualTo("\"v1\"");
		assertThat(this.server.requests("/feed").getFirst().getFirst("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(this.server.requests("/feed").getFirst().getFirst("If-Modified-Since"))
			.isEqualTo("Mon, 02 Jun 2025 10:00:00 GMT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/feed", "http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/",
			"http://[::1]/feed", "http://[::ffff:127.0.0.1]/feed", "http://[::ffff:10.0.0.1]/feed",
			"http://172.16.0.1/feed", "http://192.168.1.1/feed", "http://100.64.0.1/feed", "http://0.0.0.0/feed",
			"http://[::]/feed", "http://[fd12:3456::1]/feed", "http://[fe80::1]/feed", "http://224.0.0.1/feed" })
	void refusesPrivateAddressesWhenNotAllowed(String url) {
		try (SafeHttp strict = new SafeHttp(false, SafeHttp.DEFAULT_MAX_BYTES, Duration.ofMillis(200),
				Duration.ofMillis(200))) {
			assertThatThrownBy(() -> strict.get(url, null, null)).isInstanceOf(SourceUnavailable.class)
				.hasMessageContaining("refusing to connect to")
				.hasMessageContaining("only public internet addresses may be fetched");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1", "::127.0.0.1",
			"::ffff:169.254.169.254", "100.127.255.255", "fc00::1", "fdff::1", "fe80::1", "ff02::1", "::",
			"2002:a00:1::1", "64:ff9b::a00:1", "255.255.255.255" })
	void classifiesNonPublicAddresses(String literal) throws Exception {
		assertThat(SafeHttp.refusalReason(InetAddress.getByName(literal))).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "::ffff:93.184.216.34" })
	void allowsPublicAddresses(String literal) throws Exception {
		assertThat(SafeHttp.refusalReason(InetAddress.getByName(literal))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "jar:file:/tmp/x.jar!/feed.xml", "ftp://ftp.example.com/feed.xml",
			"gopher://example.com/" })
	void refusesSchemesOtherThanHttp(String url) {
		assertThatThrownBy(() -> this.http.get(url, null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("only http and https addresses are allowed");
	}

	@Test
	void refusesAddressWithoutScheme() {
		assertThatThrownBy(() -> this.http.get("example.com/feed", null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("not a full address");
	}

	@Test
	void followsRedirects() {
		this.server.redirect("/old", "/feed");
		this.server.serve("/feed", "<rss/>".getBytes(UTF_8), "application/rss+xml");

		SafeHttp.Response response = this.http.get(this.server.url("/old"), null, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.finalUrl()).hasToString(this.server.url("/feed"));
	}

	@Test
	void refusesRedirectToPrivateAddressBeforeConnecting() {
		try (SafeHttp loopbackOnly = new SafeHttp(InetAddress::isLoopbackAddress, SafeHttp.DEFAULT_MAX_BYTES,
				Duration.ofMillis(200), Duration.ofSeconds(5))) {
			this.server.redirect("/feed", "http://10.0.0.1/internal");

			assertThatThrownBy(() -> loopbackOnly.get(this.server.url("/feed"), null, null))
				.isInstanceOf(SourceUnavailable.class)
				.hasMessageContaining("refusing to connect to 10.0.0.1")
				.hasMessageContaining("private network address");
		}
	}

	@Test
	void refusesRedirectToFile() {
		this.server.redirect("/feed", "file:///etc/passwd");

		assertThatThrownBy(() -> this.http.get(this.server.url("/feed"), null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("redirects elsewhere")
			.hasMessageContaining("only http and https addresses are allowed");
	}

	@Test
	void givesUpAfterFiveRedirects() {
		this.server.redirect("/loop", "/loop");

		assertThatThrownBy(() -> this.http.get(this.server.url("/loop"), null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("gave up after 5 redirects");
		assertThat(this.server.requests("/loop")).hasSize(6);
	}

	@Test
	void reportsServerErrorWithStatus() {
		this.server.status("/feed", 500);

		assertThatThrownBy(() -> this.http.get(this.server.url("/feed"), null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessage("the server answered 500 Internal Server Error for " + this.server.url("/feed"));
	}

	@Test
	void reportsNotFoundWithStatus() {
		assertThatThrownBy(() -> this.http.get(this.server.url("/missing"), null, null))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessage("the server answered 404 Not Found for " + this.server.url("/missing"));
	}

	@Test
	void reportsConnectionRefused() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + port + "/feed";

		assertThatThrownBy(() -> this.http.get(url, null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessage("could not connect to 127.0.0.1:" + port + ": connection refused");
	}

	@Test
	void reportsServerThatDoesNotAnswer() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		this.server.handle("/slow", exchange -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		try (SafeHttp impatient = new SafeHttp(true, SafeHttp.DEFAULT_MAX_BYTES, Duration.ofSeconds(5),
				Duration.ofMillis(300))) {
			assertThatThrownBy(() -> impatient.get(this.server.url("/slow"), null, null))
				.isInstanceOf(SourceUnavailable.class)
				.hasMessageContaining("did not answer within");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void stopsReadingAStreamedBodyOverTheLimit() throws InterruptedException {
		long endless = 200L * 1024 * 1024;
		AtomicLong written = new AtomicLong();
		CountDownLatch done = new CountDownLatch(1);
		this.server.handle("/huge", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream out = exchange.getResponseBody()) {
				while (written.get() < endless) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			}
			catch (IOException expected) {
				// the client hung up, which is the point
			}
			finally {
				done.countDown();
			}
		});

		assertThatThrownBy(() -> this.http.get(this.server.url("/huge"), null, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageStartingWith("feed is larger than 10 MB");
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(written.get()).isLessThan(endless);
	}

	@Test
	void refusesDeclaredLengthOverTheLimitBeforeReading() {
		try (SafeHttp small = new SafeHttp(true, 1000, Duration.ofSeconds(5), Duration.ofSeconds(5))) {
			this.server.serve("/feed", new byte[2000], "application/rss+xml");

			assertThatThrownBy(() -> small.get(this.server.url("/feed"), null, null))
				.isInstanceOf(SourceUnavailable.class)
				.hasMessageStartingWith("feed is larger than 1000 bytes");
		}
	}
}
