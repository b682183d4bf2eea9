package nl.luister.noise;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyndicatedCopiesTests {

	static final String HEADLINE = "Pakketbezorger KoerierSnel kampt met grote vertragingen";

	static final String ARTICLE = "Klanten van pakketbezorger KoerierSnel moeten deze week langer wachten op hun bestellingen. "
			+ "Door een storing in het sorteercentrum in Nieuwegein liggen tienduizenden pakketten stil, meldt het bedrijf. "
			+ "Volgens een woordvoerder is de storing inmiddels verholpen, maar het inhalen van de achterstand duurt nog "
			+ "zeker tot het weekend. Klanten die vragen hebben kunnen terecht bij de klantenservice, die extra medewerkers inzet. "
			+ "Consumentenorganisaties roepen webwinkels op om klanten zelf actief te informeren over de vertraging.";

	static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

	private static DuplicateIndex indexWith(String title, String text) {
		DuplicateIndex index = new DuplicateIndex(5, 6, Duration.ofHours(48));
		index.add(new DuplicateIndex.Group(1, TextFingerprint.of(title, text), T, T, null, true));
		return index;
	}

	private static boolean joins(DuplicateIndex index, String title, String text) {
		return index.find(TextFingerprint.of(title, text), T.plusSeconds(600)) != null;
	}

	private static String firstWords(String text, int n) {
		return String.join(" ", java.util.Arrays.copyOf(text.split(" "), n));
	}

	@Test
	void copiesWithOtherSourceLinesTailsAndAddressesAreGrouped() {
		DuplicateIndex index = indexWith(HEADLINE, ARTICLE + " Lees verder op nu.nl https://www.nu.nl/economie/123456/koeriersnel.html");
		assertThat(joins(index, HEADLINE, ARTICLE + "\nBron: RTL Nieuws https://rtl.example/a/98765")).isTrue();
		assertThat(joins(index, HEADLINE, ARTICLE + " (ANP)")).isTrue();
		assertThat(joins(index, HEADLINE, ARTICLE + " Read more » Copyright 2026 De Telegraaf")).isTrue();
		assertThat(joins(index, HEADLINE, ARTICLE + " — NOS")).isTrue();
	}

	@Test
	void copiesCutOffAtAnotherLengthWithTheirOwnHeadlineAreGrouped() {
		DuplicateIndex index = indexWith(HEADLINE, ARTICLE);
		assertThat(joins(index, "Storing legt KoerierSnel plat", firstWords(ARTICLE, 25) + "… Lees verder")).isTrue();
		assertThat(joins(index, "Tienduizenden pakketten liggen stil", "UTRECHT (ANP) - " + firstWords(ARTICLE, 40) + " [...]")).isTrue();
		// and the other way round: the first copy is the teaser, the full article comes later
		DuplicateIndex teaserFirst = indexWith("Storing legt KoerierSnel plat", firstWords(ARTICLE, 30) + "… Read more");
		assertThat(joins(teaserFirst, HEADLINE, ARTICLE + " https://news.example/a/1")).isTrue();
	}

	@Test
	void upperCaseAndNfdCopiesAreGrouped() {
		DuplicateIndex index = indexWith(null, "Één ster voor KoerierSnel: ná drie dagen nog geen pakket ontvangen in het café en niemand reageert op mijn berichten");
		String text = "Één ster voor KoerierSnel: ná drie dagen nog geen pakket ontvangen in het café en niemand reageert op mijn berichten";
		assertThat(joins(index, null, Normalizer.normalize(text, Normalizer.Form.NFD))).isTrue();
		assertThat(joins(index, null, text.toUpperCase(Locale.ROOT))).isTrue();
		assertThat(joins(index, null, text.replace("berichten", "mails") + " #boycot")).isTrue();
	}

	@Test
	void differentArticlesWithTheSameFooterTailAndSourceLineStayApart() {
		String footer = " Lees verder\nVolg ons ook op Facebook en Instagram voor het laatste nieuws uit de regio en daarbuiten.\nBron: RTL Nieuws";
		DuplicateIndex index = indexWith(HEADLINE, firstWords(ARTICLE, 30) + footer);
		assertThat(joins(index, "Nieuwe depots in het oosten", "KoerierSnel opent volgend jaar drie nieuwe depots in Overijssel en Gelderland, "
				+ "waar in totaal tweehonderd mensen komen te werken." + footer)).isFalse();
	}

	@Test
	void differentArticlesQuotingTheSameStatementStayApart() {
		String quote = "\"We betreuren de overlast voor onze klanten en doen er alles aan om de achterstand snel in te halen\", aldus een woordvoerder.";
		DuplicateIndex index = indexWith(HEADLINE, "Door een storing in het sorteercentrum liggen tienduizenden pakketten stil. " + quote
				+ " De storing zou dinsdag zijn ontstaan.");
		assertThat(joins(index, "Webwinkels boos op bezorger", "Webwinkels eisen een schadevergoeding van KoerierSnel na de vertragingen van deze week. "
				+ quote + " Brancheorganisatie Thuiswinkel onderzoekt of er meer klachten zijn binnengekomen bij leden.")).isFalse();
	}

	@Test
	void aLongTemplateWithAnotherOrderNumberStaysApartEvenWhenCut() {
		String template = "Beste Anna, goed nieuws: je bestelling %d is vandaag ingepakt en verzonden. We verwachten hem morgen tussen 9:00 en "
				+ "17:00 te bezorgen. Ben je niet thuis, dan proberen we het de volgende werkdag opnieuw of leggen we hem bij de buren.";
		DuplicateIndex index = indexWith(null, template.formatted(482913));
		assertThat(joins(index, null, template.formatted(771205))).isFalse();
		assertThat(joins(index, null, firstWords(template.formatted(771205), 20))).isFalse();
		assertThat(joins(index, null, template.formatted(482913))).isTrue();
	}

	@Test
	void textsThatShareOnlyCommonWordsStayApartThoughTheirSimHashesAreClose() {
		ShingleSketch a = TextFingerprint.of("Parcel parcel address signature parcel question address parcel slow parcel parcel").sketch();
		ShingleSketch b = TextFingerprint.of("Phone parcel days parcel why parcel parcel my courier tomorrow parcel courier parcel").sketch();
		assertThat(DuplicateIndex.setsAgree(a, b)).isFalse();
		assertThat(DuplicateIndex.sketchMatch(a, b)).isZero();
	}

	@Test
	void tailsAndSourceLinesAreStrippedButAMessageKeepsItsWords() {
		assertThat(TextFingerprint.words("Pakket kwijt bij de buren. Lees verder » Bron: NOS https://nos.nl/x"))
			.containsExactly("pakket", "kwijt", "bij", "de", "buren");
		assertThat(TextFingerprint.words("UTRECHT (ANP) - Pakket kwijt bij de buren (ANP)")).containsExactly("pakket", "kwijt", "bij", "de", "buren");
		assertThat(TextFingerprint.words("lees verder")).containsExactly("lees", "verder");
	}

	@Test
	void theSketchComparesShortTextsExactlyAndEstimatesLongOnes() {
		ShingleSketch full = TextFingerprint.of(ARTICLE).sketch();
		ShingleSketch cut = TextFingerprint.of(firstWords(ARTICLE, 30)).sketch();
		ShingleSketch.Similarity s = cut.similarity(full);
		assertThat(s.containment()).isEqualTo(1.0);
		assertThat(s.jaccard()).isBetween(0.3, 0.6);
		assertThat(full.similarity(full).jaccard()).isEqualTo(1.0);
		assertThat(TextFingerprint.of("te kort om te schetsen").sketch().present()).isFalse();
	}
}
