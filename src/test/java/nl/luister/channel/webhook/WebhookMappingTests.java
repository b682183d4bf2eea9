package nl.luister.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;

class WebhookMappingTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	final JsonMapper json = JsonMapper.builder().build();

	RawMention map(String body, Map<String, String> mapping, Boolean html) {
		WebhookSettings settings = new WebhookSettings(List.of(SECRET), null, null, null, mapping, null, html);
		return WebhookMapping.map(json.readTree(body), settings, Instant.parse("2026-11-21T12:00:00Z"));
	}

	@Test
	void halfStarsRoundAndTheFigureIsKept() {
		RawMention m = map("{\"id\": 7, \"text\": \"Top\", \"stars\": 4.5}", Map.of("id", "/id", "text", "/text", "rating", "/stars"), null);

		assertThat(m.title()).isEqualTo("★★★★★ (4.5/5)");
		assertThat(m.externalId()).isEqualTo("7");
		assertThat(m.channel()).isEqualTo(Channel.REVIEW);
		assertThat(m.addressed()).isTrue();
		assertThat(m.publishedAt()).as("no date mapped: time of receipt").isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
	}

	@Test
	void htmlIsTurnedIntoTextOnlyWhenTheSourceSaysSo() {
		String body = "{\"id\": \"a\", \"text\": \"<p>Slecht<br>bezorgd</p><script>x()</script>\", \"at\": 1795000000}";
		Map<String, String> mapping = Map.of("id", "/id", "text", "/text", "publishedAt", "/at");

		assertThat(map(body, mapping, true).text()).isEqualTo("Slecht\nbezorgd");
		assertThat(map(body, mapping, null).text()).startsWith("<p>Slecht");
		assertThat(map(body, mapping, null).publishedAt()).isEqualTo(Instant.ofEpochSecond(1795000000));
	}

	@Test
	void valuesOfTheWrongShapeAreNamed() {
		Map<String, String> mapping = Map.of("id", "/id", "text", "/text", "publishedAt", "/at", "author.followers", "/f");

		assertThatThrownBy(() -> map("{\"id\": \"a\", \"text\": {\"x\": 1}}", mapping, null)).isInstanceOf(WebhookRejected.class)
			.hasMessage("the field 'text' at /text is an object, not a value");
		assertThatThrownBy(() -> map("{\"id\": \"a\", \"text\": \"t\", \"at\": \"gisteren\"}", mapping, null)).isInstanceOf(WebhookRejected.class)
			.hasMessageContaining("'publishedAt' at /at is not a date");
		assertThatThrownBy(() -> map("{\"id\": \"a\", \"text\": \"t\", \"f\": \"veel\"}", mapping, null)).isInstanceOf(WebhookRejected.class)
			.hasMessageContaining("'author.followers' at /f is not a whole number");
		assertThatThrownBy(() -> map("{\"id\": \"\", \"text\": \"t\"}", mapping, null)).isInstanceOf(WebhookRejected.class)
			.hasMessage("the field 'id' is empty at /id");
	}

	@Test
	void secretsMustBeWhsecBase64() {
		Map<String, String> mapping = Map.of("id", "/id", "text", "/text");

		assertThatThrownBy(() -> new WebhookSettings(List.of("plain-secret"), null, null, null, mapping, null, null))
			.hasMessageContaining("starts with whsec_");
		assertThatThrownBy(() -> new WebhookSettings(List.of("whsec_!!!"), null, null, null, mapping, null, null))
			.hasMessageContaining("not valid base64");
		assertThatThrownBy(() -> new WebhookSettings(List.of(SECRET), null, null, null, Map.of("id", "/id", "text", "/t", "stars", "/s"), null, null))
			.hasMessageContaining("unknown mapping field 'stars'");
	}

	@Test
	void aSignatureFromTheStandardWebhooksExampleVerifies() {
		// the example of the Standard Webhooks specification's reference libraries
		String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
		String timestamp = "1614265330";
		byte[] body = "{\"test\": 2432232314}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

		WebhookSignature.verify(List.of(SECRET), id, timestamp, signature, body, Instant.ofEpochSecond(1614265330));
	}
}
