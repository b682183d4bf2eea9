package nl.luister.analytics.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.luister.analytics.rollup.CaseRollups;
import nl.luister.analytics.rollup.Rollups;

/**
 * The figures behind the dashboards, for a {@link Period}: volume and sentiment of a topic (or of every mention),
 * mentions per topic (share of voice over time), where a topic is talked about with the sentiment there, and the
 * webcare figures (first response, resolution, share answered per channel, replies per agent and team, backlog over time).
 * Mention figures read only the rollups, never the mentions; webcare figures read the case rollups, or for hour
 * buckets (periods of a day or two) the cases and replies themselves. Read-only and thread-safe.
 */
@Service
public class Dashboards {

	private final JdbcClient jdbc;
	private final Rollups rollups;

	Dashboards(JdbcClient jdbc, Rollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
	}

	/** The zone whose calendar the buckets follow. */
	public ZoneId zone() {
		return rollups.zone();
	}

	/** Which mentions: one topic (or {@code null}: all), optionally one channel and one language. */
	public record Filter(Long topicId, String channel, String language) {

		public static Filter all() {
			return new Filter(null, null, null);
		}
	}

	/** Mentions, negative, neutral, positive and complaints per bucket. */
	public Series volume(Filter filter, Period period) {
		Series s = Series.empty("mentions", period.starts(), "mentions", "negative", "neutral", "positive", "complaints");
		StringBuilder where = new StringBuilder(" where topic_id = :topic");
		Map<String, Object> params = new HashMap<>();
		params.put("topic", filter.topicId() == null ? Rollups.ALL : filter.topicId());
		if (filter.channel() != null) {
			where.append(" and channel = :channel");
			params.put("channel", filter.channel());
		}
		if (filter.language() != null) {
			where.append(" and language = :language");
			params.put("language", filter.language());
		}
		String sums = "sum(mentions), sum(negative), sum(neutral), sum(positive), sum(complaints)";
		read(period, where.toString(), params, sums, (i, rs) -> {
			int c = 2;
			for (double[] v : s.values().values()) v[i] += rs.getLong(c++);
		});
		return s;
	}

	/** Mentions per bucket of each topic, named by the topic: share of voice over time. */
	public Series topics(Map<Long, String> topics, Period period) {
		Series s = Series.empty("mentions", period.starts(), topics.values().toArray(String[]::new));
		for (var t : topics.entrySet()) {
			double[] v = s.values().get(t.getValue());
			read(period, " where topic_id = :topic", Map.of("topic", t.getKey()), "sum(mentions)", (i, rs) -> v[i] += rs.getLong(2));
		}
		return s;
	}

	/** A site or author where a topic is talked about, with its share of negative and positive mentions. */
	public record Place(String name, String channel, long mentions, double negativeShare, double positiveShare, Long followers) {
	}

