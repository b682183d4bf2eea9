package nl.luister.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTests {

	static LanguageIdentifier identifier;

	@BeforeAll
	static void load() {
		identifier = new LanguageIdentifier(List.of("nl", "en", "de", "fr", "es"), 0.02, true);
	}

	@Test
	void tellsDutchFromEnglishInCustomerMessages() {
		assertThat(identifier.identify("mijn pakket is nog steeds niet bezorgd").language()).isEqualTo("nl");
		assertThat(identifier.identify("my parcel still has not been delivered").language()).isEqualTo("en");
		assertThat(identifier.identify("Warum ist meine Rechnung so hoch?").language()).isEqualTo("de");
	}

	@Test
	void tooShortOrSymbolOnlyTextIsUndetermined() {
		for (String text : new String[] { "", "ok", "😀😀😀", "https://example.org/abc", "12345 !!!", null }) {
			assertThat(identifier.identify(text).language()).as(String.valueOf(text)).isEqualTo("und");
		}
	}

	@Test
	void scriptsOutsideTheConfiguredLanguagesAreUndetermined() {
		assertThat(identifier.identify("مرحبا كيف حالك اليوم").language()).isEqualTo("und");
	}

	@Test
	void aHintBreaksACloseCallButDoesNotOverruleAClearOne() {
		LanguageIdentifier.Result plain = identifier.identify("hotel", null);
		LanguageIdentifier.Result hinted = identifier.identify("hotel", "nl");
		assertThat(hinted.language()).isIn("nl", plain.language());
		assertThat(identifier.identify("the parcel has not been delivered yet", "nl").language()).isEqualTo("en");
	}

	@Test
	void identifiesAtLeast98PercentOfTheLinguaTestSentences() throws IOException {
		var dir = TestData.folder("langid-lingua-testdata").resolve("sentences");
		int right = 0, total = 0;
		for (String language : identifier.languages()) {
			List<String> lines = Files.readAllLines(dir.resolve(language + ".txt")).subList(0, 200);
			for (String line : lines) {
				total++;
				if (identifier.identify(line).language().equals(language)) {
					right++;
				}
			}
		}
		assertThat((double) right / total).isGreaterThanOrEqualTo(0.98);
	}

	@Test
	void textMostlyInAnotherScriptIsLeftToLinguaEvenWithAnEnglishWord() {
		Tokens t = new Tokens();
		t.tokenize("Привет как дела сегодня hello");
		assertThat(identifier.fastPath(t)).isNull();
	}

	@Test
	void theFastPathAnswersShortTextsAsPlainLinguaDoes() throws IOException {
		LanguageIdentifier lingua = new LanguageIdentifier(identifier.languages(), 0.02, false);
		var dir = TestData.folder("langid-lingua-testdata").resolve("word-pairs");
		Tokens t = new Tokens();
		int settled = 0, agreed = 0;
		for (String language : identifier.languages()) {
			for (String line : Files.readAllLines(dir.resolve(language + ".txt")).subList(0, 100)) {
				t.tokenize(line);
				LanguageIdentifier.Result fast = identifier.fastPath(t);
				if (fast != null) {
					settled++;
					if (fast.language().equals(lingua.identify(line).language())) {
						agreed++;
					}
				}
			}
		}
		assertThat(settled).isGreaterThan(400);
		assertThat((double) agreed / settled).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void languagesWithoutAStopWordListStillGetTheNgramFastPath() {
		LanguageIdentifier withItalian = new LanguageIdentifier(List.of("nl", "it"), 0.02, true);
		Tokens t = new Tokens();
		t.tokenize("il pacco non è ancora arrivato");
		assertThat(withItalian.fastPath(t)).isNotNull();
		assertThat(withItalian.identify("il pacco non è ancora arrivato").language()).isEqualTo("it");
	}
}
