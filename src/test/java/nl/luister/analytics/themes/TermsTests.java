package nl.luister.analytics.themes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTests {

	@Test
	void wordsAndNeighbouringPairsWithoutStopWordsUrlsAndHandles() {
		assertThat(Terms.of("@KoerierSnel De app crasht steeds bij het inloggen! https://t.co/x 2024"))
			.containsExactly("app", "crasht", "steeds", "inloggen", "app crasht", "crasht steeds");
	}

	@Test
	void punctuationBreaksAPhraseButCaseAndWidthDoNot() {
		assertThat(Terms.of("Pakket KWIJT. Ｐａｋｋｅｔ kwijt")).containsExactly("pakket", "kwijt", "pakket kwijt");
	}

	@Test
	void emptyHostileAndHugeTextsAreHarmless() {
		assertThat(Terms.of(null)).isEmpty();
		assertThat(Terms.of("")).isEmpty();
		assertThat(Terms.of("🙂🙂 !!! ...")).isEmpty();
		assertThat(Terms.of("<script>alert(1)</script>")).containsExactly("script", "alert");
		assertThat(Terms.of("a\uD800b z̷̢a̸l̵g̶o̷")).isNotNull();
		assertThat(Terms.of("woord ".repeat(100_000))).containsExactly("woord", "woord woord");
	}

	@Test
	void dunningsLogLikelihoodIsZeroWithoutDifferenceAndGrowsWithIt() {
		assertThat(Themes.logLikelihood(10, 90, 100, 900)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(Themes.logLikelihood(30, 70, 10, 990)).isGreaterThan(Themes.logLikelihood(15, 85, 10, 990));
	}
}
