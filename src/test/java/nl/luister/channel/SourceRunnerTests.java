package nl.luister.channel;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceRunnerTests {

	@Test
	void backsOffExponentiallyFromThirtySecondsToSixHours() {
		assertThat(SourceRunner.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(SourceRunner.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(SourceRunner.backoff(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(SourceRunner.backoff(12)).isEqualTo(Duration.ofHours(6));
		assertThat(SourceRunner.backoff(500)).isEqualTo(Duration.ofHours(6));
	}
}
