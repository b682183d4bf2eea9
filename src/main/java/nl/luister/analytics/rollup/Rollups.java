package nl.luister.analytics.rollup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rollup tables: counts of mentions, by sentiment and complaints, per hour and per day (days of the
 * workspace's zone {@code luister.analytics.zone}), per topic (topic 0: every mention once), channel and language, and
 * per day the sites and authors of each topic. The pipeline hands each stored batch to {@link #add(List)} inside its
 * transaction: one upsert per table per batch, rows in a fixed order so concurrent batches cannot deadlock.
 *
 * <p>What changes a mention after it was counted (a corrected label, a backfilled topic match, an erased person) is
 * brought in by {@link #rebuild(LocalDate, LocalDate)}, which recounts a range of days from the stored mentions.
 */
@Component
public class Rollups {

	/** Topic id of the rows that count every mention once. */
	public static final long ALL = 0;

	/** What a rollup counts of one stored mention. */
	public record Fact(Instant publishedAt, String channel, String language, String sentiment, boolean complaint, String url,
			String authorHandle, Integer followers, Set<Long> topics) {
	}

	/** SQL for the site of {@code m.url}, as {@link #site(String)} computes it in Java. */
	public static final String SITE_OF_URL = "nullif(regexp_replace(lower(substring(m.url from '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)')), '^www\\.', ''), '')";

	private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)");

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Rollups.class);

	private final JdbcClient jdbc;
	private final org.springframework.transaction.support.TransactionTemplate tx;
	private final ZoneId zone;
	private final int exactDays;
	private final int keep;
	private final boolean scheduled;

	Rollups(JdbcClient jdbc, org.springframework.transaction.support.TransactionTemplate tx, @Value("${luister.analytics.zone:Europe/Amsterdam}") ZoneId zone,
			@Value("${luister.analytics.exact-days:7}") int exactDays, @Value("${luister.analytics.keep-per-day:200}") int keep,
			@Value("${luister.analytics.rollups.scheduled:true}") boolean scheduled) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.zone = zone;
		this.exactDays = exactDays;
		this.keep = keep;
		this.scheduled = scheduled;
	}

	/** The zone whose days the day rollups count. */
	public ZoneId zone() {
		return zone;
	}

	/** The site of a URL as the rollups and insights name it: the lower-case host without {@code www.}; null when none. */
	public static String site(String url) {
		if (url == null) return null;
		Matcher m = HOST.matcher(url);
		if (!m.find()) return null;
		String host = m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
		return host.isEmpty() ? null : host;
	}

	/** Counts a batch of stored mentions. Call inside the transaction that stores them. */
	public void add(List<Fact> facts) {
		if (facts.isEmpty()) return;
		Map<List<Object>, long[]> hours = new HashMap<>();
		Map<List<Object>, long[]> days = new HashMap<>();
		Map<List<Object>, long[]> sites = new HashMap<>();
		Map<List<Object>, long[]> authors = new HashMap<>();
		Map<List<Object>, long[]> fiveMinutes = new HashMap<>();
		for (Fact f : facts) {
			long hour = f.publishedAt().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
			long five = Math.floorDiv(f.publishedAt().getEpochSecond(), FIVE_MINUTES) * FIVE_MINUTES;
			String day = LocalDate.ofInstant(f.publishedAt(), zone).toString();
			String lang = f.language() == null || f.language().isBlank() ? "und" : f.language();
			String site = site(f.url());
			int neg = "NEGATIVE".equals(f.sentiment()) ? 1 : 0;
			int neu = "NEUTRAL".equals(f.sentiment()) ? 1 : 0;
			int pos = "POSITIVE".equals(f.sentiment()) ? 1 : 0;
			int complaint = f.complaint() ? 1 : 0;
			List<Long> topics = new ArrayList<>(f.topics().size() + 1);
			topics.add(ALL);
			topics.addAll(f.topics());
			for (long topic : topics) {
				if (topic != ALL) count(fiveMinutes, List.of(topic, five), neg, neu, pos, complaint);
				count(hours, List.of(topic, hour, f.channel(), lang), neg, neu, pos, complaint);
				count(days, List.of(topic, day, f.channel(), lang), neg, neu, pos, complaint);
				if (site != null) count(sites, List.of(topic, day, site), neg, 0, pos, 0);
				if (f.authorHandle() != null && !f.authorHandle().isBlank()) {
					long[] a = count(authors, List.of(topic, day, f.channel(), f.authorHandle()), neg, 0, pos, 0);
					if (f.followers() != null) a[5] = Math.max(a[5], f.followers());
				}
			}
		}
		upsertCounts("rollup_hour", "bucket", "to_timestamp(k)", sorted(hours), true);
		upsertCounts("rollup_day", "day", "k::date", sorted(days), false);
		upsertSites(sorted(sites));
		upsertAuthors(sorted(authors));
		upsertFiveMinutes(sorted(fiveMinutes));
	}

	/** Seconds in a bucket of {@code rollup_5m}, the spike watch's series. */
	public static final long FIVE_MINUTES = 300;

	private void upsertFiveMinutes(List<Map.Entry<List<Object>, long[]>> rows) {
		if (rows.isEmpty()) return;
		int n = rows.size();
		long[] topic = new long[n], bucket = new long[n];
		int[] mentions = new int[n], negative = new int[n];
		for (int i = 0; i < n; i++) {
			List<Object> k = rows.get(i).getKey();
			long[] c = rows.get(i).getValue();
			topic[i] = (Long) k.get(0);
			bucket[i] = (Long) k.get(1);
			mentions[i] = (int) c[0];
			negative[i] = (int) c[1];
		}
		jdbc.sql("""
				insert into rollup_5m (topic_id, bucket, mentions, negative)
				select t, to_timestamp(b), m, g from unnest(?::bigint[], ?::bigint[], ?::int[], ?::int[]) as u(t, b, m, g)
				on conflict (topic_id, bucket) do update set mentions = rollup_5m.mentions + excluded.mentions,
				  negative = rollup_5m.negative + excluded.negative""")
			.params(topic, bucket, mentions, negative)
			.update();
	}

	private static long[] count(Map<List<Object>, long[]> map, List<Object> key, int neg, int neu, int pos, int complaint) {
		long[] c = map.computeIfAbsent(key, k -> new long[6]);
		c[0]++;
		c[1] += neg;
		c[2] += neu;
		c[3] += pos;
		c[4] += complaint;
		return c;
	}

	private static List<Map.Entry<List<Object>, long[]>> sorted(Map<List<Object>, long[]> map) {
		// the key's text is made once per row, not once per comparison: this runs for every pipeline batch
		List<Map.Entry<String, Map.Entry<List<Object>, long[]>>> keyed = new ArrayList<>(map.size());
		for (var e : map.entrySet()) keyed.add(Map.entry(e.getKey().toString(), e));
		keyed.sort(Map.Entry.comparingByKey());
		List<Map.Entry<List<Object>, long[]>> out = new ArrayList<>(keyed.size());
		for (var k : keyed) out.add(k.getValue());
		return out;
	}

	private void upsertCounts(String table, String timeColumn, String timeCast, List<Map.Entry<List<Object>, long[]>> rows, boolean epoch) {
		int n = rows.size();
		long[] topic = new long[n];
		String[] time = new String[n];
		String[] channel = new String[n];
		String[] language = new String[n];
		int[][] c = new int[5][n];
		for (int i = 0; i < n; i++) {
			List<Object> k = rows.get(i).getKey();
			long[] v = rows.get(i).getValue();
			topic[i] = (Long) k.get(0);
			time[i] = String.valueOf(k.get(1));
			channel[i] = (String) k.get(2);
			language[i] = (String) k.get(3);
			for (int j = 0; j < 5; j++) c[j][i] = (int) v[j];
		}
		String t = epoch ? "to_timestamp(x.k::bigint)" : "x.k::date";
		jdbc.sql("""
				insert into %1$s as r (topic_id, %2$s, channel, language, mentions, negative, neutral, positive, complaints)
				select x.t, %3$s, x.c, x.l, x.m, x.ng, x.nu, x.p, x.cp
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
				  as x(t, k, c, l, m, ng, nu, p, cp)
				on conflict (topic_id, %2$s, channel, language) do update set mentions = r.mentions + excluded.mentions,
				  negative = r.negative + excluded.negative, neutral = r.neutral + excluded.neutral,
				  positive = r.positive + excluded.positive, complaints = r.complaints + excluded.complaints"""
			.formatted(table, timeColumn, t))
			.params(topic, time, channel, language, c[0], c[1], c[2], c[3], c[4])
			.update();
	}

	private void upsertSites(List<Map.Entry<List<Object>, long[]>> rows) {
		if (rows.isEmpty()) return;
		int n = rows.size();
		long[] topic = new long[n];
		String[] day = new String[n];
		String[] site = new String[n];
		int[] m = new int[n], neg = new int[n], pos = new int[n];
		for (int i = 0; i < n; i++) {
			List<Object> k = rows.get(i).getKey();
			long[] v = rows.get(i).getValue();
			topic[i] = (Long) k.get(0);
			day[i] = (String) k.get(1);
			site[i] = (String) k.get(2);
			m[i] = (int) v[0];
			neg[i] = (int) v[1];
			pos[i] = (int) v[3];
		}
		jdbc.sql("""
				insert into rollup_site_day as r (topic_id, day, site, mentions, negative, positive)
				select x.t, x.d::date, x.s, x.m, x.ng, x.p from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[]) as x(t, d, s, m, ng, p)
				on conflict (topic_id, day, site) do update set mentions = r.mentions + excluded.mentions,
				  negative = r.negative + excluded.negative, positive = r.positive + excluded.positive""")
			.params(topic, day, site, m, neg, pos)
			.update();
	}

	private void upsertAuthors(List<Map.Entry<List<Object>, long[]>> rows) {
		if (rows.isEmpty()) return;
		int n = rows.size();
		long[] topic = new long[n];
		String[] day = new String[n];
		String[] channel = new String[n];
		String[] handle = new String[n];
		int[] m = new int[n], neg = new int[n], pos = new int[n];
		Integer[] followers = new Integer[n];
		for (int i = 0; i < n; i++) {
			List<Object> k = rows.get(i).getKey();
			long[] v = rows.get(i).getValue();
			topic[i] = (Long) k.get(0);
			day[i] = (String) k.get(1);
			channel[i] = (String) k.get(2);
			handle[i] = (String) k.get(3);
			m[i] = (int) v[0];
			neg[i] = (int) v[1];
			pos[i] = (int) v[3];
			followers[i] = v[5] > 0 ? (int) Math.min(v[5], Integer.MAX_VALUE) : null;
		}
		jdbc.sql("""
				insert into rollup_author_day as r (topic_id, day, channel, handle, mentions, negative, positive, followers)
				select x.t, x.d::date, x.c, x.h, x.m, x.ng, x.p, x.f
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[]) as x(t, d, c, h, m, ng, p, f)
				on conflict (topic_id, day, channel, handle) do update set mentions = r.mentions + excluded.mentions,
				  negative = r.negative + excluded.negative, positive = r.positive + excluded.positive,
				  followers = greatest(r.followers, excluded.followers)""")
			.params(topic, day, channel, handle, m, neg, pos, followers)
			.update();
	}

	/**
	 * Keeps, for each topic and day from {@code from} to {@code to}, only the {@code keep} sites and the {@code keep}
	 * authors with the most mentions: what makes lists over long periods fast. Sites and authors below a day's top are
	 * then left out of lists that reach back to that day (an author needs to be among a day's top to count for it).
	 * Returns the rows removed. Run nightly for the days that have just passed the exact window (see docs/dashboards.md).
	 */
	@Transactional
	public long compact(LocalDate from, LocalDate to, int keep) {
		long removed = 0;
		for (String[] t : new String[][] { { "rollup_site_day", "site" }, { "rollup_author_day", "channel, handle" } })
			removed += jdbc.sql("""
					delete from %1$s r using (
					  select topic_id, day, %2$s, row_number() over (partition by topic_id, day order by mentions desc, %2$s) as rank
					  from %1$s where day between ? and ?) x
					where x.rank > ? and r.topic_id = x.topic_id and r.day = x.day and (%3$s) = (%4$s)""".formatted(t[0], t[1],
					prefixed("r", t[1]), prefixed("x", t[1])))
				.params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), keep)
				.update();
		return removed;
	}

	private static String prefixed(String alias, String columns) {
		return java.util.Arrays.stream(columns.split(",\\s*")).map(c -> alias + "." + c).collect(java.util.stream.Collectors.joining(", "));
	}

	/** An erased person's handles leave the author rollups (their mentions stay counted, without a name). */
	@org.springframework.context.event.EventListener
	void personErased(nl.luister.customer.PersonErased erased) {
		for (var a : erased.handles())
			jdbc.sql("delete from rollup_author_day where channel = ? and lower(handle) = lower(?)").params(a.channel(), a.handle()).update();
	}

	/** Retention: author names of days wholly before the cutoff go (the counts stay). */
	@org.springframework.context.event.EventListener
	void retentionApplied(nl.luister.customer.RetentionApplied applied) {
		jdbc.sql("delete from rollup_author_day where day < ?").param(java.sql.Date.valueOf(LocalDate.ofInstant(applied.cutoff(), zone))).update();
	}

	/** A backfill tagged old mentions with a topic: recount the days it reached. */
	@org.springframework.context.event.EventListener
	void backfillEnded(nl.luister.monitor.backfill.BackfillEnded ended) {
		if (ended.since() == null) return;
		try {
			rebuild(LocalDate.ofInstant(ended.since(), zone), LocalDate.now(zone));
		}
		catch (RuntimeException e) {
			// the backfill itself succeeded: its counts come right at the next recount of those days
			log.error("Recounting the rollups after backfill {} failed", ended.jobId(), e);
		}
	}

	@org.springframework.scheduling.annotation.Scheduled(cron = "${luister.analytics.compact-nightly:0 15 3 * * *}", zone = "${luister.analytics.zone:Europe/Amsterdam}")
	void compactNightly() {
		if (!scheduled) return;
		LocalDate today = LocalDate.now(zone);
		compact(today.minusDays(exactDays + 30), today.minusDays(exactDays + 1), keep);
		// the spike watch looks back eight days
		jdbc.sql("delete from rollup_5m where bucket < ?").param(Timestamp.from(today.minusDays(10).atStartOfDay(zone).toInstant())).update();
	}

	/**
	 * Recounts the days {@code from} to {@code to} (inclusive, days of the workspace zone) from the stored mentions:
	 * deletes their rollup rows and counts again, in one transaction. Returns the number of mentions counted.
	 */
	public long rebuild(LocalDate from, LocalDate to) {
		Long counted = tx.execute(status -> recount(from, to));
		return counted == null ? 0 : counted;
	}

	private long recount(LocalDate from, LocalDate to) {
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		String z = zone.getId();
		// the pipeline's upserts wait until the recount is done: nothing is counted twice or lost
		jdbc.sql("lock table rollup_hour, rollup_day, rollup_site_day, rollup_author_day, rollup_5m in exclusive mode").update();
		jdbc.sql("delete from rollup_hour where bucket >= date_trunc('hour', ?::timestamptz) and bucket < ?").params(start, end).update();
		jdbc.sql("delete from rollup_5m where bucket >= ? and bucket < ?").params(start, end).update();
		for (String table : List.of("rollup_day", "rollup_site_day", "rollup_author_day"))
			jdbc.sql("delete from " + table + " where day between ? and ?").params(from, to).update();
		String facts = """
				from mentions m cross join lateral (select 0::bigint as topic_id union all
				  select mt.topic_id from mention_topics mt where mt.mention_id = m.id) t
				where m.published_at >= ? and m.published_at < ?""";
		String counts = """
				count(*), count(*) filter (where m.sentiment = 'NEGATIVE'), count(*) filter (where m.sentiment = 'NEUTRAL'),
				count(*) filter (where m.sentiment = 'POSITIVE'), count(*) filter (where m.complaint >= 0.5)""";
		// an hour that straddles the start of the range is recounted whole
		jdbc.sql("""
				insert into rollup_hour (bucket, topic_id, channel, language, mentions, negative, neutral, positive, complaints)
				select date_trunc('hour', m.published_at), t.topic_id, m.channel, coalesce(nullif(m.language, ''), 'und'), %s
				%s group by 1, 2, 3, 4""".formatted(counts, facts))
			.params(Timestamp.from(start.toInstant().truncatedTo(ChronoUnit.HOURS)), end).update();
		jdbc.sql("""
				insert into rollup_5m (topic_id, bucket, mentions, negative)
				select mt.topic_id, to_timestamp(floor(extract(epoch from m.published_at) / 300) * 300), count(*),
				       count(*) filter (where m.sentiment = 'NEGATIVE')
				from mentions m join mention_topics mt on mt.mention_id = m.id
				where m.published_at >= ? and m.published_at < ? group by 1, 2""")
			.params(start, end).update();
		jdbc.sql("""
				insert into rollup_day (day, topic_id, channel, language, mentions, negative, neutral, positive, complaints)
				select (m.published_at at time zone '%s')::date, t.topic_id, m.channel, coalesce(nullif(m.language, ''), 'und'), %s
				%s group by 1, 2, 3, 4""".formatted(z, counts, facts))
			.params(start, end).update();
		jdbc.sql("""
				insert into rollup_site_day (day, topic_id, site, mentions, negative, positive)
				select (m.published_at at time zone '%s')::date, t.topic_id, s.site, count(*),
				       count(*) filter (where m.sentiment = 'NEGATIVE'), count(*) filter (where m.sentiment = 'POSITIVE')
				from mentions m
				cross join lateral (select %s as site) s
				cross join lateral (select 0::bigint as topic_id union all select mt.topic_id from mention_topics mt where mt.mention_id = m.id) t
				where m.published_at >= ? and m.published_at < ? and s.site is not null
				group by 1, 2, 3""".formatted(z, SITE_OF_URL))
			.params(start, end).update();
		jdbc.sql("""
				insert into rollup_author_day (day, topic_id, channel, handle, mentions, negative, positive, followers)
				select (m.published_at at time zone '%s')::date, t.topic_id, m.channel, m.author_handle, count(*),
				       count(*) filter (where m.sentiment = 'NEGATIVE'), count(*) filter (where m.sentiment = 'POSITIVE'),
				       max(m.author_followers)
				%s and m.author_handle is not null and m.author_handle <> '' group by 1, 2, 3, 4""".formatted(z, facts))
			.params(start, end).update();
		return jdbc.sql("select count(*) from mentions where published_at >= ? and published_at < ?").params(start, end).query(Long.class).single();
	}
}
