package nl.luister.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretSettingsTests {

	@Test
	void masksPasswordsSecretsAndTokensAtAnyDepth() {
		String masked = SecretSettings.mask("""
				{"url": "https://x", "password": "p1", "smtpPassword": "p2", "auth": {"accessToken": "t"},
				 "keys": [{"webhookSecret": "s"}], "emptyPassword": "", "port": 993}""");

		assertThat(masked).doesNotContain("p1", "p2", "\"t\"", "\"s\"")
			.contains("\"url\":\"https://x\"", "\"password\":\"********\"", "\"smtpPassword\":\"********\"",
					"\"accessToken\":\"********\"", "\"webhookSecret\":\"********\"", "\"emptyPassword\":\"\"", "\"port\":993");
		assertThat(SecretSettings.mask("not json")).isEqualTo("{}");
		assertThat(SecretSettings.mask(null)).isNull();
	}

	@Test
	void aMaskSentBackKeepsTheStoredSecretAndANewValueReplacesIt() {
		String stored = "{\"username\": \"a\", \"password\": \"old\"}";

		assertThat(SecretSettings.keepStored("{\"username\": \"b\", \"password\": \"********\"}", stored))
			.contains("\"password\":\"old\"", "\"username\":\"b\"");
		assertThat(SecretSettings.keepStored("{\"password\": \"new\"}", stored)).isEqualTo("{\"password\": \"new\"}");
	}
}
