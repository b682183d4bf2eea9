package nl.luister.noise;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFingerprintTests {

	static final String TWEET = "Mijn pakket is al drie dagen onderweg en de klantenservice van KoerierSnel reageert niet";

	@Test
	void retweetOfATextIsTheSameText() {
		assertThat(TextFingerprint.of("RT @anna_v: " + TWEET + " https://t.co/abc")).isEqualTo(TextFingerprint.of(TWEET));
	}

	@Test
	void nfcAndNfdSpellingsGiveOneFingerprint() {
		String text = "Één ster voor het café, ná drie dagen nog geen pakket ontvangen";
		assertThat(TextFingerprint.of(Normalizer.normalize(text, Normalizer.Form.NFD)))
			.isEqualTo(TextFingerprint.of(Normalizer.normalize(text, Normalizer.Form.NFC)));
	}

	@Test
	void aSmallEditStaysNearlyEqual() {
		TextFingerprint a = TextFingerprint.of(TWEET + " #boycot");
		TextFingerprint b = TextFingerprint.of(TWEET.toUpperCase());
		assertThat(a.nearlyEquals(b, 5, 6)).isTrue();
	}

	@Test
	void sameTemplateWithAnotherOrderNumberIsNotADuplicate() {
		TextFingerprint a = TextFingerprint.of("Uw bestelling 123456 is verzonden en wordt morgen tussen 9 en 17 uur bezorgd");
		TextFingerprint b = TextFingerprint.of("Uw bestelling 654321 is verzonden en wordt morgen tussen 9 en 17 uur bezorgd");
		assertThat(a.nearlyEquals(b, 5, 6)).isFalse();
	}

	@Test
	void shortTextsAreNeverGrouped() {
		TextFingerprint a = TextFingerprint.of("waar is mijn pakket?");
		assertThat(a.nearlyEquals(TextFingerprint.of("waar is mijn pakket?"), 5, 6)).isFalse();
	}

	@Test
	void emptyAndHugeTextsHaveAFingerprint() {
		assertThat(TextFingerprint.of(null).words()).isZero();
		assertThat(TextFingerprint.of("").words()).isZero();
		TextFingerprint huge = TextFingerprint.of("pakket kwijt ".repeat(500_000));
		assertThat(huge.words()).isEqualTo(TextFingerprint.MAX_CHARS / "pakket kwijt ".length() * 2 + 1);
	}

	@Test
	void corpusPrecisionAndRecallStayAtTheMeasuredLevel() {
		var result = NearDuplicateEvaluation.evaluate(NearDuplicateCorpus.generate(7, 60), 5, 6);
		assertThat(result.mentionPrecision()).isGreaterThanOrEqualTo(0.998);
		assertThat(result.mentionRecall()).isGreaterThanOrEqualTo(0.95);
		int[] syndicated = result.byKind().get("syndicated");
		assertThat((double) syndicated[3] / syndicated[1]).isGreaterThanOrEqualTo(0.9);
		for (String negative : new String[] { "order-template", "long-template", "short", "same-outlet", "shared-quote" }) {
			assertThat(result.byKind().get(negative)[2]).as(negative).isZero();
		}
	}
}
