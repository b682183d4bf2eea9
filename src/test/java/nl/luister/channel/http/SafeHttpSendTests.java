package nl.luister.channel.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.channel.FeedServer;
import nl.luister.channel.SourceUnavailable;

/** {@link SafeHttp#send}: API calls with a body and headers, answered whatever their status, with the same address checks. */
class SafeHttpSendTests {

	FeedServer server;

	SafeHttp http;

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
	void postsTheBodyWithTheHeadersAndReturnsAnErrorAnswerWithItsHeaders() {
		AtomicReference<String> received = new AtomicReference<>();
		this.server.handle("/api", exchange -> {
			received.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), UTF_8));
			byte[] body = "{\"error\":\"nope\"}".getBytes(UTF_8);
			exchange.getResponseHeaders().set("X-RateLimit-Remaining", "3");
			exchange.sendResponseHeaders(422, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});

		SafeHttp.Answer answer = this.http.send("POST", this.server.url("/api"), Map.of("Authorization", "Bearer t"), "{\"a\":1}".getBytes(UTF_8));

		assertThat(received.get()).isEqualTo("POST Bearer t {\"a\":1}");
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.ok()).isFalse();
		assertThat(answer.header("x-ratelimit-remaining")).isEqualTo("3");
		assertThat(new String(answer.body(), UTF_8)).isEqualTo("{\"error\":\"nope\"}");
		assertThat(answer.describeStatus()).isEqualTo("422");
	}

	@Test
	void doesNotFollowRedirects() {
		this.server.redirect("/api", "http://10.0.0.1/internal");

		assertThat(this.http.send("GET", this.server.url("/api"), Map.of(), null).status()).isEqualTo(302);
	}

	@Test
	void refusesPrivateAddressesWhenNotAllowed() {
		try (SafeHttp strict = new SafeHttp(false, SafeHttp.DEFAULT_MAX_BYTES, Duration.ofMillis(200), Duration.ofMillis(200))) {
			assertThatThrownBy(() -> strict.send("POST", "http://169.254.169.254/latest", Map.of(), new byte[0]))
				.isInstanceOf(SourceUnavailable.class)
				.hasMessageContaining("only public internet addresses may be fetched");
		}
	}

	@Test
	void cutsAnAnswerOverTheLimit() {
		this.server.serve("/big", new byte[2000], "application/json");
		try (SafeHttp small = new SafeHttp(true, 1000, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
			assertThatThrownBy(() -> small.send("GET", this.server.url("/big"), Map.of(), null)).isInstanceOf(SourceUnavailable.class)
				.hasMessageContaining("larger than 1000 bytes");
		}
	}
}
