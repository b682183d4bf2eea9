package nl.luister.monitor;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryExplanationTests {

	static MatchDocument doc(String text, String url) {
		return new MatchDocument(null, text, "anna_v", "forum", url, null, null, null);
	}

	static List<String> hits(QueryExplanation e) {
		return e.segments().stream().filter(QueryExplanation.Segment::hit).map(QueryExplanation.Segment::text).toList();
	}

	@Test
	void listsTheMatchingClausesAndHighlightsTheirWords() {
		QueryExplanation e = QueryExplanation.explain("(pakket NEAR/3 kwijt) AND site:tweakers.net AND NOT vacature", Stemming.NONE,
				doc("Mijn Pakket is alweer kwijt, echt waar", "https://gathering.tweakers.net/forum/1"));
		assertThat(e.matched()).isTrue();
		assertThat(e.clauses()).containsExactly("(pakket NEAR/3 kwijt)", "site:tweakers.net");
		assertThat(hits(e)).containsExactly("Pakket", "kwijt");
		assertThat(String.join("", e.segments().stream().map(QueryExplanation.Segment::text).toList())).isEqualTo("Mijn Pakket is alweer kwijt, echt waar");
	}

	@Test
	void hostileHtmlStaysPlainTextInTheSegments() {
		String text = "<script>alert('x')</script> pakket <img src=x onerror=alert(1)> kwijt";
		QueryExplanation e = QueryExplanation.explain("pakket AND kwijt", Stemming.NONE, doc(text, null));
		assertThat(hits(e)).containsExactly("pakket", "kwijt");
		assertThat(String.join("", e.segments().stream().map(QueryExplanation.Segment::text).toList())).isEqualTo(text);
	}

	@Test
	void nfdTextHighlightsTheWholeWord() {
		String text = Normalizer.normalize("Het café was dicht", Normalizer.Form.NFD);
		QueryExplanation e = QueryExplanation.explain("cafe", Stemming.NONE, doc(text, null));
		assertThat(hits(e)).containsExactly(Normalizer.normalize("café", Normalizer.Form.NFD));
	}

	@Test
	void stemmedWordsAndPhrasesAreHighlighted() {
		QueryExplanation e = QueryExplanation.explain("\"pakket kwijt\" OR bezorging", Stemming.DUTCH,
				doc("Twee bezorgingen en mijn pakket kwijt", null));
		assertThat(hits(e)).containsExactly("bezorgingen", "pakket", "kwijt");
	}

	@Test
	void emptyAndHugeTextsAreExplainedWithoutMatching() {
		assertThat(QueryExplanation.explain("pakket", Stemming.NONE, doc("", null)).matched()).isFalse();
		QueryExplanation huge = QueryExplanation.explain("pakket", Stemming.NONE, doc("woord ".repeat(100_000) + "pakket", null));
		assertThat(huge.matched()).isFalse();
		assertThat(huge.segments()).allMatch(s -> !s.hit());
	}
}
