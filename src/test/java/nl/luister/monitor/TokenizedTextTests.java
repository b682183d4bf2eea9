package nl.luister.monitor;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizedTextTests {

	@Test
	void lowerCasesAndSplitsOnPunctuation() {
		assertThat(TokenizedText.of("Mijn PAKKET is kwijt!! #KoerierSnel @anna_v").tokens())
			.containsExactly("mijn", "pakket", "is", "kwijt", "koeriersnel", "anna", "v");
	}

	@Test
	void stripsAccentsFromPrecomposedAndDecomposedLetters() {
		assertThat(TokenizedText.of("Café CAFÉ cafe\u0301 naïef Ærø").tokens())
			.containsExactly("cafe", "cafe", "cafe", "naief", "ærø");
	}

	@Test
	void keepsDigitsAndNonLatinLetters() {
		assertThat(TokenizedText.of("order 12345, ΟΔΟΣ οδος 東京").tokens())
			.containsExactly("order", "12345", "οδοσ", "οδοσ", "東京");
	}

	@Test
	void keepsLettersOutsideTheBasicPlane() {
		assertThat(TokenizedText.of("𝒜bc 𠀀x").tokens()).containsExactly("𝒜bc", "𠀀x");
	}

	@Test
	void treatsNullAndPunctuationOnlyTextAsEmpty() {
		assertThat(TokenizedText.of((String) null).tokens()).isEmpty();
		assertThat(TokenizedText.of(" ... !!! 🙂 ").tokens()).isEmpty();
	}

	@Test
	void readsTitleBeforeTextAndToleratesNullFields() {
		assertThat(TokenizedText.of(new MatchDocument("Pakket weg", "Echt waar", null, null)).tokens())
			.containsExactly("pakket", "weg", "echt", "waar");
		assertThat(TokenizedText.of(new MatchDocument(null, null, null, null)).tokens()).isEmpty();
	}

	@Test
	void findsExactWordsAndPrefixes() {
		TokenizedText text = TokenizedText.of("de bezorger kwam niet");
		assertThat(text.contains("bezorger")).isTrue();
		assertThat(text.contains("bezorg")).isFalse();
		assertThat(text.containsPrefix("bezorg")).isTrue();
		assertThat(text.containsPrefix("bezorger")).isTrue();
		assertThat(text.containsPrefix("bezorgers")).isFalse();
		assertThat(text.containsPrefix("zz")).isFalse();
	}

}