	/** Top sites of a topic in the period. */
	public List<Place> sites(long topicId, Period period, int limit) {
		return jdbc.sql("""
				select site, sum(mentions) as n, sum(negative) as neg, sum(positive) as pos from rollup_site_day
				where topic_id = ? and day >= ? and day < ? group by site order by n desc, site limit ?""")
			.params(topicId, Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()), limit)
			.query((rs, n) -> place(rs.getString("site"), null, rs.getLong("n"), rs.getLong("neg"), rs.getLong("pos"), null))
			.list();
	}

	/** Top authors of a topic in the period. */
	public List<Place> authors(long topicId, Period period, int limit) {
		return jdbc.sql("""
				select handle, channel, sum(mentions) as n, sum(negative) as neg, sum(positive) as pos, max(followers) as f
				from rollup_author_day where topic_id = ? and day >= ? and day < ?
				group by handle, channel order by n desc, f desc nulls last, handle limit ?""")
			.params(topicId, Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()), limit)
			.query((rs, n) -> {
				long f = rs.getLong("f");
				Long followers = rs.wasNull() ? null : f;
				return place(rs.getString("handle"), rs.getString("channel"), rs.getLong("n"), rs.getLong("neg"), rs.getLong("pos"), followers);
			})
			.list();
	}

	private static Place place(String name, String channel, long n, long neg, long pos, Long followers) {
		return new Place(name, channel, n, n == 0 ? 0 : (double) neg / n, n == 0 ? 0 : (double) pos / n, followers);
	}

	/** Webcare figures of one channel (or all: {@code channel} null). Times in minutes; NaN when nothing to measure. */
	public record ChannelFigures(String channel, long cases, long answered, double answeredShare, double firstResponseAvg,
			double firstResponseMedian, long resolved, double resolutionAvg, double resolutionMedian) {
	}

	/**
	 * The webcare figures of the period: per channel and in total (channel {@code null}, listed first). Hour periods are
	 * counted from the cases themselves (exact medians); longer ones from the day rollups (medians within their bin).
	 */
	public List<ChannelFigures> webcare(Period period) {
		if (period.bucket() != Period.Bucket.HOUR) return webcareFromRollups(period);
		return webcareFromCases(period);
	}

	private List<ChannelFigures> webcareFromRollups(Period period) {
		record Sums(long opened, long answered, double fr, int[] frHist, long resolved, double res, int[] resHist) {
		}
		Map<String, Sums> by = new java.util.TreeMap<>();
		int bins = CaseRollups.BINS.length + 1;
		jdbc.sql("""
				select channel, opened, answered, first_response_min, first_response_hist, resolved, resolution_min, resolution_hist
				from rollup_case_day where day >= ? and day < ?""")
			.params(Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()))
			.query(rs -> {
				Integer[] fh = (Integer[]) rs.getArray("first_response_hist").getArray();
				Integer[] rh = (Integer[]) rs.getArray("resolution_hist").getArray();
				for (String key : new String[] { "", rs.getString("channel") }) {
					Sums old = by.getOrDefault(key, new Sums(0, 0, 0, new int[bins], 0, 0, new int[bins]));
					for (int i = 0; i < bins; i++) {
						old.frHist()[i] += fh[i];
						old.resHist()[i] += rh[i];
					}
					by.put(key, new Sums(old.opened() + rs.getLong("opened"), old.answered() + rs.getLong("answered"),
							old.fr() + rs.getDouble("first_response_min"), old.frHist(), old.resolved() + rs.getLong("resolved"),
							old.res() + rs.getDouble("resolution_min"), old.resHist()));
				}
			});
		List<ChannelFigures> out = new ArrayList<>();
		if (by.isEmpty()) out.add(new ChannelFigures(null, 0, 0, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN));
		for (var e : by.entrySet()) {
			Sums x = e.getValue();
			out.add(new ChannelFigures(e.getKey().isEmpty() ? null : e.getKey(), x.opened(), x.answered(),
					x.opened() == 0 ? Double.NaN : (double) x.answered() / x.opened(), x.answered() == 0 ? Double.NaN : x.fr() / x.answered(),
					CaseRollups.median(x.frHist()), x.resolved(), x.resolved() == 0 ? Double.NaN : x.res() / x.resolved(),
					CaseRollups.median(x.resHist())));
		}
		return out;
	}

	private List<ChannelFigures> webcareFromCases(Period period) {
		Timestamp from = Timestamp.from(period.from());
		Timestamp to = Timestamp.from(period.to());
		Map<String, ChannelFigures> out = new LinkedHashMap<>();
		record First(String channel, long cases, long answered, double avg, double median) {
		}
		List<First> firsts = jdbc.sql("""
				select c.channel, count(*) as cases, count(r.first) as answered,
				       avg(extract(epoch from r.first - c.opened_at)) / 60 as avg,
				       percentile_cont(0.5) within group (order by extract(epoch from r.first - c.opened_at)) / 60 as median
				from cases c
				{first_response}
				where c.opened_at >= ? and c.opened_at < ?
				group by grouping sets ((c.channel), ()) order by c.channel nulls first""".replace("{first_response}", CaseRollups.FIRST_RESPONSE))
			.params(from, to)
			.query((rs, n) -> new First(rs.getString("channel"), rs.getLong("cases"), rs.getLong("answered"), number(rs.getObject("avg")),
					number(rs.getObject("median"))))
			.list();
		record Resolution(String channel, long resolved, double avg, double median) {
		}
		Map<String, Resolution> resolutions = new HashMap<>();
		jdbc.sql("""
				select channel, count(*) as n, avg(extract(epoch from resolved_at - opened_at)) / 60 as avg,
				       percentile_cont(0.5) within group (order by extract(epoch from resolved_at - opened_at)) / 60 as median
				from cases where resolved_at >= ? and resolved_at < ? group by grouping sets ((channel), ())""")
			.params(from, to)
			.query((rs, n) -> resolutions.put(String.valueOf(rs.getString("channel")),
					new Resolution(rs.getString("channel"), rs.getLong("n"), number(rs.getObject("avg")), number(rs.getObject("median")))))
			.list();
		if (firsts.isEmpty()) firsts = List.of(new First(null, 0, 0, Double.NaN, Double.NaN));
		for (First f : firsts) {
			Resolution r = resolutions.getOrDefault(String.valueOf(f.channel()), new Resolution(f.channel(), 0, Double.NaN, Double.NaN));
			out.put(String.valueOf(f.channel()), new ChannelFigures(f.channel(), f.cases(), f.answered(),
					f.cases() == 0 ? Double.NaN : (double) f.answered() / f.cases(), f.avg(), f.median(), r.resolved(), r.avg(), r.median()));
		}
		for (Resolution r : resolutions.values())
			out.putIfAbsent(String.valueOf(r.channel()), new ChannelFigures(r.channel(), 0, 0, Double.NaN, Double.NaN, Double.NaN,
					r.resolved(), r.avg(), r.median()));
		return new ArrayList<>(out.values());
	}

	/** Replies sent per agent in the period (a deleted agent's replies count as theirs, named by their former id). */
	public record AgentFigures(String agent, long replies) {
	}

	public List<AgentFigures> agents(Period period) {
		if (period.bucket() != Period.Bucket.HOUR)
			return jdbc.sql("select agent, sum(replies) as n from rollup_agent_day where day >= ? and day < ? group by agent order by n desc, agent")
				.params(Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()))
				.query((rs, n) -> new AgentFigures(rs.getString("agent"), rs.getLong("n")))
				.list();
		return jdbc.sql("""
				select coalesce(u.display_name, u.username, '#' || r.author_id, '—') as agent, count(*) as n
				from replies r left join users u on u.id = r.author_id
				where r.created_at >= ? and r.created_at < ? and r.state in ('SENT', 'ANSWERED_ON_SITE')
				group by 1 order by n desc, agent""")
			.params(Timestamp.from(period.from()), Timestamp.from(period.to()))
			.query((rs, n) -> new AgentFigures(rs.getString("agent"), rs.getLong("n")))
			.list();
	}

	/** Replies sent on the cases of a team and its cases resolved in the period; {@code team} is empty for cases without a team. */
	public record TeamFigures(String team, long replies, long resolved) {
	}

	/** Per team, most replies first (from the day rollup; hour periods counted from replies and cases directly). */
	public List<TeamFigures> teams(Period period) {
		if (period.bucket() != Period.Bucket.HOUR)
			return jdbc.sql("""
					select team, sum(replies) as r, sum(resolved) as s from rollup_team_day where day >= ? and day < ?
					group by team order by r desc, s desc, team""")
				.params(Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()))
				.query((rs, n) -> new TeamFigures(rs.getString("team"), rs.getLong("r"), rs.getLong("s")))
				.list();
		Timestamp from = Timestamp.from(period.from()), to = Timestamp.from(period.to());
		return jdbc.sql("""
				select team, sum(replies) as r, sum(resolved) as s from (
				  select coalesce(t.name, '') as team, count(*) as replies, 0 as resolved
				  from replies r join cases c on c.id = r.case_id left join teams t on t.id = c.team_id
				  where r.created_at >= ? and r.created_at < ? and r.state in ('SENT', 'ANSWERED_ON_SITE') group by 1
				  union all
				  select coalesce(t.name, ''), 0, count(*) from cases c left join teams t on t.id = c.team_id
				  where c.resolved_at >= ? and c.resolved_at < ? group by 1) x
				group by team order by r desc, s desc, team""")
			.params(from, to, from, to)
			.query((rs, n) -> new TeamFigures(rs.getString("team"), rs.getLong("r"), rs.getLong("s")))
			.list();
	}

	/**
	 * Cases open at the end of each bucket, cases opened and resolved in it, and the average first response (minutes)
	 * of the cases opened in it. The open count is taken now and walked back bucket by bucket, so it never needs
	 * to read the whole history of cases.
	 */
	public Series backlog(Period period) {
		List<Instant> starts = period.starts();
		Series s = Series.empty("cases", starts, "open", "opened", "resolved", "firstResponse");
		double[] opened = s.values().get("opened");
		double[] resolved = s.values().get("resolved");
		double[] first = s.values().get("firstResponse");
		if (period.bucket() == Period.Bucket.HOUR) {
			Map<Instant, Integer> index = new HashMap<>();
			for (int i = 0; i < starts.size(); i++) index.put(starts.get(i), i);
			Timestamp from = Timestamp.from(period.from());
			Timestamp to = Timestamp.from(period.to());
			jdbc.sql("""
					select date_trunc('hour', c.opened_at) as b, count(*) as n, avg(extract(epoch from r.first - c.opened_at)) / 60 as avg from cases c
					{first_response}
					where c.opened_at >= ? and c.opened_at < ? group by 1""".replace("{first_response}", CaseRollups.FIRST_RESPONSE))
				.params(from, to)
				.query(rs -> {
					Integer i = index.get(rs.getTimestamp("b").toInstant());
					if (i == null) return;
					opened[i] = rs.getLong("n");
					first[i] = number(rs.getObject("avg"));
				});
			jdbc.sql("select date_trunc('hour', resolved_at) as b, count(*) as n from cases where resolved_at >= ? and resolved_at < ? group by 1")
				.params(from, to)
				.query(rs -> {
					Integer i = index.get(rs.getTimestamp("b").toInstant());
					if (i != null) resolved[i] = rs.getLong("n");
				});
		}
		else {
			Map<LocalDate, Integer> index = new HashMap<>();
			for (int i = 0; i < starts.size(); i++) index.put(LocalDate.ofInstant(starts.get(i), period.zone()), i);
			double[] answered = new double[starts.size()];
			jdbc.sql("""
					select date_trunc('%s', day)::date as b, sum(opened) as o, sum(resolved) as r, sum(answered) as a, sum(first_response_min) as f
					from rollup_case_day where day >= ? and day < ? group by 1""".formatted(period.bucket().key()))
				.params(Date.valueOf(period.firstDay()), Date.valueOf(period.endDay()))
				.query(rs -> {
					Integer i = index.get(rs.getDate("b").toLocalDate());
					if (i == null) return;
					opened[i] = rs.getLong("o");
					resolved[i] = rs.getLong("r");
					answered[i] = rs.getLong("a");
					first[i] = answered[i] == 0 ? Double.NaN : rs.getDouble("f") / answered[i];
				});
		}
		Timestamp to = Timestamp.from(period.to());
		long openNow = jdbc.sql("select count(*) from cases where resolved_at is null").query(Long.class).single();
		long openedSince = jdbc.sql("select count(*) from cases where opened_at >= ?").param(to).query(Long.class).single();
		long resolvedSince = jdbc.sql("select count(*) from cases where resolved_at >= ?").param(to).query(Long.class).single();
		double[] backlog = s.values().get("open");
		double open = openNow - openedSince + resolvedSince;
		for (int i = starts.size() - 1; i >= 0; i--) {
			backlog[i] = Math.max(0, open);
			open = open - opened[i] + resolved[i];
		}
		return s;
	}

	@FunctionalInterface
	private interface Row {
		void accept(int bucket, java.sql.ResultSet rs) throws java.sql.SQLException;
	}

	/** Sums rollup rows into the period's buckets: from the hour rollup for hour buckets, the day rollup otherwise. */
	private void read(Period period, String where, Map<String, Object> params, String sums, Row row) {
		List<Instant> starts = period.starts();
		Map<String, Object> p = new HashMap<>(params);
		if (period.bucket() == Period.Bucket.HOUR) {
			p.put("from", Timestamp.from(period.from()));
			p.put("to", Timestamp.from(period.to()));
			Map<Instant, Integer> index = new HashMap<>();
			for (int i = 0; i < starts.size(); i++) index.put(starts.get(i), i);
			jdbc.sql("select bucket, " + sums + " from rollup_hour" + where + " and bucket >= :from and bucket < :to group by bucket")
				.params(p)
				.query(rs -> {
					Integer i = index.get(rs.getTimestamp(1).toInstant());
					if (i != null) row.accept(i, rs);
				});
			return;
		}
		p.put("from", Date.valueOf(period.firstDay()));
		p.put("to", Date.valueOf(period.endDay()));
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < starts.size(); i++) index.put(LocalDate.ofInstant(starts.get(i), period.zone()), i);
		String unit = period.bucket().key();
		jdbc.sql("select date_trunc('" + unit + "', day)::date as b, " + sums + " from rollup_day" + where
				+ " and day >= :from and day < :to group by 1")
			.params(p)
			.query(rs -> {
				Integer i = index.get(rs.getDate(1).toLocalDate());
				if (i != null) row.accept(i, rs);
			});
	}

	private static double number(Object o) {
		return o instanceof Number n ? n.doubleValue() : Double.NaN;
	}
}
