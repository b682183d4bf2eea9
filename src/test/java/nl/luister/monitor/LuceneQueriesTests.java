package nl.luister.monitor;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LuceneQueriesTests {

	@Test
	void theVerificationQueryKeepsNoTermThatOnlyServesThePresearcher() {
		Query lucene = TopicQuery.parse("\"pakket kwijt\" OR (bezorg* NEAR/3 pakketten) OR author:rab?onster11234*")
			.lucene();
		assertThat(LuceneQueries.fields(lucene)).contains("pairs.text", "pfx.text", "ngr.author");
		assertThat(LuceneQueries.fields(LuceneQueries.withoutSelectionTerms(lucene))).containsExactlyInAnyOrder("text",
				"author");
	}

	@Test
	void selectionTermsAreLeftOutInsideWrappersToo() {
		Query wildcard = new WildcardQuery(new Term("text", "ko?rier"));
		Query withFilters = new BooleanQuery.Builder().add(wildcard, Occur.MUST)
			.add(new TermQuery(new Term("sfx.text", "3ier")), Occur.FILTER)
			.add(new TermQuery(new Term("ngr.text", "rier")), Occur.FILTER)
			.build();
		Query wrapped = new BoostQuery(new ConstantScoreQuery(withFilters), 2f);
		assertThat(LuceneQueries.withoutSelectionTerms(wrapped))
			.isEqualTo(new BoostQuery(new ConstantScoreQuery(wildcard), 2f));
		// a filter on a field that is not a selection field stays
		Query channel = new BooleanQuery.Builder().add(wildcard, Occur.MUST)
			.add(new TermQuery(new Term("channel", "twitter")), Occur.FILTER)
			.build();
		assertThat(LuceneQueries.withoutSelectionTerms(channel)).isEqualTo(channel);
	}

}
