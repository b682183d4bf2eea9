package nl.luister.channel.rss;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.FeedServer;
import nl.luister.channel.RawMention;
import nl.luister.channel.Source;
import nl.luister.channel.SourceUnavailable;
import nl.luister.channel.http.SafeHttp;

class RssSourceTests {

	private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");

	private FeedServer server;

	private SafeHttp http;

	private RssSource source;

	@BeforeEach
	void start() {
		this.server = FeedServer.start();
		this.http = new SafeHttp(true);
		this.source = new RssSource(this.http, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.server.close();
	}

	@Test
	void mapsRss2Items() {
		Batch batch = fetchResource("feeds/koeriersnel-rss2.xml");

		RawMention first = batch.items().getFirst();
		assertThat(first.externalId()).isEqualTo("https://pakketpraat.example/2025/06/koeriersnel-buren");
		assertThat(first.channel()).isEqualTo(Channel.BLOG);
		assertThat(first.title()).isEqualTo("KoerierSnel bezorgde mijn pakket bij de buren & zei niets");
		assertThat(first.text())
			.isEqualTo("Gisteren stond er een KoerierSnel busje voor de deur.\n\nGeen briefje, geen bericht. Het pakket lag bij nummer 12.");
		assertThat(first.author().name()).isEqualTo("Pakketpraat redactie");
		assertThat(first.url()).isEqualTo("https://pakketpraat.example/2025/06/koeriersnel-buren");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-02T06:15:00Z"));
		assertThat(first.inReplyTo()).isNull();

		RawMention second = batch.items().get(1);
		assertThat(second.externalId()).isEqualTo("pakketpraat-post-1042");
		assertThat(second.author().name()).isEqualTo("Gastblogger Sam");

		RawMention third = batch.items().get(2);
		assertThat(third.externalId()).as("link when there is no guid")
			.isEqualTo("https://pakketpraat.example/2025/05/track-trace");
		assertThat(third.text()).isEqualTo("Al vier dagen staat mijn zending op sorteercentrum.\n\nKlantenservice gebeld\nGeen antwoord");

		assertThat(batch.skipped()).singleElement().satisfies(skipped -> {
			assertThat(skipped.where()).startsWith("item 4 of ");
			assertThat(skipped.reason()).isEqualTo("has no id, link, title or text");
		});
	}

	@Test
	void usesChannelFromSettings() {
		this.server.serveResource("/feed", "feeds/koeriersnel-rss2.xml", "application/rss+xml");

		Batch batch = this.source.fetch(new RssSettings(this.server.url("/feed"), Channel.NEWS), null);

		assertThat(batch.items()).extracting(RawMention::channel).containsOnly(Channel.NEWS);
	}

	@Test
	void mapsAtomEntries() {
		Batch batch = fetchResource("feeds/koeriersnel-atom.xml");

		assertThat(batch.items()).hasSize(3);
		RawMention first = batch.items().getFirst();
		assertThat(first.externalId()).isEqualTo("tag:bezorgforum.example,2025:thread-501");
		assertThat(first.title()).isEqualTo("Pakket beschadigd aangekomen");
		assertThat(first.text()).isEqualTo("De doos was nat en ingedeukt.\n\nWie heeft ervaring met een claim bij KoerierSnel?");
		assertThat(first.author().name()).isEqualTo("DoosInDeRegen");
		assertThat(first.url()).isEqualTo("https://bezorgforum.example/t/501");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-06-02T07:12:00Z"));

		RawMention second = batch.items().get(1);
		assertThat(second.publishedAt()).as("updated when not published").isEqualTo(Instant.parse("2025-06-01T16:00:00Z"));
		assertThat(second.text()).startsWith("Nice touch from KoerierSnel");

		RawMention third = batch.items().get(2);
		assertThat(third.url()).as("relative link resolved").isEqualTo(this.server.url("/t/503"));
		assertThat(third.text()).isEqualTo("Het afhaalpunt in de winkelstraat was dicht.\n\nNergens stond dat er een ander punt was.");
		assertThat(batch.skipped()).hasSize(1);
	}

	@Test
	void linksAtomCommentsToTheirPostThroughThreadingExtension() {
		Batch batch = fetchResource("feeds/koeriersnel-comments-atom.xml");

		assertThat(batch.items()).singleElement().satisfies(comment -> {
			assertThat(comment.externalId()).isEqualTo("tag:bezorgforum.example,2025:comment-9001");
			assertThat(comment.inReplyTo()).isEqualTo("tag:bezorgforum.example,2025:thread-501");
			assertThat(comment.author().name()).isEqualTo("Koerierkenner");
		});
	}

	@Test
	void linksWordPressCommentsToThePostLink() {
		Batch batch = fetchResource("feeds/koeriersnel-comments-rss.xml");

		assertThat(batch.items()).singleElement().satisfies(comment -> {
			assertThat(comment.inReplyTo()).isEqualTo("https://pakketpraat.example/2025/06/koeriersnel-buren");
			assertThat(comment.author().name()).isEqualTo("Lezer Kim");
			assertThat(comment.text()).isEqualTo("Bij mij precies hetzelfde, ook met KoerierSnel.");
		});
	}

	@Test
	void keepsOnlyPlainTextOfHostileHtml() {
		Batch batch = fetchResource("feeds/hostile-html.xml");

		RawMention item = batch.items().getFirst();
		assertThat(item.title()).isEqualTo("KoerierSnel review");
		assertThat(item.text()).isEqualTo("Pakket kwam nooit aan.\n\nTweede\nregel");
		assertThat(item.url()).as("javascript: link dropped").isNull();
		for (String text : List.of(item.title(), item.text())) {
			assertThat(text).doesNotContain("<", ">", "script", "onerror", "onclick", "javascript", "alert", "evil",
					"display:none");
		}
	}

	@Test
	void sendsConditionalGetAndReturnsEmptyBatchWithSameCursorOnNotModified() {
		this.server.serve("/feed", FeedServer.resource("feeds/koeriersnel-rss2.xml"), "application/rss+xml", "\"abc\"");
		RssSettings settings = new RssSettings(this.server.url("/feed"));
		Batch first = this.source.fetch(settings, null);

		Batch second = this.source.fetch(settings, first.next());

		assertThat(this.server.requests("/feed")).hasSize(2);
		assertThat(this.server.requests("/feed").getFirst().getFirst("If-None-Match")).isNull();
		assertThat(this.server.requests("/feed").get(1).getFirst("If-None-Match")).isEqualTo("\"abc\"");
		assertThat(this.server.requests("/feed").get(1).getFirst("If-Modified-Since"))
			.isEqualTo("Mon, 02 Jun 2025 10:00:00 GMT");
		assertThat(second).isEqualTo(Batch.empty(first.next()));
	}

	@Test
	void returnsNothingNewWhenServerIgnoresConditionalGet() {
		this.server.serveResource("/feed", "feeds/koeriersnel-rss2.xml", "application/rss+xml");
		RssSettings settings = new RssSettings(this.server.url("/feed"));
		Batch first = this.source.fetch(settings, null);

		Batch second = this.source.fetch(settings, first.next());

		assertThat(first.items()).hasSize(3);
		assertThat(second.items()).isEmpty();
		assertThat(second.skipped()).isEmpty();
	}

	@Test
	void treatsUnreadableCursorAsFirstFetch() {
		this.server.serveResource("/feed", "feeds/koeriersnel-rss2.xml", "application/rss+xml");

		Batch batch = this.source.fetch(new RssSettings(this.server.url("/feed")), "not-a-cursor");

		assertThat(batch.items()).hasSize(3);
	}

	@Test
	void usesFetchTimeWhenItemHasNoDate() {
		Batch batch = fetchXml(rss("<item><guid>nodate-1</guid><title>KoerierSnel zonder datum</title></item>"),
				"application/rss+xml");

		assertThat(batch.items().getFirst().publishedAt()).isEqualTo(NOW);
		assertThat(batch.items().getFirst().text()).isEmpty();
	}

	@Test
	void hashesTitleAndTextWhenItemHasNoIdOrLink() {
		Batch batch = fetchXml(rss("<item><title>Alleen een titel</title><description>En tekst</description></item>"),
				"application/rss+xml");

		assertThat(batch.items().getFirst().externalId()).matches("sha256:[0-9a-f]{64}");
	}

	@Test
	void dropsNulAndControlCharacters() {
		byte[] xml = rss("<item><guid>nul-1</guid><title>Koerier\u0000Snel\u0001</title><description>Pakket\u0000 kwijt&#0;&#x1F;</description></item>")
			.getBytes(UTF_8);

		Batch batch = fetchBytes(xml, "application/rss+xml");

		assertThat(batch.items().getFirst().title()).isEqualTo("KoerierSnel");
		assertThat(batch.items().getFirst().text()).isEqualTo("Pakket kwijt");
	}

	@Test
	void decodesIso88591FeedFromItsDeclaration() {
		String xml = rss("<item><guid>latin-1</guid><title>Café ëxpress</title><description>Één pakket, geen idee</description></item>")
			.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");

		Batch batch = fetchBytes(xml.getBytes(ISO_8859_1), "application/rss+xml");

		assertThat(batch.items().getFirst().title()).isEqualTo("Café ëxpress");
		assertThat(batch.items().getFirst().text()).isEqualTo("Één pakket, geen idee");
	}

	@Test
	void decodesWindows1252FeedFromContentType() {
		String xml = rss("<item><guid>cp-1</guid><title>“KoerierSnel” kost €5 – één keer</title></item>")
			.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>");

		Batch batch = fetchBytes(xml.getBytes(Charset.forName("windows-1252")), "text/xml; charset=windows-1252");

		assertThat(batch.items().getFirst().title()).isEqualTo("“KoerierSnel” kost €5 – één keer");
	}

	@Test
	void readsCurlyQuotesInFeedThatClaimsIso88591AsWindows1252() {
		String xml = rss("<item><guid>cp-2</guid><title>“Snel” geleverd</title></item>")
			.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");

		Batch batch = fetchBytes(xml.getBytes(Charset.forName("windows-1252")), "application/rss+xml");

		assertThat(batch.items().getFirst().title()).isEqualTo("“Snel” geleverd");
	}

	@Test
	void keepsRestOfTextWhenUtf8FeedHasInvalidBytes() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String[] halves = rss("<item><guid>bad-1</guid><title>Pakket SPLIT kapot</title><description>café blijft</description></item>")
			.split("SPLIT");
		out.writeBytes(halves[0].getBytes(UTF_8));
		out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
		out.writeBytes(halves[1].getBytes(UTF_8));

		Batch batch = fetchBytes(out.toByteArray(), "application/rss+xml; charset=utf-8");

		assertThat(batch.items().getFirst().title()).isEqualTo("Pakket \uFFFD(\uFFFD kapot");
		assertThat(batch.items().getFirst().text()).isEqualTo("café blijft");
	}

