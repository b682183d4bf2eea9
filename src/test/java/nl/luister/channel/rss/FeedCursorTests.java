package nl.luister.channel.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FeedCursorTests {

	@Test
	void survivesEncodingAndParsing() {
		FeedCursor cursor = FeedCursor.NONE.next("\"v1.2\"", "Mon, 02 Jun 2025 10:00:00 GMT",
				List.of(FeedCursor.fingerprint("a"), FeedCursor.fingerprint("b")));

		FeedCursor parsed = FeedCursor.parse(cursor.encode());

		assertThat(parsed).isEqualTo(cursor);
		assertThat(parsed.hasSeen(FeedCursor.fingerprint("a"))).isTrue();
		assertThat(parsed.hasSeen(FeedCursor.fingerprint("c"))).isFalse();
	}

	@Test
	void keepsAtMostAThousandIdsPreferringTheLatestFetch() {
		FeedCursor old = FeedCursor.NONE.next(null, null, LongStream.range(0, 1000).boxed().toList());

		FeedCursor next = old.next(null, null, LongStream.range(5000, 5010).boxed().toList());

		assertThat(next.seen()).hasSize(FeedCursor.MAX_SEEN);
		assertThat(next.hasSeen(5009)).isTrue();
		assertThat(next.hasSeen(0)).isTrue();
		assertThat(next.hasSeen(999)).isFalse();
		assertThat(FeedCursor.parse(next.encode()).seen()).hasSize(FeedCursor.MAX_SEEN);
	}

	@Test
	void readsGarbageAsNoCursor() {
		assertThat(FeedCursor.parse(null)).isEqualTo(FeedCursor.NONE);
		assertThat(FeedCursor.parse("rss1.%%%.x.y")).isEqualTo(FeedCursor.NONE);
		assertThat(FeedCursor.parse("{\"etag\":1}")).isEqualTo(FeedCursor.NONE);
	}
}
