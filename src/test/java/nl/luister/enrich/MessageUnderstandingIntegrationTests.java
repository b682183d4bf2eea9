package nl.luister.enrich;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class MessageUnderstandingIntegrationTests {

	@Autowired
	MessageUnderstanding understanding;

	@Test
	void theBeanUnderstandsMessagesWithTheDefaultLanguages() {
		assertThat(understanding.languages().languages()).containsExactly("nl", "en", "de", "fr", "es");
		Understanding u = understanding.understand("Hoe kan ik mijn abonnement opzeggen?", null);
		assertThat(u.language()).isEqualTo("nl");
		assertThat(u.question()).isTrue();
	}
}
