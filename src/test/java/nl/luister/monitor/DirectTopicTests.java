package nl.luister.monitor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct form of a topic gives the same answer as its Lucene form, for every operator and field it covers, on
 * the awkward cases (accents in NFC and NFD, case, stemming, host suffixes, follower bounds, escapes), one document
 * at a time and in batches that span several 64-document words of the bit sets.
 */
class DirectTopicTests {

	private static final List<String> QUERIES = List.of("pakket", "PAKKET", "café", "cafe", "\"pakket kwijt\"",
			"\"kwijt pakket\"", "\"de de\"", "pakket AND kwijt", "pakket OR bezorger", "pakket -kwijt", "de AND (kwijt OR NOT pakket)",
			"de AND (NOT kwijt OR NOT pakket)", "pakket AND NOT (kwijt OR zoek)", "(pakket OR doos) AND (kwijt OR \"niet bezorgd\")",
			"bezorg*", "bez*ing", "ko?rier", "zek*69", "zek*6?", "zek*r?9", "ze?e*9", "pakket??", "co*ie", "title:pakket", "title:\"pakket kwijt\"",
			"title:pak*", "raw:\"KoerierSnel\"", "raw:\"Café Noir\"", "raw:koeriersnel", "author:koeriersnel",
			"author:@KoerierSnel", "author:koerier*", "author:koe?ier*", "site:example.nl", "site:forum.example.nl",
			"site:ample.nl", "url:example.nl/blog/*", "url:example.nl/blog/post-1", "lang:nl", "pakket -lang:en",
			"channel:twitter", "source:x-koerier", "#boycot", "@koeriersnel", "#boy*", "followers:>1000",
			"followers:[100 TO 5000]", "pakket followers:<10", "followers:>=1000 OR kwijt");

	private static final List<String> STEMMED = List.of("bezorgd", "bezorging", "pakketten", "\"pakket bezorgd\"",
			"delivered", "deliveries", "title:bezorgd");

	@Test
	void everyCoveredOperatorAnswersAsLuceneDoes() {
		List<MatchDocument> documents = documents();
		int compared = 0;
		for (String query : QUERIES) {
			TopicQuery topic = TopicQuery.parse(query);
			assertThat(DirectTopic.compile(topic.root(), topic.stemming()).exact()).as(query).isTrue();
			for (MatchDocument document : documents) {
				assertThat(topic.matches(document)).as(query + " on " + document)
					.isEqualTo(topic.matchesWithLucene(document));
				compared++;
			}
		}
		assertThat(compared).isEqualTo(QUERIES.size() * documents.size());
	}

	@Test
	void stemmedWordsAnswerAsLuceneDoes() {
		for (Stemming stemming : List.of(Stemming.DUTCH, Stemming.ENGLISH)) {
			for (String query : STEMMED) {
				TopicQuery topic = TopicQuery.parse(query, stemming);
				for (MatchDocument document : documents()) {
					assertThat(topic.matches(document)).as(stemming + " " + query + " on " + document)
						.isEqualTo(topic.matchesWithLucene(document));
				}
			}
		}
		assertThat(TopicQuery.parse("bezorgd", Stemming.DUTCH).matches(doc("het werd niet bezorgd", null))).isTrue();
		assertThat(TopicQuery.parse("bezorgd", Stemming.DUTCH).matches(doc("ik wacht op bezorging", null))).isFalse();
		assertThat(TopicQuery.parse("pakketten", Stemming.DUTCH).matches(doc("mijn pakket is zoek", null))).isTrue();
	}

