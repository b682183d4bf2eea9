package nl.luister.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.luister.monitor.LuceneTopicMatcher.Presearching;
import nl.luister.monitor.TopicMatcher.StandingQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correctness oracle: the presearcher may only skip topics that cannot match. The same generated queries
 * of every operator and field run against the same generated mentions with Luister's presearcher, the
 * monitor's two other presearchers, and with none (every topic verified); the match sets must be identical.
 */
class PresearcherOracleTests {

	static final int QUERIES = 1_000;

	static final int DOCUMENTS = 10_000;

	static final int BATCH = 500;

	@Test
	void presearchersFindExactlyWhatVerifyingEveryTopicFinds() {
		TopicCorpus corpus = new TopicCorpus(42, 400);
		List<StandingQuery> queries = corpus.queries(QUERIES);
		List<MatchDocument> documents = corpus.documents(DOCUMENTS);

		List<Set<Long>> expected = matchAll(Presearching.NONE, queries, documents);
		long matches = expected.stream().mapToLong(Set::size).sum();
		long matchedDocuments = expected.stream().filter((s) -> !s.isEmpty()).count();
		assertThat(matches).as("the corpus produces matches").isGreaterThan(DOCUMENTS);
		assertThat(matchedDocuments).as("but not every document matches").isLessThan(DOCUMENTS);

		for (Presearching presearching : List.of(Presearching.WEIGHTED, Presearching.DEFAULT, Presearching.MULTIPASS)) {
			List<Set<Long>> actual = matchAll(presearching, queries, documents);
			for (int i = 0; i < DOCUMENTS; i++) {
				assertThat(actual.get(i)).as(presearching + " on " + documents.get(i)).isEqualTo(expected.get(i));
			}
		}
	}

	@Test
	void batchMatchingAgreesWithMatchingOneDocumentAtATime() {
		TopicCorpus corpus = new TopicCorpus(7, 100);
		List<StandingQuery> queries = corpus.queries(300);
		List<MatchDocument> documents = corpus.documents(300);
		List<Set<Long>> batched = matchAll(Presearching.WEIGHTED, queries, documents);
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			matcher.replaceAll(queries);
			for (int i = 0; i < documents.size(); i++) {
				assertThat(matcher.match(List.of(documents.get(i))).getFirst()).as(documents.get(i).toString())
					.isEqualTo(batched.get(i));
			}
		}
	}

	@Test
	void everyOperatorShapeMatchesSomething() {
		TopicCorpus corpus = new TopicCorpus(42, 400);
		List<StandingQuery> queries = corpus.queries(QUERIES);
		List<Set<Long>> results = matchAll(Presearching.WEIGHTED, queries, corpus.documents(DOCUMENTS));
		boolean[] shapeMatched = new boolean[30];
		for (Set<Long> matched : results) {
			for (long id : matched) {
				shapeMatched[(int) ((id - 1) % 30)] = true;
			}
		}
		for (int shape = 0; shape < 30; shape++) {
			assertThat(shapeMatched[shape]).as("shape " + shape + ", e.g. " + queries.get(shape).query()).isTrue();
		}
	}

	static List<Set<Long>> matchAll(Presearching presearching, List<StandingQuery> queries,
			List<MatchDocument> documents) {
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher(presearching)) {
			matcher.replaceAll(queries);
			List<Set<Long>> results = new ArrayList<>(documents.size());
			for (int from = 0; from < documents.size(); from += BATCH) {
				results.addAll(matcher.match(documents.subList(from, Math.min(documents.size(), from + BATCH))));
			}
			assertThat(matcher.errors()).isZero();
			return results;
		}
	}

}
