package nl.luister.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The operators and fields beyond AND/OR/NOT: wildcards, proximity, fields, stemming. */
class QueryLanguageTests {

	@Test
	void matchesSingleCharacterWildcard() {
		assertThat(matches("ko?rier", "de koerier kwam")).isTrue();
		assertThat(matches("ko?rier", "de korier kwam")).isFalse();
		assertThat(matches("pakket?", "mijn pakketje")).isFalse();
		assertThat(matches("pakket??", "mijn pakketje")).isTrue();
	}

	@Test
	void matchesWildcardInsideWord() {
		assertThat(matches("bez*ing", "de bezorging")).isTrue();
		assertThat(matches("bez*ing", "de bezorger")).isFalse();
		assertThat(matches("co*ie", "lekkere COOKIE")).isTrue();
	}

	@Test
	void matchesNearInEitherOrder() {
		assertThat(matches("pakket NEAR/2 kwijt", "pakket is echt kwijt")).isTrue();
		assertThat(matches("pakket NEAR/2 kwijt", "kwijt is mijn pakket")).isTrue();
		assertThat(matches("pakket NEAR/1 kwijt", "pakket is echt kwijt")).isFalse();
		assertThat(matches("pakket NEAR/0 kwijt", "pakket kwijt")).isTrue();
	}

	@Test
	void matchesOrderedNearOnlyInOrder() {
		assertThat(matches("pakket ONEAR/3 kwijt", "pakket is echt kwijt")).isTrue();
		assertThat(matches("pakket ONEAR/3 kwijt", "kwijt is mijn pakket")).isFalse();
	}

	@Test
	void matchesNearWithGroupsPhrasesAndWildcards() {
		String query = "(pakket OR \"de doos\") NEAR/3 bezorg*";
		assertThat(matches(query, "de doos werd niet bezorgd")).isTrue();
		assertThat(matches(query, "pakket: nooit bezorging gezien")).isTrue();
		assertThat(matches(query, "pakket kwam aan, een week later de bezorger gebeld")).isFalse();
	}

	@Test
	void matchesSloppyPhrase() {
		assertThat(matches("\"pakket kwijt\"~2", "pakket is echt kwijt")).isTrue();
		assertThat(matches("\"pakket kwijt\"~1", "pakket is echt kwijt")).isFalse();
	}

	@Test
	void matchesAuthorWithOrWithoutAt() {
		MatchDocument doc = new MatchDocument(null, "hallo", "@KoerierSnel", "twitter");
		assertThat(TopicQuery.parse("author:koeriersnel").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("author:@KoerierSnel").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("author:koerier*").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("author:anna").matches(doc)).isFalse();
	}

	@Test
	void matchesSiteIncludingSubdomains() {
		MatchDocument doc = document("forum.example.nl/t/123", null);
		assertThat(TopicQuery.parse("site:example.nl").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("site:forum.example.nl").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("site:https://example.nl/").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("site:ample.nl").matches(doc)).isFalse();
		assertThat(TopicQuery.parse("site:other.nl").matches(doc)).isFalse();
	}

	@Test
	void matchesUrlExactlyOrByPrefix() {
		MatchDocument doc = document("https://www.example.nl/blog/post-1", null);
		assertThat(TopicQuery.parse("url:example.nl/blog/post-1").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("url:example.nl/blog/*").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("url:example.nl/shop/*").matches(doc)).isFalse();
	}

	@Test
	void matchesChannelLanguageAndSource() {
		MatchDocument doc = new MatchDocument(null, "pakket kwijt", null, "twitter", null, "x-koerier", "nl", null);
		assertThat(TopicQuery.parse("pakket channel:twitter").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("pakket channel:forum").matches(doc)).isFalse();
		assertThat(TopicQuery.parse("pakket lang:nl").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("pakket lang:en").matches(doc)).isFalse();
		assertThat(TopicQuery.parse("pakket source:X-Koerier").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("pakket -channel:twitter").matches(doc)).isFalse();
	}

	@Test
	void treatsMissingLanguageAsNoLanguage() {
		MatchDocument doc = new MatchDocument(null, "pakket", null, "twitter");
		assertThat(TopicQuery.parse("pakket lang:nl").matches(doc)).isFalse();
		assertThat(TopicQuery.parse("pakket -lang:en").matches(doc)).isTrue();
	}

	@Test
	void matchesTitleOnly() {
		MatchDocument doc = new MatchDocument("Pakket kwijt", "de koerier zegt van niet", null, "forum");
		assertThat(TopicQuery.parse("title:pakket").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("title:koerier").matches(doc)).isFalse();
		assertThat(TopicQuery.parse("title:\"pakket kwijt\"").matches(doc)).isTrue();
		assertThat(TopicQuery.parse("title:pak*").matches(doc)).isTrue();
	}

	@Test
	void matchesHashtagsAndMentionsAsSuch() {
		assertThat(matches("#KoerierSnel", "boos op #koeriersnel")).isTrue();
		assertThat(matches("#KoerierSnel", "boos op koeriersnel")).isFalse();
		assertThat(matches("@anna_v", "hoi @Anna_V")).isTrue();
		assertThat(matches("@anna_v", "mail anna_v@example.nl")).isFalse();
		assertThat(matches("#koerier*", "#KoerierSnelFail")).isTrue();
	}

