package nl.luister.channel;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceProblemTests {

	@Test
	void reasonsOfTheConnectorsAreToldApartInPlainKinds() {
		assertThat(SourceProblem.of("reading notifications on https://m.example: the access token was refused (expired or revoked)"))
			.isEqualTo(SourceProblem.EXPIRED_TOKEN);
		assertThat(SourceProblem.of("the mail server refused the login for support at 127.0.0.1:143: check the user name and password"))
			.isEqualTo(SourceProblem.WRONG_PASSWORD);
		assertThat(SourceProblem.of("rate limited until 2026-11-26T04:00:00Z by https://m.example; Luister waits instead of being refused"))
			.isEqualTo(SourceProblem.RATE_LIMITED);
		assertThat(SourceProblem.of("could not find the server 'nowhere.example' (unknown host)")).isEqualTo(SourceProblem.HOST_UNREACHABLE);
		assertThat(SourceProblem.of("could not connect to 127.0.0.1:9: connection refused")).isEqualTo(SourceProblem.HOST_UNREACHABLE);
		assertThat(SourceProblem.of("could not set up a secure connection to x.example:443: PKIX path building failed")).isEqualTo(SourceProblem.TLS);
		assertThat(SourceProblem.of("the server answered 500 Internal Server Error for http://127.0.0.1/feed")).isEqualTo(SourceProblem.BAD_ANSWER);
		assertThat(SourceProblem.of("the server answered 404 Not Found for http://127.0.0.1:8080/feed")).isEqualTo(SourceProblem.NOT_FOUND);
		// digits of a port or path are not a status: 40412, 4290, /401/
		assertThat(SourceProblem.of("the server answered 503 Service Unavailable for http://127.0.0.1:40412/feed.xml")).isEqualTo(SourceProblem.BAD_ANSWER);
		assertThat(SourceProblem.of("the server answered 500 for http://127.0.0.1:4290/401/expired.xml")).isEqualTo(SourceProblem.BAD_ANSWER);
		assertThat(SourceProblem.of("could not connect to tls.example:4040: connection refused")).isEqualTo(SourceProblem.HOST_UNREACHABLE);
		assertThat(SourceProblem.of("something odd")).isEqualTo(SourceProblem.OTHER);
		assertThat(SourceProblem.of(null)).isNull();
	}

	@Test
	void theEndOfARateLimitIsReadFromTheReason() {
		assertThat(SourceProblem.rateLimitedUntil("rate limited until 2026-11-26T04:00:00Z by https://m.example"))
			.isEqualTo(Instant.parse("2026-11-26T04:00:00Z"));
		assertThat(SourceProblem.rateLimitedUntil("rate limited until soon")).isNull();
		assertThat(SourceProblem.rateLimitedUntil("connection refused")).isNull();
	}
}