	@Test
	void aBatchGivesEachDocumentItsOwnAnswer() {
		List<MatchDocument> documents = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			documents.addAll(documents());
		}
		MentionBatch batch = new MentionBatch(documents, Set.of());
		for (String query : QUERIES) {
			TopicQuery topic = TopicQuery.parse(query);
			long[] matched = DirectTopic.compile(topic.root(), topic.stemming()).matches(batch);
			for (int i = 0; i < documents.size(); i++) {
				boolean bit = (matched[i >>> 6] & (1L << i)) != 0;
				assertThat(bit).as(query + " on document " + i).isEqualTo(topic.matchesWithLucene(documents.get(i)));
			}
		}
	}

	@Test
	void proximityAndSloppyPhrasesAreLeftToLuceneBehindAConditionEveryMatchMeets() {
		List<MatchDocument> documents = new ArrayList<>(documents());
		documents.add(doc("kwijt is mijn pakket", null));
		documents.add(doc("pakket is echt helemaal kwijt", null));
		documents.add(doc("de bezorger heeft het pakket", null));
		MentionBatch batch = new MentionBatch(documents, Set.of());
		for (String query : List.of("pakket NEAR/2 kwijt", "pakket ONEAR/3 kwijt", "\"pakket kwijt\"~2",
				"\"pakket bezorg*\"", "\"het pakket\"~1", "koerier OR (pakket NEAR/2 kwijt)",
				"pakket -(pakket NEAR/2 kwijt)", "(pakket OR \"de doos\") NEAR/3 bezorg*",
				"(pakket NEAR/1 kwijt) NEAR/4 mijn")) {
			TopicQuery topic = TopicQuery.parse(query);
			DirectTopic direct = DirectTopic.compile(topic.root(), topic.stemming());
			assertThat(direct.exact()).as(query).isFalse();
			long[] possible = direct.matches(batch);
			int kept = 0;
			for (int i = 0; i < documents.size(); i++) {
				boolean mayMatch = (possible[i >>> 6] & (1L << i)) != 0;
				if (topic.matchesWithLucene(documents.get(i))) {
					assertThat(mayMatch).as(query + " must keep " + documents.get(i)).isTrue();
				}
				kept += mayMatch ? 1 : 0;
				assertThat(topic.matches(documents.get(i))).isEqualTo(topic.matchesWithLucene(documents.get(i)));
			}
			assertThat(kept).as(query + " leaves documents out").isLessThan(documents.size());
		}
		assertThat(TopicQuery.parse("pakket NEAR/2 kwijt").matches(doc("kwijt is mijn pakket", null))).isTrue();
	}

	@Test
	void aBackslashInAWildcardKeywordIsLucenesEscape() {
		TopicQuery topic = TopicQuery.parse("url:example.nl/a\\b*");
		for (String url : List.of("https://example.nl/ab/1", "https://example.nl/a\\b/1", "https://example.nl/ac")) {
			MatchDocument document = new MatchDocument(null, "tekst", null, "blog", url, null, null, null);
			assertThat(topic.matches(document)).as(url).isEqualTo(topic.matchesWithLucene(document));
		}
	}

	private static List<MatchDocument> documents() {
		String nfd = Normalizer.normalize("Café Noir: pakket kwijt", Normalizer.Form.NFD);
		return List.of(doc("Mijn pakket is kwijt", null), doc("kwijt pakket, de de doos", null),
				doc("PAKKET niet bezorgd #Boycot @KoerierSnel", 1000), doc(nfd, 999),
				doc("Café Noir: pakket kwijt", 5000), doc("de bezorging van mijn pakketje", 100),
				doc("De koerier en de bezorger; lekkere COOKIE", 99), doc("zeker69 zekerheid70 zek69 zekeri69x zak9", 7),
				new MatchDocument("Pakket kwijt", "al drie dagen", "@KoerierSnel", "twitter",
						"https://forum.example.nl/blog/post-1/", "X-Koerier", "nl", 1001),
				new MatchDocument("Nieuws", "deliveries were delivered late", "anna_v", "news",
						"http://www.example.nl/shop/item", "feed", "en", null),
				new MatchDocument(null, "", null, null, null, null, null, null),
				new MatchDocument(null, "korier kwam niet; koerierdienst", "@koerierdienst", "mastodon",
						"not a url at all", null, "NL", 10));
	}

	private static MatchDocument doc(String text, Integer followers) {
		return new MatchDocument(null, text, "someone", "twitter", null, null, null, followers);
	}

}
