package nl.luister.customer;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class SegmentsIntegrationTests {

	@Autowired
	Segments segments;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	long mastodon;
	long forum;
	Instant now = Instant.now();

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		jdbc.sql("delete from segments where lower(name) not in ('promoters', 'at risk')").update();
		mastodon = sources.importSource("seg-mastodon", Channel.MASTODON);
		forum = sources.importSource("seg-forum", Channel.FORUM);
		topics.reload();
		// fan: positive three times lately, tier 5; grumpy: two complaints this month; old: two complaints long ago
		message(mastodon, "f1", "fan", 1, "POSITIVE", 0);
		message(mastodon, "f2", "fan", 10, "POSITIVE", 0);
		message(mastodon, "f3", "fan", 20, "NEGATIVE", 0);
		message(mastodon, "g1", "grumpy", 2, "NEGATIVE", 0.9);
		message(mastodon, "g2", "grumpy", 25, "NEGATIVE", 0.8);
		message(mastodon, "o1", "old", 100, "NEGATIVE", 0.9);
		message(forum, "o2", "old", 120, "NEGATIVE", 0.9);
		message(forum, "l1", "lurker", 5, "NEUTRAL", 0);
		jdbc.sql("update persons set tier = 5, segment = 'Gold', tags = '{vip,bike}' where id = ?").param(person("mastodon", "fan")).update();
		jdbc.sql("update persons set tier = 2 where id = ?").param(person("mastodon", "grumpy")).update();
	}

	@Test
	void thePresetSegmentsFindPromotersAndCustomersAtRisk() {
		var promoters = byName("Promoters");
		var atRisk = byName("At risk");

		assertThat(segments.members(promoters.filter(), 10)).extracting(Person::id).containsExactly(person("mastodon", "fan"));
		assertThat(segments.members(atRisk.filter(), 10)).extracting(Person::id).containsExactly(person("mastodon", "grumpy"));
		assertThat(segments.list()).filteredOn(c -> c.segment().name().equals("At risk")).singleElement()
			.extracting(Segments.Counted::persons).isEqualTo(1L);
	}

	@Test
	void everyConditionNarrowsTheSegment() {
		assertThat(count(new SegmentFilter("NEGATIVE", null, null, null, null, null, null, null))).isEqualTo(1);
		assertThat(count(new SegmentFilter("NEGATIVE", null, 365, null, null, null, null, null))).isEqualTo(3);
		assertThat(count(new SegmentFilter("NEUTRAL", null, null, null, null, null, null, null))).isEqualTo(1);
		assertThat(count(new SegmentFilter(null, 2, null, null, null, null, null, null))).isEqualTo(2);
		assertThat(count(new SegmentFilter(null, null, 3, null, null, null, null, null))).isEqualTo(2);
		// "old" wrote twice long ago, but on two channels: two persons with one complaint each until linked
		assertThat(count(new SegmentFilter(null, null, null, 2, 365, null, null, null))).isEqualTo(1);
		assertThat(count(new SegmentFilter(null, null, null, null, null, "gold", null, null))).isEqualTo(1);
		assertThat(count(new SegmentFilter(null, null, null, null, null, null, "forum", null))).isEqualTo(2);
		assertThat(count(new SegmentFilter(null, null, null, null, null, null, null, List.of("vip")))).isEqualTo(1);
		assertThat(count(new SegmentFilter(null, null, null, null, null, null, null, List.of("vip", "car")))).isZero();
		assertThat(count(new SegmentFilter(null, null, null, null, null, null, null, null))).isEqualTo(5);
	}

	@Test
	void filterValuesAreDataNeverSql() {
		for (String attack : List.of("x' or '1'='1", "'); drop table persons; --", "gold' --", "%", "\\", "') or true or ('")) {
			assertThat(count(new SegmentFilter(null, null, null, null, null, attack, null, List.of(attack, "}\"'{")))).as(attack).isZero();
			var saved = segments.create(attack, new SegmentFilter(null, null, null, null, null, attack, null, List.of(attack)), null);
			assertThat(segments.find(saved.id()).orElseThrow().filter().segment()).isEqualTo(attack);
			assertThat(segments.count(saved.filter())).isZero();
		}
		assertThatThrownBy(() -> new SegmentFilter("POSITIVE' or 1=1 --", null, null, null, null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SegmentFilter(null, null, null, null, null, null, "mastodon' or 1=1 --", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SegmentFilter(null, 6, null, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void aNameIsUniqueIgnoringCase() {
		assertThatThrownBy(() -> segments.create("PROMOTERS", new SegmentFilter(null, 1, null, null, null, null, null, null), null))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
	}

	@Test
	void theExportHasEveryMemberAsCsv() throws Exception {
		var s = segments.create("Everyone on mastodon", new SegmentFilter(null, null, null, null, null, null, "mastodon", null), null);
		StringWriter out = new StringWriter();

		long n = segments.export(s, out, null);

		assertThat(n).isEqualTo(3);
		assertThat(out.toString().lines()).hasSize(4);
		assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("person_id,customer_number,name");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'segment.export'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSentimentTrendHasAPointPerWeekWithMessagesOldestFirst() {
		SentimentTrend trend = customers.sentimentTrend(person("mastodon", "fan"), now);

		assertThat(trend.weeks()).hasSize(12);
		assertThat(trend.weeks().getLast().balance()).isEqualTo(1.0);
		assertThat(trend.weeks().get(9).balance()).isEqualTo(-1.0);
		assertThat(trend.points()).hasSize(3);
		assertThat(trend.points().getLast()).isEqualTo(new SentimentTrend.Point("116.0", "3.0"));
		assertThat(trend.polyline()).matches("[0-9., ]+");
		assertThat(trend.positive()).isEqualTo(2);
		assertThat(customers.sentimentTrend(person("forum", "old"), now).isEmpty()).isTrue();
	}

	private long count(SegmentFilter f) {
		return segments.count(f);
	}

	private Segments.Segment byName(String name) {
		return segments.list().stream().map(Segments.Counted::segment).filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private long person(String channel, String handle) {
		return customers.personOf(channel, handle).orElseThrow();
	}

	private void message(long source, String id, String handle, int daysAgo, String sentiment, double complaint) {
		Channel channel = source == forum ? Channel.FORUM : Channel.MASTODON;
		ingestion.ingestPushed(source, List.of(new RawMention(id, channel, new RawMention.Author(handle, handle, 10), null, "KoerierSnel",
				null, now.minus(Duration.ofDays(daysAgo)), null)));
		pipeline.drainAll();
		jdbc.sql("update mentions set sentiment = ?, complaint = ? where external_id = ?").params(sentiment, complaint, id).update();
	}
}
