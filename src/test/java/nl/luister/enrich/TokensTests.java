package nl.luister.enrich;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	static List<String> tokens(String text) {
		Tokens t = new Tokens();
		t.tokenize(text);
		List<String> out = new ArrayList<>();
		for (int k = 0; k < t.size; k++) {
			out.add(t.text(k));
		}
		return out;
	}

	@Test
	void urlsAndMentionsBecomePlaceholdersAndWordsAreLowerCased() {
		assertThat(tokens("@KoerierSnel Mijn PAKKET https://x.nl/a?b=1 www.y.com"))
			.containsExactly("<user>", "mijn", "pakket", "<url>", "<url>");
	}

	@Test
	void elongationsAreSquashedToTwoLettersAndFlagged() {
		Tokens t = new Tokens();
		t.tokenize("suuuuper goooood");
		assertThat(t.text(0)).isEqualTo("suuper");
		assertThat(t.text(1)).isEqualTo("good");
		assertThat(t.elongated).isEqualTo(2);
	}

	@Test
	void hashtagsKeepTheirWordEmojiAndEmoticonsAreTokens() {
		assertThat(tokens("#fail :( 😡 niet-goed!!")).containsExactly("fail", ":(", "😡", "niet", "goed", "!");
	}

	@Test
	void zalgoMarksAndUnpairedSurrogatesAreSkipped() {
		assertThat(tokens("h\u0335\u0321e\u0336llo \uD800 wor\uDC00ld")).containsExactly("hello", "wor", "ld");
	}

	@Test
	void onlyTheFirstCharactersOfAHugeTextAreRead() {
		Tokens t = new Tokens();
		t.tokenize("woord ".repeat(20_000));
		assertThat(t.size).isLessThanOrEqualTo(Tokens.MAX_CHARS / 6 + 1);
	}
}