	@Test
	void readsUtf8ByteOrderMark() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		out.writeBytes(rss("<item><guid>bom-1</guid><title>Geen gedoe met BOM: één</title></item>").getBytes(UTF_8));

		Batch batch = fetchBytes(out.toByteArray(), "text/xml; charset=iso-8859-1");

		assertThat(batch.items().getFirst().title()).isEqualTo("Geen gedoe met BOM: één");
	}

	@Test
	void reportsTruncatedXmlWithPosition() {
		String xml = new String(FeedServer.resource("feeds/koeriersnel-rss2.xml"), UTF_8);
		String truncated = xml.substring(0, xml.indexOf("<item>", xml.indexOf("<item>") + 1) + 20);

		assertThatThrownBy(() -> fetchXml(truncated, "application/rss+xml")).isInstanceOf(SourceUnavailable.class)
			.hasMessageStartingWith("the feed is not valid XML: ")
			.hasMessageMatching("(?s).* at line \\d+, column \\d+");
	}

	@Test
	void refusesExternalEntityWithoutReadingTheFile() {
		this.server.serveResource("/feed", "feeds/xxe.xml", "application/rss+xml");
		RssSettings settings = new RssSettings(this.server.url("/feed"));

		assertThatThrownBy(() -> this.source.fetch(settings, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("contains a DOCTYPE declaration")
			.hasMessageNotContaining("root:");
		assertThat(this.source.probe(settings).message()).contains("DOCTYPE").doesNotContain("root:");
	}

	@Test
	void refusesBillionLaughsWithoutExpandingIt() {
		this.server.serveResource("/feed", "feeds/billion-laughs.xml", "application/rss+xml");

		assertThatThrownBy(() -> this.source.fetch(new RssSettings(this.server.url("/feed")), null))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("contains a DOCTYPE declaration")
			.hasMessageNotContaining("lollol");
	}

	@Test
	void explainsThatAWebPageIsNotAFeed() {
		assertThatThrownBy(() -> fetchXml("<!doctype html><html><body><p>Welkom bij KoerierSnel<br></body></html>",
				"text/html; charset=utf-8"))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("serves a web page, not a feed");
	}

	@Test
	void reportsWellFormedXmlThatIsNoFeed() {
		assertThatThrownBy(() -> fetchXml("<?xml version=\"1.0\"?><bestelling><id>1</id></bestelling>", "application/xml"))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("is not an RSS or Atom feed");
	}

	@Test
	void reportsServerErrorWithStatus() {
		this.server.status("/feed", 500);

		assertThatThrownBy(() -> this.source.fetch(new RssSettings(this.server.url("/feed")), null))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessage("the server answered 500 Internal Server Error for " + this.server.url("/feed"));
	}

	@Test
	void reportsConnectionRefused() {
		int port = RssSourceContractTests.closedPort();

		assertThatThrownBy(() -> this.source.fetch(new RssSettings("http://127.0.0.1:" + port + "/feed"), null))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessage("could not connect to 127.0.0.1:" + port + ": connection refused");
	}

	@Test
	void refusesLoopbackFeedWhenPrivateAddressesAreNotAllowed() {
		try (SafeHttp strict = new SafeHttp(false)) {
			this.server.serveResource("/feed", "feeds/koeriersnel-rss2.xml", "application/rss+xml");
			RssSource strictSource = new RssSource(strict);

			Source.Probe probe = strictSource.probe(new RssSettings(this.server.url("/feed")));

			assertThat(probe.ok()).isFalse();
			assertThat(probe.message()).contains("refusing to connect to 127.0.0.1");
			assertThat(this.server.requests("/feed")).isEmpty();
		}
	}

	@Test
	void describesFeedInProbe() {
		this.server.serveResource("/feed", "feeds/koeriersnel-rss2.xml", "application/rss+xml");
		this.server.serveResource("/atom", "feeds/koeriersnel-atom.xml", "application/atom+xml");

		assertThat(this.source.probe(new RssSettings(this.server.url("/feed"))))
			.isEqualTo(Source.Probe.ok("RSS 2.0 feed 'Pakketpraat – blog over bezorging' with 3 items (1 more could not be read)"));
		assertThat(this.source.probe(new RssSettings(this.server.url("/atom"))).message())
			.startsWith("Atom 1.0 feed 'Bezorgforum – KoerierSnel' with 3 items");
	}

	@Test
	void defaultsChannelToBlog() {
		assertThat(new RssSettings("https://pakketpraat.example/feed", null).channel()).isEqualTo(Channel.BLOG);
		assertThat(this.source.type()).isEqualTo("rss");
		assertThat(this.source.settingsType()).isEqualTo(RssSettings.class);
	}

	private Batch fetchResource(String resource) {
		return fetchBytes(FeedServer.resource(resource), "application/xml");
	}

	private Batch fetchXml(String xml, String contentType) {
		return fetchBytes(xml.getBytes(UTF_8), contentType);
	}

	private Batch fetchBytes(byte[] body, String contentType) {
		this.server.serve("/feed", body, contentType);
		return this.source.fetch(new RssSettings(this.server.url("/feed")), null);
	}

	private static String rss(String items) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>KoerierSnel test</title>"
				+ "<link>https://pakketpraat.example/</link><description>test</description>" + items
				+ "</channel></rss>";
	}
}
