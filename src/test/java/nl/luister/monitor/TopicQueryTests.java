package nl.luister.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicQueryTests {

	@Test
	void matchesSingleWordAnywhere() {
		assertThat(matches("pakket", "Waar is mijn pakket?")).isTrue();
		assertThat(matches("pakket", "Waar is mijn pakketje?")).isFalse();
	}

	@Test
	void matchesIgnoringCase() {
		assertThat(matches("PakKet", "waar is mijn PAKKET")).isTrue();
	}

	@Test
	void matchesIgnoringAccentsInEitherDirection() {
		assertThat(matches("café", "lekker bij het cafe")).isTrue();
		assertThat(matches("cafe", "lekker bij het CAFÉ")).isTrue();
		assertThat(matches("CAFÉ", "lekker bij het café")).isTrue();
		assertThat(matches("\"crème brûlée\"", "de creme brulee was koud")).isTrue();
	}

	@Test
	void requiresEveryWordForAnd() {
		assertThat(matches("pakket AND kwijt", "pakket kwijt")).isTrue();
		assertThat(matches("pakket AND kwijt", "pakket bezorgd")).isFalse();
	}

	@Test
	void joinsAdjacentTermsWithImplicitAnd() {
		assertThat(matches("pakket kwijt", "kwijt: mijn pakket")).isTrue();
		assertThat(matches("pakket kwijt", "mijn pakket")).isFalse();
		assertThat(TopicQuery.parse("pakket kwijt").structure())
			.isEqualTo(TopicQuery.parse("pakket AND kwijt").structure());
	}

	@Test
	void acceptsEitherWordForOr() {
		assertThat(matches("pakket OR brief", "mijn brief")).isTrue();
		assertThat(matches("pakket OR brief", "mijn pakket")).isTrue();
		assertThat(matches("pakket OR brief", "mijn doos")).isFalse();
	}

	@Test
	void excludesWordsAfterNot() {
		assertThat(matches("pakket NOT vacature", "pakket kwijt")).isTrue();
		assertThat(matches("pakket NOT vacature", "vacature pakketbezorger pakket")).isFalse();
	}

	@Test
	void excludesWordsWithMinus() {
		assertThat(matches("pakket -vacature", "pakket kwijt")).isTrue();
		assertThat(matches("pakket -vacature", "pakket vacature")).isFalse();
	}

	@Test
	void excludesPhrasesWithMinus() {
		assertThat(matches("pakket -\"niet kwijt\"", "pakket is niet kwijt")).isFalse();
		assertThat(matches("pakket -\"niet kwijt\"", "pakket kwijt, niet blij")).isTrue();
	}

	@Test
	void excludesGroupsWithNotAndMinus() {
		for (String query : new String[] { "pakket NOT (vacature OR sollicitatie)", "pakket -(vacature OR sollicitatie)" }) {
			assertThat(matches(query, "pakket kwijt")).as(query).isTrue();
			assertThat(matches(query, "pakket vacature")).as(query).isFalse();
			assertThat(matches(query, "pakket sollicitatie")).as(query).isFalse();
		}
	}

	@Test
	void cancelsDoubleNegation() {
		assertThat(matches("pakket AND NOT NOT kwijt", "pakket kwijt")).isTrue();
		assertThat(matches("pakket AND NOT NOT kwijt", "pakket")).isFalse();
	}

	@Test
	void treatsLowerCaseOperatorsAsWords() {
		assertThat(matches("cats or dogs", "cats and dogs")).isFalse();
		assertThat(matches("cats or dogs", "cats or dogs")).isTrue();
		assertThat(matches("not bad", "not bad at all")).isTrue();
		assertThat(matches("not bad", "bad")).isFalse();
	}

	@Test
	void bindsAndTighterThanOr() {
		TopicQuery query = TopicQuery.parse("a OR b AND c");
		assertThat(query.structure()).isEqualTo("(a OR (b AND c))");
		assertThat(query.matches(TokenizedText.of("a"))).isTrue();
		assertThat(query.matches(TokenizedText.of("b"))).isFalse();
		assertThat(query.matches(TokenizedText.of("b c"))).isTrue();
	}

	@Test
	void bindsNotTighterThanAndAndOr() {
		assertThat(TopicQuery.parse("NOT a b OR c").structure()).isEqualTo("((NOT a AND b) OR c)");
		assertThat(matches("NOT a b OR c", "a b")).isFalse();
		assertThat(matches("NOT a b OR c", "a c")).isTrue();
		assertThat(matches("NOT a b OR c", "b")).isTrue();
	}

	@Test
	void bindsMinusToTheNextTermOnly() {
		assertThat(TopicQuery.parse("-a b").structure()).isEqualTo("(NOT a AND b)");
	}

	@Test
	void groupsWithParentheses() {
		TopicQuery query = TopicQuery.parse("(a OR b) AND c");
		assertThat(query.structure()).isEqualTo("((a OR b) AND c)");
		assertThat(query.matches(TokenizedText.of("a"))).isFalse();
		assertThat(query.matches(TokenizedText.of("b c"))).isTrue();
	}

	@Test
	void allowsOperatorsAndParenthesesWithoutSpaces() {
		assertThat(TopicQuery.parse("(a OR b)c").structure()).isEqualTo("((a OR b) AND c)");
		assertThat(TopicQuery.parse("a\"b c\"").structure()).isEqualTo("(a AND \"b c\")");
	}

	@Test
	void matchesPhraseOnlyInOrder() {
		assertThat(matches("\"koerier snel\"", "De koerier, snel als altijd")).isTrue();
		assertThat(matches("\"koerier snel\"", "snel koerier")).isFalse();
		assertThat(matches("\"koerier snel\"", "koerier was niet snel")).isFalse();
	}

	@Test
	void treatsOperatorsInsidePhraseAsWords() {
		assertThat(matches("\"rock AND roll\"", "rock and roll")).isTrue();
		assertThat(matches("\"rock AND roll\"", "rock roll")).isFalse();
		assertThat(matches("\"geen (pakket)\"", "geen pakket")).isTrue();
	}

	@Test
	void matchesPhraseAcrossTitleAndText() {
		TopicQuery query = TopicQuery.parse("\"koerier snel\"");
		assertThat(query.matches(new MatchDocument("Over de koerier", "Snel was hij niet", null, null))).isTrue();
	}

	@Test
	void treatsPunctuatedWordAsPhrase() {
		assertThat(matches("e-mail", "stuur een e-mail")).isTrue();
		assertThat(matches("e-mail", "stuur een mail, e")).isFalse();
		assertThat(matches("@anna_v", "hoi @anna_v")).isTrue();
		assertThat(matches("#KoerierSnel", "boos op #koeriersnel")).isTrue();
	}

	@Test
	void matchesWildcardAsPrefix() {
		assertThat(matches("bezorg*", "de bezorger kwam")).isTrue();
		assertThat(matches("bezorg*", "niet bezorgd")).isTrue();
		assertThat(matches("bezorg*", "bezorg het maar")).isTrue();
		assertThat(matches("bezorg*", "de bezorging")).isTrue();
		assertThat(matches("bezorg*", "herbezorging")).isFalse();
		assertThat(matches("bé*", "BEZORGD")).isTrue();
	}

	@Test
	void matchesWildcardInsidePhrase() {
		assertThat(matches("\"pakket bezorg*\"", "pakket bezorgd")).isTrue();
		assertThat(matches("\"pakket bezorg*\"", "pakket niet bezorgd")).isFalse();
		assertThat(matches("\"bezorg* pakket\"", "bezorgd pakket")).isTrue();
	}

	@Test
	void matchesRealisticDutchTopic() {
		String query = "(KoerierSnel OR \"koerier snel\") AND (pakket* OR bezorg*) -vacature";
		assertThat(matches(query, "@KoerierSnel waar blijft mijn pakketje?? Al 3 dagen niks")).isTrue();
		assertThat(matches(query, "Koerier Snel heeft weer niet bezorgd. Top service 🙄")).isTrue();
		assertThat(matches(query, "#KoerierSnel zoekt pakketbezorgers! Bekijk de vacature")).isFalse();
		assertThat(matches(query, "KoerierSnel is zo snel")).isFalse();
		assertThat(matches(query, "snel koerier, pakket bezorgd")).isFalse();
	}

	@Test
	void matchesRealisticEnglishTopic() {
		String query = "(\"Acme Bank\" OR AcmeBank) (app OR login* OR outage) NOT (hiring OR \"job opening\")";
		assertThat(matches(query, "Is the ACME bank app down again? Can't log in")).isTrue();
		assertThat(matches(query, "@AcmeBank logins failing since 9am")).isTrue();
		assertThat(matches(query, "Acme Bank is hiring app developers")).isFalse();
		assertThat(matches(query, "AcmeBank: job opening for the app team")).isFalse();
		assertThat(matches(query, "bank of acme app")).isFalse();
	}

	@Test
	void keepsTheQueryTextAsWritten() {
		assertThat(TopicQuery.parse("  pakket  kwijt ").query()).isEqualTo("  pakket  kwijt ");
	}

	@Test
	void validatesWithoutThrowing() {
		assertThat(TopicQuery.validate("pakket kwijt")).isEmpty();
		assertThat(TopicQuery.validate("pakket AND")).hasValueSatisfying((error) -> assertThat(error.column()).isEqualTo(8));
	}

	private static boolean matches(String query, String text) {
		return TopicQuery.parse(query).matches(TokenizedText.of(text));
	}

}
