package nl.luister.enrich;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageUnderstandingTests {

	static MessageUnderstanding understanding;

	@BeforeAll
	static void load() {
		understanding = MessageUnderstanding.withDefaults();
	}

	@Test
	void aDutchUndeliveredParcelIsANegativeComplaint() {
		Understanding u = understanding.understand("mijn pakket is nog steeds niet bezorgd", null);
		assertThat(u.language()).isEqualTo("nl");
		assertThat(u.sentiment()).isEqualTo(Sentiment.NEGATIVE);
		assertThat(u.complaint()).isTrue();
		assertThat(u.praise()).isFalse();
	}

	@Test
	void thanksForGoodServiceIsPositivePraise() {
		Understanding u = understanding.understand("Top service, heel erg bedankt voor jullie hulp!", "nl");
		assertThat(u.sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(u.praise()).isTrue();
		assertThat(u.complaint()).isFalse();
	}

	@Test
	void questionsAreRecognisedWithoutAQuestionMark() {
		assertThat(understanding.understand("hoe kan ik mijn abonnement opzeggen", "nl").question()).isTrue();
		assertThat(understanding.understand("waarom is mijn rekening zo hoog", "nl").question()).isTrue();
		assertThat(understanding.understand("how do I reset my password", "en").question()).isTrue();
		assertThat(understanding.understand("Ik heb het formulier ingevuld.", "nl").question()).isFalse();
	}

	@Test
	void aComplaintCanAlsoBeAQuestion() {
		Understanding u = understanding.understand("Waarom duurt het zo lang voordat ik antwoord krijg? Al drie weken niks gehoord", "nl");
		assertThat(u.question()).isTrue();
		assertThat(u.complaint()).isTrue();
	}

	@Test
	void anEnglishComplaintToABrandIsFlagged() {
		Understanding u = understanding.understand("@airline my flight was cancelled and nobody at the desk can tell me anything. worst service ever", null);
		assertThat(u.language()).isEqualTo("en");
		assertThat(u.complaint()).isTrue();
		assertThat(u.sentiment()).isEqualTo(Sentiment.NEGATIVE);
	}

	@Test
	void negationTurnsBadIntoNotNegative() {
		assertThat(understanding.understand("not bad at all, the new app works", "en").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
		assertThat(understanding.understand("niet slecht, de nieuwe app werkt", "nl").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
	}

	@Test
	void emptyAndNullTextAreUndetermined() {
		assertThat(understanding.understand("", null)).isEqualTo(Understanding.undetermined());
		assertThat(understanding.understand("   \n\t", null)).isEqualTo(Understanding.undetermined());
		assertThat(understanding.understand(null, "nl")).isEqualTo(Understanding.undetermined());
	}

	@Test
	void onlyEmojiGivesAnUndeterminedLanguageAndALowConfidenceSentiment() {
		Understanding u = understanding.understand("😍😍🎉", null);
		assertThat(u.language()).isEqualTo("und");
		assertThat(u.sentimentConfidence()).isLessThan(0.9);
		assertThat(u.sentiment()).isEqualTo(Sentiment.POSITIVE);
	}

	@Test
	void onlyUrlsGiveAnUndeterminedNeutralAnswer() {
		Understanding u = understanding.understand("https://example.org/a https://example.org/b?x=1", null);
		assertThat(u.language()).isEqualTo("und");
		assertThat(u.sentiment()).isEqualTo(Sentiment.NEUTRAL);
		assertThat(u.sentimentConfidence()).isLessThan(0.5);
		assertThat(u.complaint() || u.question() || u.praise()).isFalse();
	}

	@Test
	void aHundredKilobyteTextIsAnswered() {
		Understanding u = understanding.understand("Het pakket is kapot aangekomen. ".repeat(3_300), null);
		assertThat(u.language()).isEqualTo("nl");
		assertThat(u.complaint()).isTrue();
	}

	@Test
	void mixedScriptsRightToLeftAndZalgoAreAnsweredWithoutFailing() {
		String[] texts = { "Привет hello こんにちは مرحبا שלום", "مرحبا كيف حالك اليوم؟ أنا بخير", "שלום, מה שלומך?",
				"Z\u0335\u0321\u0322a\u0336\u0327l\u0337\u0328g\u0338o\u0335 i\u0336s c\u0337o\u0338m\u0335i\u0336n\u0337g",
				"\u202Egnirts desrever\u202C", "\u0000\u0001\u0007\u001B[31m" };
		for (String text : texts) {
			Understanding u = understanding.understand(text, null);
			assertThat(u.sentiment()).as(text).isNotNull();
			assertThat(u.sentimentConfidence()).as(text).isBetween(0.0, 1.0);
		}
		assertThat(understanding.understand("مرحبا كيف حالك اليوم؟ أنا بخير", null).language()).isEqualTo("und");
	}

	@Test
	void invalidSurrogatesAreIgnored() {
		Understanding u = understanding.understand("\uD83D mijn pakket \uDE00 is kwijt \uD800\uD800", "nl");
		assertThat(u.language()).isEqualTo("nl");
		assertThat(u.complaint()).isTrue();
	}
}
