package nl.luister.analytics.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the webcare rollups (cases opened, answered, first response, resolved, resolution per day and channel; replies
 * per agent and day; replies and resolved cases per team and day) by recounting days from cases and replies: the last {@code luister.analytics.case-rollup-days}
 * (35) days every minute, a year at start and every night. A case is counted on the day it opened (its first
 * response too) and on the day it was resolved. Recounting whole days keeps reopened and re-assigned cases right
 * without tracking every change; the cost is one grouped query over a few weeks of cases.
 */
@Component
public class CaseRollups {

	/** Upper edges, in minutes, of the histogram bins of response and resolution times; the last bin is open. */
	public static final double[] BINS = { 1, 2, 5, 10, 15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080 };
	private static final Logger log = LoggerFactory.getLogger(CaseRollups.class);

	/**
	 * SQL joining each case {@code c} to the time of its first response {@code r.first}: the first reply sent, answered
	 * on the site or posted by an owned account outside Luister.
	 */
	public static final String FIRST_RESPONSE = """
			left join lateral (select min(coalesce(x.sent_at, x.created_at)) as first from replies x
			                   where x.case_id = c.id and x.state in ('SENT', 'ANSWERED_ON_SITE', 'POSTED_OUTSIDE')) r on true""";

	private final JdbcClient jdbc;
	private final ZoneId zone;
	private final int recentDays;
	private final boolean enabled;
	private final ApplicationEventPublisher events;

	CaseRollups(JdbcClient jdbc, @Value("${luister.analytics.zone:Europe/Amsterdam}") ZoneId zone,
			@Value("${luister.analytics.case-rollup-days:35}") int recentDays, @Value("${luister.analytics.rollups.scheduled:true}") boolean enabled,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.zone = zone;
		this.recentDays = recentDays;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${luister.analytics.case-rollup-tick:PT1M}", initialDelayString = "PT1M")
	void recent() {
		if (!enabled) return;
		LocalDate today = LocalDate.now(zone);
		refresh(today.minusDays(recentDays), today);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${luister.analytics.case-rollup-nightly:0 30 3 * * *}", zone = "${luister.analytics.zone:Europe/Amsterdam}")
	void year() {
		if (!enabled) return;
		LocalDate today = LocalDate.now(zone);
		try {
			refresh(today.minusDays(400), today);
		}
		catch (RuntimeException e) {
			log.error("Recounting the webcare rollups failed; the next run tries again", e);
		}
	}

	/** Recounts the days {@code from} to {@code to} inclusive and announces it ({@link CaseRollupsRecounted}). */
	@Transactional
	public void refresh(LocalDate from, LocalDate to) {
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		String z = zone.getId();
		jdbc.sql("delete from rollup_case_day where day between ? and ?").params(Date.valueOf(from), Date.valueOf(to)).update();
		jdbc.sql("delete from rollup_agent_day where day between ? and ?").params(Date.valueOf(from), Date.valueOf(to)).update();
		jdbc.sql("delete from rollup_team_day where day between ? and ?").params(Date.valueOf(from), Date.valueOf(to)).update();
		jdbc.sql("""
				with first as (
				  select c.id, c.channel, (c.opened_at at time zone '%1$s')::date as day,
				         extract(epoch from r.first - c.opened_at) / 60 as minutes
				  from cases c
				  {first_response}
				  where c.opened_at >= ? and c.opened_at < ?),
				opened as (
				  select day, channel, count(*) as opened, count(minutes) as answered, coalesce(sum(greatest(minutes, 0)), 0) as fr_sum,
				         %2$s as fr_hist
				  from first group by day, channel),
				res as (
				  select (resolved_at at time zone '%1$s')::date as day, channel, count(*) as resolved,
				         sum(greatest(extract(epoch from resolved_at - opened_at) / 60, 0)) as res_sum,
				         %3$s as res_hist
				  from cases where resolved_at >= ? and resolved_at < ? group by 1, 2)
				insert into rollup_case_day (day, channel, opened, answered, first_response_min, first_response_hist, resolved, resolution_min, resolution_hist)
				select coalesce(o.day, r.day), coalesce(o.channel, r.channel), coalesce(o.opened, 0), coalesce(o.answered, 0), coalesce(o.fr_sum, 0),
				       coalesce(o.fr_hist, array_fill(0, array[%4$d])), coalesce(r.resolved, 0), coalesce(r.res_sum, 0),
				       coalesce(r.res_hist, array_fill(0, array[%4$d]))
				from opened o full join res r on r.day = o.day and r.channel = o.channel""".replace("{first_response}", FIRST_RESPONSE)
			.formatted(z, histogram("minutes"), histogram("extract(epoch from resolved_at - opened_at) / 60"), BINS.length + 1))
			.params(start, end, start, end)
			.update();
		jdbc.sql("""
				insert into rollup_agent_day (day, agent, replies)
				select (r.created_at at time zone '%s')::date, coalesce(u.display_name, u.username, '#' || r.author_id, '—'), count(*)
				from replies r left join users u on u.id = r.author_id
				where r.created_at >= ? and r.created_at < ? and r.state in ('SENT', 'ANSWERED_ON_SITE')
				group by 1, 2""".formatted(z))
			.params(start, end)
			.update();
		jdbc.sql("""
				insert into rollup_team_day (day, team, replies, resolved)
				select day, team, sum(replies), sum(resolved) from (
				  select (r.created_at at time zone '%1$s')::date as day, coalesce(t.name, '') as team, count(*) as replies, 0 as resolved
				  from replies r join cases c on c.id = r.case_id left join teams t on t.id = c.team_id
				  where r.created_at >= ? and r.created_at < ? and r.state in ('SENT', 'ANSWERED_ON_SITE')
				  group by 1, 2
				  union all
				  select (c.resolved_at at time zone '%1$s')::date, coalesce(t.name, ''), 0, count(*)
				  from cases c left join teams t on t.id = c.team_id
				  where c.resolved_at >= ? and c.resolved_at < ?
				  group by 1, 2) x
				group by day, team""".formatted(z))
			.params(start, end, start, end)
			.update();
		events.publishEvent(new CaseRollupsRecounted(from, to));
	}

	/** SQL for a histogram of {@code value} over the bins: one count per bin, null values left out. */
	private static String histogram(String value) {
		StringBuilder sb = new StringBuilder("array[");
		for (int i = 0; i <= BINS.length; i++) {
			if (i > 0) sb.append(", ");
			String low = i == 0 ? "-1e300" : Double.toString(BINS[i - 1]);
			String high = i == BINS.length ? "1e300" : Double.toString(BINS[i]);
			sb.append("count(*) filter (where ").append(value).append(" >= ").append(low).append(" and ").append(value).append(" < ").append(high).append(")::int");
		}
		return sb.append("]").toString();
	}

	/** The median of a histogram over {@link #BINS}, interpolated within its bin; NaN when empty. */
	public static double median(int[] histogram) {
		long total = 0;
		for (int c : histogram) total += c;
		if (total == 0) return Double.NaN;
		double half = total / 2.0;
		long seen = 0;
		for (int i = 0; i < histogram.length; i++) {
			if (seen + histogram[i] >= half && histogram[i] > 0) {
				double low = i == 0 ? 0 : BINS[i - 1];
				double high = i < BINS.length ? BINS[i] : BINS[BINS.length - 1] * 2;
				return low + (high - low) * (half - seen) / histogram[i];
			}
			seen += histogram[i];
		}
		return BINS[BINS.length - 1];
	}
}
