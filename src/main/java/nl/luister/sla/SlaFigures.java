package nl.luister.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.luister.analytics.rollup.CaseRollupsRecounted;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * SLA compliance and breach counts for dashboards and reports. First-response compliance counts the cases opened in the
 * period that had a first-response target and whose clock ended (answered, or breached): the share answered within
 * target; resolution compliance the cases resolved in the period with a resolution target: the share resolved without a
 * resolution breach; breaches are counted on the day the check found them. Periods of whole days read the day rollup
 * {@code rollup_sla_day} (recounted for the same days each time the webcare rollups are: {@link CaseRollupsRecounted});
 * other periods count from cases and breaches directly. Thread-safe.
 */
@Component
public class SlaFigures {


	private static final String FIRST = """
			select %1$s, c.channel, count(*) as total,
			       count(*) filter (where not exists (select 1 from sla_breaches b where b.case_id = c.id and b.kind = 'FIRST_RESPONSE')) as met
			from cases c
			where c.opened_at >= :from and c.opened_at < :to and c.sla_first_target is not null
			  and (c.sla_first_done_at is not null or exists (select 1 from sla_breaches b where b.case_id = c.id and b.kind = 'FIRST_RESPONSE'))
			group by 1, 2""";
	private static final String RESOLUTION = """
			select %1$s, c.channel, count(*) as total,
			       count(*) filter (where not exists (select 1 from sla_breaches b where b.case_id = c.id and b.kind = 'RESOLUTION')) as met
			from cases c
			where c.resolved_at >= :from and c.resolved_at < :to and c.sla_res_target is not null
			group by 1, 2""";
	private static final String BREACHES = """
			select %1$s, b.channel, count(*) filter (where b.kind = 'FIRST_RESPONSE') as first,
			       count(*) filter (where b.kind = 'NEXT_RESPONSE') as next, count(*) filter (where b.kind = 'RESOLUTION') as resolution
			from sla_breaches b where b.breached_at >= :from and b.breached_at < :to
			group by 1, 2""";

	private final JdbcClient jdbc;
	private final ZoneId zone;

	SlaFigures(JdbcClient jdbc, @Value("${luister.analytics.zone:Europe/Amsterdam}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/**
	 * The SLA figures of one channel, or of all ({@code channel} null). Shares are NaN when nothing was measured.
	 */
	public record ChannelSla(String channel, long firstTotal, long firstMet, long resolutionTotal, long resolutionMet, long breachesFirst,
			long breachesNext, long breachesResolution) {

		public double firstShare() {
			return firstTotal == 0 ? Double.NaN : (double) firstMet / firstTotal;
		}

		public double resolutionShare() {
			return resolutionTotal == 0 ? Double.NaN : (double) resolutionMet / resolutionTotal;
		}

		public long breaches() {
			return breachesFirst + breachesNext + breachesResolution;
		}

		ChannelSla plus(ChannelSla o) {
			return new ChannelSla(channel, firstTotal + o.firstTotal, firstMet + o.firstMet, resolutionTotal + o.resolutionTotal,
					resolutionMet + o.resolutionMet, breachesFirst + o.breachesFirst, breachesNext + o.breachesNext, breachesResolution + o.breachesResolution);
		}
	}

	/** The figures from {@code from} to {@code to}: the total first (channel null), then each channel by name. */
	public List<ChannelSla> of(Instant from, Instant to) {
		Map<String, ChannelSla> by = new TreeMap<>();
		boolean days = from.equals(LocalDate.ofInstant(from, zone).atStartOfDay(zone).toInstant())
				&& to.equals(LocalDate.ofInstant(to, zone).atStartOfDay(zone).toInstant());
		if (days) {
			jdbc.sql("""
					select channel, sum(first_total) as ft, sum(first_met) as fm, sum(resolution_total) as rt, sum(resolution_met) as rm,
					       sum(breaches_first) as bf, sum(breaches_next) as bn, sum(breaches_resolution) as br
					from rollup_sla_day where day >= ? and day < ? group by channel""")
				.params(Date.valueOf(LocalDate.ofInstant(from, zone)), Date.valueOf(LocalDate.ofInstant(to, zone)))
				.query(rs -> {
					add(by, new ChannelSla(rs.getString("channel"), rs.getLong("ft"), rs.getLong("fm"), rs.getLong("rt"), rs.getLong("rm"),
							rs.getLong("bf"), rs.getLong("bn"), rs.getLong("br")));
				});
		}
		else {
			Map<String, Object> params = Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
			jdbc.sql(FIRST.formatted("0")).params(params)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(by, new ChannelSla(rs.getString("channel"), rs.getLong("total"), rs.getLong("met"), 0, 0, 0, 0, 0)));
			jdbc.sql(RESOLUTION.formatted("0")).params(params)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(by, new ChannelSla(rs.getString("channel"), 0, 0, rs.getLong("total"), rs.getLong("met"), 0, 0, 0)));
			jdbc.sql(BREACHES.formatted("0")).params(params)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> add(by, new ChannelSla(rs.getString("channel"), 0, 0, 0, 0, rs.getLong("first"), rs.getLong("next"), rs.getLong("resolution"))));
		}
		List<ChannelSla> out = new ArrayList<>();
		ChannelSla total = new ChannelSla(null, 0, 0, 0, 0, 0, 0, 0);
		for (ChannelSla c : by.values()) total = total.plus(c);
		out.add(total);
		out.addAll(by.values());
		return out;
	}

	private static void add(Map<String, ChannelSla> by, ChannelSla c) {
		by.merge(c.channel(), c, ChannelSla::plus);
	}

	/**
	 * Recounts the same days as the webcare rollups, on their schedule, in a transaction of its own once theirs has
	 * committed: a failure here leaves theirs in place and is tried again with their next run.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void caseRollupsRecounted(CaseRollupsRecounted recounted) {
		refresh(recounted.from(), recounted.to());
	}

	/** Recounts the days {@code from} to {@code to} inclusive. */
	@Transactional
	public void refresh(LocalDate from, LocalDate to) {
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		String z = zone.getId().replace("'", "");
		jdbc.sql("delete from rollup_sla_day where day between ? and ?").params(Date.valueOf(from), Date.valueOf(to)).update();
		jdbc.sql("""
				with f as (%1$s), r as (%2$s), b as (%3$s),
				keys as (select day, channel from f union select day, channel from r union select day, channel from b)
				insert into rollup_sla_day (day, channel, first_total, first_met, resolution_total, resolution_met, breaches_first, breaches_next,
				  breaches_resolution)
				select k.day, k.channel, coalesce(f.total, 0), coalesce(f.met, 0), coalesce(r.total, 0), coalesce(r.met, 0), coalesce(b.first, 0),
				       coalesce(b.next, 0), coalesce(b.resolution, 0)
				from keys k left join f on f.day = k.day and f.channel = k.channel left join r on r.day = k.day and r.channel = k.channel
				left join b on b.day = k.day and b.channel = k.channel"""
			.formatted(FIRST.formatted("(c.opened_at at time zone '" + z + "')::date as day"),
					RESOLUTION.formatted("(c.resolved_at at time zone '" + z + "')::date as day"),
					BREACHES.formatted("(b.breached_at at time zone '" + z + "')::date as day")))
			.params(Map.of("from", start, "to", end))
			.update();
	}
}
