package nl.luister.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import nl.luister.monitor.TopicMatcher.StandingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Queries and mentions written to hurt: each gets a clear error or a correct match, and nothing hangs (the
 * timeout guards against a stall; it is not a performance assertion).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileQueryTests {

	@Test
	void refusesTenThousandTermOrList() {
		StringBuilder query = new StringBuilder("w0");
		for (int i = 1; i < 10_000; i++) {
			query.append(" OR w").append(i);
		}
		assertThat(error(query.toString()).getMessage()).contains("the limit is 4000");

		StringBuilder shortWords = new StringBuilder("a");
		for (int i = 1; i < 1_000; i++) {
			shortWords.append(" a");
		}
		assertThat(error(shortWords.toString()).getMessage()).startsWith("too many terms: a query may have at most 200");
	}

	@Test
	void refusesThousandDeepNesting() {
		String query = "(".repeat(1_000) + "pakket" + ")".repeat(1_000);
		QuerySyntaxError error = error(query);
		assertThat(error.getMessage()).startsWith("parentheses nested too deeply at column 21");
		assertThat(error.column()).isEqualTo(21);
	}

	@Test
	void refusesLoneWildcards() {
		assertThat(error("*").getMessage()).startsWith("leading wildcard not allowed");
		assertThat(error("?").getMessage()).contains("has no letters or digits");
		assertThat(error("#*").getMessage()).startsWith("leading wildcard not allowed");
		assertThat(error("author:*").getMessage()).startsWith("leading wildcard not allowed");
		assertThat(error("url:*").getMessage()).startsWith("leading wildcard not allowed");
	}

	@Test
	void refusesUnbalancedQuotes() {
		assertThat(error("\"pakket kwijt").getMessage()).isEqualTo("close the quote opened at column 1");
		assertThat(error("\"a\" \"b").column()).isEqualTo(5);
		assertThat(error("title:\"pakket").column()).isEqualTo(7);
	}

	@Test
	void refusesManyWildcardWords() {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			query.append("wo").append((char) ('a' + i)).append("* ");
		}
		assertThat(error(query.toString()).getMessage()).startsWith("too many wildcard words");
	}

	@Test
	void matchesComposedAndDecomposedTextAlike() {
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			matcher.replaceAll(List.of(new StandingQuery(1, "crème"), new StandingQuery(2, "raw:\"Crème Brûlée\""),
					new StandingQuery(3, "cre\u0300me NEAR/1 bru\u0302lee")));
			String nfc = "De Crème Brûlée was koud";
			String nfd = "De Cre\u0300me Bru\u0302le\u0301e was koud".replace("e\u0301e", "ée");
			List<Set<Long>> results = matcher.match(List.of(text(nfc), text(nfd)));
			assertThat(results.get(0)).containsExactlyInAnyOrder(1L, 2L, 3L);
			assertThat(results.get(1)).containsExactlyInAnyOrder(1L, 2L, 3L);
		}
	}

	@Test
	void retriesProximityWildcardPerMentionWhenABatchExpandsTooFar() {
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			matcher.replaceAll(List.of(new StandingQuery(1, "\"pakket ab*\""), new StandingQuery(2, "pakket NEAR/2 ab?c*")));
			List<MatchDocument> batch = new ArrayList<>();
			for (int d = 0; d < 3; d++) {
				StringBuilder many = new StringBuilder("pakket abxc" + d);
				for (int i = 0; i < 500; i++) {
					many.append(" abxc").append(d).append('_').append(i);
				}
				batch.add(text(many.toString()));
			}
			batch.add(text("pakket abel"));
			batch.add(text("pakket niks"));
			List<Set<Long>> results = matcher.match(batch);
			for (int d = 0; d < 3; d++) {
				assertThat(results.get(d)).containsExactlyInAnyOrder(1L, 2L);
			}
			assertThat(results.get(3)).containsExactly(1L);
			assertThat(results.get(4)).isEmpty();
			assertThat(matcher.errors()).isZero();
		}
	}

	@Test
	void skipsAndCountsAProximityWildcardThatExpandsPastTheLimitInOneMention() {
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			matcher.replaceAll(List.of(new StandingQuery(1, "\"pakket ab*\""), new StandingQuery(2, "pakket")));
			StringBuilder flood = new StringBuilder("pakket abxc");
			for (int i = 0; i < 2_000; i++) {
				flood.append(" abxc").append(i);
			}
			List<Set<Long>> results = matcher.match(List.of(text(flood.toString()), text("pakket abel")));
			assertThat(results.get(0)).containsExactly(2L);
			assertThat(results.get(1)).containsExactlyInAnyOrder(1L, 2L);
			assertThat(matcher.errors()).isEqualTo(1);
		}
	}

	@Test
	void matchesHugeMentionWithoutStalling() {
		try (LuceneTopicMatcher matcher = new LuceneTopicMatcher()) {
			matcher.replaceAll(List.of(new StandingQuery(1, "pakket NEAR/3 kwijt"), new StandingQuery(2, "pa*et")));
			String huge = "bla ".repeat(250_000) + "pakket is kwijt";
			assertThat(matcher.match(List.of(text(huge))).getFirst()).containsExactlyInAnyOrder(1L, 2L);
		}
	}

	private static MatchDocument text(String text) {
		return new MatchDocument(null, text, null, null);
	}

	private static QuerySyntaxError error(String query) {
		QuerySyntaxError error = catchThrowableOfType(QuerySyntaxError.class, () -> TopicQuery.parse(query));
		assertThat(error).as(query).isNotNull();
		return error;
	}

}