	@Test
	void matchesFollowerRanges() {
		assertThat(TopicQuery.parse("pakket followers:>1000").matches(withFollowers(1001))).isTrue();
		assertThat(TopicQuery.parse("pakket followers:>1000").matches(withFollowers(1000))).isFalse();
		assertThat(TopicQuery.parse("pakket followers:>=1000").matches(withFollowers(1000))).isTrue();
		assertThat(TopicQuery.parse("pakket followers:<10").matches(withFollowers(9))).isTrue();
		assertThat(TopicQuery.parse("pakket followers:[100 TO 5000]").matches(withFollowers(5000))).isTrue();
		assertThat(TopicQuery.parse("pakket followers:[100 TO 5000]").matches(withFollowers(99))).isFalse();
		assertThat(TopicQuery.parse("pakket followers:>0").matches(new MatchDocument(null, "pakket", null, null)))
			.isFalse();
	}

	@Test
	void matchesRawWithExactCaseAndAccents() {
		assertThat(matches("raw:\"Koerier Snel\"", "Koerier Snel is laat")).isTrue();
		assertThat(matches("raw:\"Koerier Snel\"", "koerier snel is laat")).isFalse();
		assertThat(matches("raw:Café", "naar het Café")).isTrue();
		assertThat(matches("raw:Café", "naar het Cafe")).isFalse();
	}

	@Test
	void matchesDecomposedAccentsLikeComposedOnes() {
		String nfd = "naar het Cafe\u0301";
		assertThat(matches("raw:Café", nfd)).isTrue();
		assertThat(matches("café", nfd)).isTrue();
		assertThat(matches("raw:Cafe\u0301", "naar het Café")).isTrue();
	}

	@Test
	void stemsDutchAndEnglishWhenAsked() {
		assertThat(TopicQuery.parse("bezorging", Stemming.DUTCH).matches(TokenizedText.of("twee bezorgingen"))).isTrue();
		assertThat(TopicQuery.parse("bezorging", Stemming.NONE).matches(TokenizedText.of("twee bezorgingen"))).isFalse();
		assertThat(TopicQuery.parse("delivery", Stemming.ENGLISH).matches(TokenizedText.of("two deliveries"))).isTrue();
		assertThat(TopicQuery.parse("\"late delivery\"", Stemming.ENGLISH).matches(TokenizedText.of("later deliveries")))
			.isFalse();
		assertThat(TopicQuery.parse("\"late deliveries\"", Stemming.ENGLISH).matches(TokenizedText.of("late delivery")))
			.isTrue();
		assertThat(TopicQuery.parse("pakket NEAR/2 bezorg*", Stemming.DUTCH).matches(TokenizedText.of("pakketten bezorgd")))
			.isTrue();
	}

	@Test
	void explainsNearErrors() {
		assertError("pakket NEAR/3", 8, "NEAR/3 at column 8 needs a term on both sides");
		assertError("NEAR/3 pakket", 1, "NEAR/3 at column 1 needs a term on both sides");
		assertError("pakket NEAR kwijt", 8, "NEAR at column 8 needs a distance");
		assertError("pakket NEAR/3 channel:twitter", 8, "NEAR/3 at column 8 works on words");
		assertError("pakket NEAR/500 kwijt", 8, "the distance can be at most 100");
	}

	@Test
	void explainsFieldErrors() {
		assertError("followers:lots", 1, "followers: at column 1 takes >n");
		assertError("followers:[5000 TO 100]", 1, "the range starts above its end");
		assertError("pakket channel:", 8, "channel: at column 8 needs a value");
		assertError("pakket lang:n*", 14, "wildcards are not allowed in lang:");
		assertError("raw:\"Koerier", 5, "close the quote opened at column 5");
	}

	@Test
	void explainsWildcardErrors() {
		assertError("?akket", 1, "leading wildcard not allowed");
		assertError("k?kket", 2, "wildcard too short");
		assertError("a*b*c*d*e*f", 2, "wildcard too short");
		assertError("ab*b*c*d*e*f", 1, "too many wildcards in the word");
	}

	private static MatchDocument withFollowers(int followers) {
		return new MatchDocument(null, "pakket", null, "twitter", null, null, null, followers);
	}

	private static MatchDocument document(String url, String text) {
		return new MatchDocument(null, (text == null) ? "iets" : text, null, "forum", url, null, null, null);
	}

	private static boolean matches(String query, String text) {
		return TopicQuery.parse(query).matches(TokenizedText.of(text));
	}

	private static void assertError(String query, int column, String message) {
		QuerySyntaxError error = catchThrowableOfType(QuerySyntaxError.class, () -> TopicQuery.parse(query));
		assertThat(error).as("error for " + query).isNotNull();
		assertThat(error.getMessage()).as(query).contains(message);
		assertThat(error.column()).as(query).isEqualTo(column);
	}

}
