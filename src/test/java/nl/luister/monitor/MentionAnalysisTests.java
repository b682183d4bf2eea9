package nl.luister.monitor;

import java.util.List;

import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionAnalysisTests {

	@Test
	void aWildcardWordsGramsComeFromItsLiteralRunsRarestLookingFirst() {
		assertThat(texts(MentionAnalysis.gramTerms("author", "rab?onster11234*"))).containsExactly("r112", "er11",
				"ter1");
		assertThat(MentionAnalysis.gramTerms("author", "rab?onster11234*")).allMatch((t) -> t.field().equals("ngr.author"));
		assertThat(texts(MentionAnalysis.gramTerms("text", "ko?rier"))).containsExactly("rier");
	}

	@Test
	void aWildcardWordGetsNoGramItsPrefixTermAlreadyCovers() {
		assertThat(MentionAnalysis.gramTerms("text", "bezor*")).isEmpty();
		assertThat(MentionAnalysis.gramTerms("text", "zek*69")).isEmpty();
		assertThat(texts(MentionAnalysis.gramTerms("text", "bezorgd*"))).containsExactlyInAnyOrder("zorg", "orgd");
	}

	@Test
	void noGramSpansAWildcardOrAnEscape() {
		assertThat(texts(MentionAnalysis.gramTerms("text", "ab\\*cdefg*"))).containsExactlyInAnyOrder("cdef", "defg");
		assertThat(texts(MentionAnalysis.gramTerms("text", "ab?cd*efgh"))).containsExactly("efgh");
	}

	@Test
	void everyGramOfAWordIsIndexedSoEveryMatchingWordHoldsItsTopicsGrams() {
		List<String> grams = List.of(MentionAnalysis.grams("rabzonster11234_help"));
		assertThat(grams).contains("r112", "er11", "ter1", "_hel").doesNotContain("rabz1");
		assertThat(MentionAnalysis.grams("abc")).isEmpty();
	}

	private static List<String> texts(List<Term> terms) {
		return terms.stream().map(Term::text).toList();
	}

}
