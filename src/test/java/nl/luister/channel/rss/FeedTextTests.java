package nl.luister.channel.rss;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTests {

	@Test
	void detectsUtf16FromByteOrderMark() {
		byte[] text = "<?xml version=\"1.0\"?><rss>één</rss>".getBytes(UTF_16LE);
		byte[] withBom = new byte[text.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(text, 0, withBom, 2, text.length);

		assertThat(FeedText.decode(withBom, "text/xml; charset=iso-8859-1")).isEqualTo("<?xml version=\"1.0\"?><rss>één</rss>");
	}

	@Test
	void detectsUtf16WithoutByteOrderMark() {
		assertThat(FeedText.decode("<?xml version=\"1.0\"?><rss/>".getBytes(UTF_16BE), null))
			.isEqualTo("<?xml version=\"1.0\"?><rss/>");
	}

	@Test
	void prefersContentTypeOverProlog() {
		byte[] utf8 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>één</rss>".getBytes(UTF_8);

		assertThat(FeedText.decode(utf8, "application/rss+xml; charset=\"UTF-8\"")).endsWith("<rss>één</rss>");
	}

	@Test
	void fallsBackToUtf8ForUnknownCharset() {
		byte[] utf8 = "<rss>één</rss>".getBytes(UTF_8);

		assertThat(FeedText.decode(utf8, "text/xml; charset=klingon-8")).isEqualTo("<rss>één</rss>");
	}

	@Test
	void removesCharactersXmlForbidsButKeepsTabsAndNewlines() {
		assertThat(FeedText.removeIllegal("a\u0000b\u0008c\td\ne\uD800f\uFFFEg&#0;h&#x1b;i&#10;j"))
			.isEqualTo("abc\td\nefghi&#10;j");
	}
}
