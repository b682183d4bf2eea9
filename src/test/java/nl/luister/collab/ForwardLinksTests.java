package nl.luister.collab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardLinksTests {

	final ForwardLinks links = new ForwardLinks("a test secret of enough bytes".getBytes(StandardCharsets.UTF_8));
	final Instant expiry = Instant.parse("2026-12-03T09:00:00Z");

	@Test
	void aTokenItMadeVerifiesWithItsIdAndExpiry() {
		String token = links.token(42, expiry);
		assertThat(token).startsWith("42." + expiry.getEpochSecond() + ".");
		assertThat(links.verify(token)).contains(new ForwardLinks.Claim(42, expiry));
	}

	@Test
	void changingTheIdTheExpiryOrTheSignatureBreaksTheToken() {
		String token = links.token(42, expiry);
		String[] parts = token.split("\\.");
		assertThat(links.verify("43." + parts[1] + "." + parts[2])).isEmpty();
		assertThat(links.verify(parts[0] + "." + (expiry.getEpochSecond() + 86_400) + "." + parts[2])).isEmpty();
		char last = parts[2].charAt(parts[2].length() - 1);
		assertThat(links.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A')))
			.isEmpty();
	}

	@Test
	void anotherSecretsTokenAndGarbageAreRefused() {
		ForwardLinks other = new ForwardLinks("another secret, also long enough".getBytes(StandardCharsets.UTF_8));
		assertThat(links.verify(other.token(42, expiry))).isEmpty();
		assertThat(links.verify(null)).isEmpty();
		assertThat(links.verify("")).isEmpty();
		assertThat(links.verify("42")).isEmpty();
		assertThat(links.verify("42.1.<script>")).isEmpty();
		assertThat(links.verify("99999999999999999999.1." + "A".repeat(43))).isEmpty();
	}

	@Test
	void keepsAGeneratedSecretInItsFileSoLinksSurviveARestart(@TempDir Path home) throws Exception {
		Path file = home.resolve("forward-link-secret");
		String token = ForwardLinks.fromSecretOrFile("", file).token(7, expiry);
		assertThat(Files.exists(file)).isTrue();
		assertThat(ForwardLinks.fromSecretOrFile(null, file).verify(token)).isPresent();
		assertThat(ForwardLinks.fromSecretOrFile("a configured secret, long enough", file).verify(token)).isEmpty();
	}
}
