package nl.luister.monitor;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import nl.luister.monitor.TopicMatcher.StandingQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LuceneTopicMatcherTests {

	private final LuceneTopicMatcher matcher = new LuceneTopicMatcher();

	@Test
	void matchesNothingWithoutTopics() {
		assertThat(this.matcher.match(List.of(doc("pakket")))).containsExactly(Set.of());
	}

	@Test
	void returnsResultsInDocumentOrderWithEmptySetsForMisses() {
		this.matcher.replaceAll(List.of(new StandingQuery(1, "pakket"), new StandingQuery(2, "brief OR pakket"),
				new StandingQuery(3, "vacature")));
		List<Set<Long>> results = this.matcher
			.match(List.of(doc("mijn pakket"), doc("niets hier"), doc("een brief"), doc("pakket vacature")));
		assertThat(results).containsExactly(Set.of(1L, 2L), Set.of(), Set.of(2L), Set.of(1L, 2L, 3L));
	}

	@Test
	void returnsEmptyListForEmptyBatch() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		assertThat(this.matcher.match(List.of())).isEmpty();
	}

	@Test
	void matchesTitleAsWellAsText() {
		this.matcher.put(new StandingQuery(1, "pakket kwijt"));
		assertThat(this.matcher.match(List.of(new MatchDocument("Pakket", "nog steeds kwijt", "@anna", "x"))))
			.containsExactly(Set.of(1L));
	}

	@Test
	void wildcardTopicsAddedAfterPlainOnesMatchFromTheNextBatch() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		assertThat(this.matcher.match(List.of(doc("pakket bezorgd")))).containsExactly(Set.of(1L));
		this.matcher.put(new StandingQuery(2, "bezorg* -sollicit*"));
		this.matcher.put(new StandingQuery(3, "pakket NEAR/2 bez?rgd"));
		assertThat(this.matcher.match(List.of(doc("pakket bezorgd"), doc("bezorgers solliciteren"))))
			.containsExactly(Set.of(1L, 2L, 3L), Set.of());
	}

	@Test
	void aWildcardWithAShortLiteralStartIsSelectedByLettersFromItsMiddle() {
		this.matcher.replaceAll(List.of(new StandingQuery(1, "author:rab?onster11234*"),
				new StandingQuery(2, "pa?vita12345 AND sale"), new StandingQuery(3, "ko?rier")));
		MatchDocument fan = new MatchDocument(null, "sale bij pakvita99", "rabbit_fan", null);
		MatchDocument brand = new MatchDocument(null, "Sale: PaKVita12345 nu", "RabZonster11234_help", null);
		MatchDocument courier = doc("de koerier kwam niet");
		// the letters before the first ? (rab, pa) are shared by many words; the grams of the middle are not
		assertThat(this.matcher.candidates(fan)).isEmpty();
		assertThat(this.matcher.candidates(brand)).containsExactlyInAnyOrder(1L, 2L);
		assertThat(this.matcher.match(List.of(fan, brand, courier))).containsExactly(Set.of(), Set.of(1L, 2L),
				Set.of(3L));
	}

	@Test
	void topicsLuceneVerifiesReadEveryFieldTheyNameFromTheMentionsOwnIndex() {
		List<StandingQuery> topics = List.of(new StandingQuery(1, "(pakket NEAR/2 kwijt) followers:>100"),
				new StandingQuery(2, "\"pakket kwijt\"~2 channel:twitter"),
				new StandingQuery(3, "title:\"pakket kwijt\"~1"),
				new StandingQuery(4, "bezorg* NEAR/3 pakketten", Stemming.DUTCH),
				new StandingQuery(5, "(pakket NEAR/2 kwijt) OR author:anna*"),
				new StandingQuery(6, "(pakket ONEAR/2 kwijt) site:example.nl"),
				new StandingQuery(7, "\"ko?rier pakket*\" -lang:en"),
				new StandingQuery(8, "\"pakket kwijt\" OR (bezorgde NEAR/3 pakketten)"));
		this.matcher.replaceAll(topics);
		List<MatchDocument> mentions = List.of(
				new MatchDocument("Pakket kwijt", "echt waar", "@bob", "twitter", "https://www.example.nl/a", null, "nl",
						500),
				new MatchDocument(null, "kwijt is mijn pakket", "@anna_b", "mastodon", null, null, "nl", 50),
				new MatchDocument(null, "het pakket is weer kwijt", "@carl", "twitter", "https://example.nl/b", null,
						null, null),
				new MatchDocument("Bezorgers", "bezorgde de pakketten niet", "@dirk", "twitter", null, null, "nl", 10),
				new MatchDocument(null, "de koerier pakketjes vergeten", "@eva", "forum", null, null, "en", 20),
				new MatchDocument(null, "de koerier pakketjes vergeten", "@eva", "forum", null, null, "nl", 20),
				new MatchDocument("Pakket", "en toen was het kwijt", "@frank", "twitter", null, null, "nl", 5000));
		List<Set<Long>> matched = this.matcher.match(mentions);
		for (int i = 0; i < mentions.size(); i++) {
			Set<Long> expected = new HashSet<>();
			for (StandingQuery topic : topics) {
				if (TopicQuery.parse(topic.query(), topic.stemming()).matchesWithLucene(mentions.get(i))) {
					expected.add(topic.topicId());
				}
			}
			assertThat(matched.get(i)).as("mention %d", i).isEqualTo(expected);
			assertThat(this.matcher.match(List.of(mentions.get(i)))).as("mention %d alone", i).containsExactly(expected);
		}
		// and the mentions do tell the topics apart (each field decides somewhere)
		assertThat(matched).containsExactly(Set.of(1L, 2L, 3L, 5L, 6L, 8L), Set.of(5L), Set.of(2L, 5L, 6L),
				Set.of(4L, 8L), Set.of(), Set.of(7L), Set.of());
	}

	@Test
	void keepsNoMentionOfABatchOnceItIsMatched() {
		// direct verification, Lucene behind a condition (with and without a part it leaves out), both indexes
		this.matcher.replaceAll(List.of(new StandingQuery(1, "pakket"), new StandingQuery(2, "pakket NEAR/2 kwijt"),
				new StandingQuery(3, "kwijt -(doos NEAR/2 kwijt)")));
		this.matcher.put(new StandingQuery(4, "pak* OR kwijt"));
		List<WeakReference<MatchDocument>> mentions = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			MatchDocument mention = doc("mijn pakket is kwijt " + round);
			mentions.add(new WeakReference<>(mention));
			assertThat(this.matcher.match(List.of(mention, doc("de doos is kwijt"))).get(0)).contains(1L, 2L, 3L, 4L);
		}
		for (int attempt = 0; attempt < 20 && mentions.stream().anyMatch((ref) -> ref.get() != null); attempt++) {
			System.gc();
		}
		assertThat(mentions).as("a matched batch is not held on to").allMatch((ref) -> ref.get() == null);
	}

	@Test
	void replacesQueryOnPut() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		this.matcher.put(new StandingQuery(1, "brief"));
		assertThat(this.matcher.match(List.of(doc("pakket"), doc("brief")))).containsExactly(Set.of(), Set.of(1L));
		assertThat(this.matcher.topics()).containsOnlyKeys(1L);
	}

	@Test
	void keepsOldQueryWhenPutIsInvalid() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		assertThatExceptionOfType(QuerySyntaxError.class)
			.isThrownBy(() -> this.matcher.put(new StandingQuery(1, "pakket AND")))
			.withMessageContaining("topic 1")
			.withMessageContaining("AND at column 8 needs a term on both sides")
			.satisfies((error) -> assertThat(error.column()).isEqualTo(8));
		assertThat(this.matcher.match(List.of(doc("pakket")))).containsExactly(Set.of(1L));
	}

	@Test
	void removesTopicAndIgnoresUnknownIds() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		this.matcher.put(new StandingQuery(2, "pakket"));
		this.matcher.remove(1);
		this.matcher.remove(99);
		assertThat(this.matcher.match(List.of(doc("pakket")))).containsExactly(Set.of(2L));
	}

	@Test
	void replaceAllSwapsEveryTopic() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		this.matcher.replaceAll(List.of(new StandingQuery(2, "brief"), new StandingQuery(3, "pakket")));
		assertThat(this.matcher.match(List.of(doc("pakket brief")))).containsExactly(Set.of(2L, 3L));
		assertThat(this.matcher.topics()).containsOnlyKeys(2L, 3L);
	}

	@Test
	void keepsEveryTopicWhenReplaceAllHasAnInvalidQuery() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		assertThatExceptionOfType(QuerySyntaxError.class)
			.isThrownBy(() -> this.matcher
				.replaceAll(List.of(new StandingQuery(2, "brief"), new StandingQuery(3, "\"open"))))
			.withMessageContaining("topic 3");
		assertThat(this.matcher.topics()).containsOnlyKeys(1L);
	}

	@Test
	void returnsUnmodifiableResults() {
		this.matcher.put(new StandingQuery(1, "pakket"));
		List<Set<Long>> results = this.matcher.match(List.of(doc("pakket"), doc("niets")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> results.get(0).add(2L));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> results.get(1).add(2L));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> results.add(Set.of()));
	}

	@Test
	void aChangeIsVisibleAtOnceFromTheFreshIndexAndStaysSoAfterTheMerge() {
		this.matcher.replaceAll(List.of(new StandingQuery(1, "pakket"), new StandingQuery(2, "brief"), new StandingQuery(3, "doos")));
		List<MatchDocument> docs = List.of(doc("pakket"), doc("brief"), doc("doos"), doc("envelop"));

		this.matcher.put(new StandingQuery(1, "envelop"));
		this.matcher.remove(2);
		this.matcher.put(new StandingQuery(4, "pakket OR doos"));
		assertThat(this.matcher.freshTopics()).isEqualTo(2);
		List<Set<Long>> before = this.matcher.match(docs);
		assertThat(before).containsExactly(Set.of(4L), Set.of(), Set.of(3L, 4L), Set.of(1L));

		this.matcher.flush();
		assertThat(this.matcher.freshTopics()).isZero();
		assertThat(this.matcher.match(docs)).isEqualTo(before);

		// changed again after the merge: the main index's version is hidden again
		this.matcher.put(new StandingQuery(1, "pakket"));
		this.matcher.remove(4);
		assertThat(this.matcher.match(docs)).containsExactly(Set.of(1L), Set.of(), Set.of(3L), Set.of());
		this.matcher.flush();
		assertThat(this.matcher.match(docs)).containsExactly(Set.of(1L), Set.of(), Set.of(3L), Set.of());
		assertThat(this.matcher.topics()).containsOnlyKeys(1L, 3L);
	}

	@Test
	void seesEitherOldOrNewTopicsWhileTheyChange() throws Exception {
		// Topic 1 flips between two queries that match different documents, disappears and comes back;
		// topic 2 never changes. A batch must reflect exactly one of those states.
		StandingQuery apple = new StandingQuery(1, "apple");
		StandingQuery banana = new StandingQuery(1, "banana");
		StandingQuery fruit = new StandingQuery(2, "apple OR banana");
		this.matcher.replaceAll(List.of(apple, fruit));
		List<MatchDocument> batch = List.of(doc("an apple"), doc("a banana"), doc("a cherry"));
		Set<List<Set<Long>>> allowed = Set.of(
				List.of(Set.of(1L, 2L), Set.of(2L), Set.of()),
				List.of(Set.of(2L), Set.of(1L, 2L), Set.of()),
				List.of(Set.of(2L), Set.of(2L), Set.of()));

		int readers = 4;
		AtomicBoolean running = new AtomicBoolean(true);
		CountDownLatch started = new CountDownLatch(readers + 1);
		ExecutorService pool = Executors.newFixedThreadPool(readers + 2);
		try {
			List<Future<Set<List<Set<Long>>>>> seen = new ArrayList<>();
			for (int r = 0; r < readers; r++) {
				seen.add(pool.submit(() -> {
					Set<List<Set<Long>>> states = new HashSet<>();
					started.countDown();
					started.await();
					while (running.get()) {
						List<Set<Long>> result = this.matcher.match(batch);
						assertThat(allowed).contains(result);
						states.add(result);
					}
					return states;
				}));
			}
			Future<Integer> writer = pool.submit(() -> {
				started.countDown();
				started.await();
				int changes = 0;
				long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
				while (System.nanoTime() < end) {
					switch (changes % 4) {
						case 0 -> this.matcher.put(banana);
						case 1 -> this.matcher.remove(1);
						case 2 -> this.matcher.put(apple);
						default -> this.matcher.replaceAll(List.of(banana, fruit));
					}
					changes++;
				}
				this.matcher.put(apple);
				running.set(false);
				return changes;
			});
			Future<?> merges = pool.submit(() -> {
				while (running.get()) {
					this.matcher.flush();
				}
				return null;
			});
			assertThat(writer.get(10, TimeUnit.SECONDS)).isPositive();
			merges.get(10, TimeUnit.SECONDS);
			Set<List<Set<Long>>> observed = new HashSet<>();
			for (Future<Set<List<Set<Long>>>> future : seen) {
				observed.addAll(future.get(10, TimeUnit.SECONDS));
			}
			assertThat(allowed).containsAll(observed);
			assertThat(observed).as("readers saw the topics change").hasSizeGreaterThan(1);
			assertThat(this.matcher.topics()).containsOnlyKeys(1L, 2L);
		}
		finally {
			running.set(false);
			pool.shutdownNow();
		}
	}

	private static MatchDocument doc(String text) {
		return new MatchDocument(null, text, null, null);
	}

}
