package nl.luister.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.luister.cases.CaseStatus;
import nl.luister.cases.CasesChanged;
import nl.luister.channel.Channel;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the SLA clocks on the cases (the {@code sla_*} columns of {@code cases}): which policy applies, when each clock
 * is due and when it reaches 80% of its target.
 *
 * <p>Every change to a case is announced as {@link CasesChanged}; the clocks of the cases changed in a transaction are
 * brought up to date once, just before it commits, for all of them together (a pipeline batch of 500 mentions costs
 * two statements plus the policies), so they always agree with the case, its replies and its severity after triage.
 * Without a transaction they are brought up to date at once. The clocks:
 * <ul>
 * <li>first response: from the case's opening (its first customer message) until our first reply that was sent,
 * answered on the site or posted outside Luister;</li>
 * <li>next response: from the first customer message that arrived after our last such reply, until the next one;</li>
 * <li>resolution: from the opening until resolved, paused while pending (waiting on the customer): the business time
 * used is kept when it pauses, and it runs on from there when the case opens again.</li>
 * </ul>
 * A resolved case runs no clock. A clock that stopped after its due time without the scheduled check having seen it
 * (e.g. a reply went out in the same minute) is recorded as a breach then, without notifications: nothing is left to act
 * on. Thread-safe.
 */
@Service
public class SlaClocks {

	private static final String FACTS = """
			select c.id, c.channel, c.severity, c.team_id, c.status, c.opened_at, c.resolved_at, c.sla_first_due, c.sla_next_due, c.sla_res_due,
			       c.sla_res_used, c.sla_res_since, r.first, r.last,
			       (select min(m.ingested_at) from mentions m where m.case_id = c.id and m.ingested_at > r.last) as waiting_since
			from cases c
			left join lateral (select min(coalesce(x.sent_at, x.created_at)) as first, max(coalesce(x.sent_at, x.created_at)) as last
			                   from replies x where x.case_id = c.id and x.state in ('SENT', 'ANSWERED_ON_SITE', 'POSTED_OUTSIDE')) r on true
			where c.id = any(?::bigint[])""";

	private final JdbcClient jdbc;
	private final SlaPolicies policies;

	SlaClocks(JdbcClient jdbc, SlaPolicies policies) {
		this.jdbc = jdbc;
		this.policies = policies;
	}

	@EventListener
	void on(CasesChanged changed) {
		Set<Long> ids = new LinkedHashSet<>(changed.opened());
		ids.addAll(changed.changed());
		if (ids.isEmpty()) return;
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refresh(ids, Instant.now());
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<Long> collected = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, collected);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					TransactionSynchronizationManager.unbindResourceIfPossible(SlaClocks.this);
					refresh(collected, Instant.now());
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(SlaClocks.this);
				}
			});
			pending = collected;
		}
		pending.addAll(ids);
	}

	/** The clocks of all cases that are not resolved, e.g. after a policy or calendar changed; returns how many. */
	public int refreshOpen(Instant now) {
		List<Long> ids = jdbc.sql("select id from cases where status <> 'RESOLVED' order by id").query(Long.class).list();
		for (int i = 0; i < ids.size(); i += 1000) refresh(ids.subList(i, Math.min(ids.size(), i + 1000)), now);
		return ids.size();
	}

	/** Brings the clocks of these cases up to date as of {@code now}; joins the caller's transaction. */
	public void refresh(Collection<Long> caseIds, Instant now) {
		if (caseIds.isEmpty()) return;
		long[] ids = caseIds.stream().mapToLong(Long::longValue).toArray();
		SlaPolicies.Settings settings = policies.settings();
		if (settings.policies().isEmpty()) {
			// no policy: nothing to compute, only clocks of a policy deleted meanwhile to clear
			jdbc.sql("""
					update cases set sla_policy_id = null, sla_first_target = null, sla_first_due = null, sla_first_warn = null,
					  sla_first_done_at = null, sla_next_target = null, sla_next_due = null, sla_next_warn = null, sla_res_target = null,
					  sla_res_used = null, sla_res_since = null, sla_res_due = null, sla_res_warn = null
					where id = any(?) and sla_policy_id is not null""").param(ids).update();
			return;
		}
		List<Facts> facts = jdbc.sql(FACTS).param(ids).query(SlaClocks::facts).list();
		if (facts.isEmpty()) return;
		List<Clocks> out = new ArrayList<>(facts.size());
		List<LateBreach> late = new ArrayList<>();
		for (Facts f : facts) out.add(compute(f, settings, now, late));
		write(out);
		recordLate(late);
	}

	/** What the clocks of one case become; adds a breach to {@code late} when a clock stopped after its due time. */
	Clocks compute(Facts f, SlaPolicies.Settings settings, Instant now, List<LateBreach> late) {
		Optional<SlaPolicy> found = settings.policyFor(f.channel(), f.severity());
		if (found.isEmpty()) return Clocks.none(f.caseId());
		SlaPolicy p = found.get();
		BusinessCalendar cal = policies.calendarFor(new SlaPolicies.CaseKey(f.caseId(), f.channel(), f.severity(), f.teamId()), p, settings);
		boolean resolved = f.status() == CaseStatus.RESOLVED;

		Instant firstDue = null, firstWarn = null;
		if (p.firstResponseMinutes() != null && f.firstReply() == null && !resolved) {
			firstDue = cal.plus(f.openedAt(), minutes(p.firstResponseMinutes()));
			firstWarn = cal.plus(f.openedAt(), warnPart(p.firstResponseMinutes()));
		}
		stopped(f, SlaKind.FIRST_RESPONSE, f.firstDue(), firstDue, f.firstReply() != null ? f.firstReply() : now, late);

		Instant nextDue = null, nextWarn = null;
		if (p.nextResponseMinutes() != null && f.waitingSince() != null && !resolved) {
			nextDue = cal.plus(f.waitingSince(), minutes(p.nextResponseMinutes()));
			nextWarn = cal.plus(f.waitingSince(), warnPart(p.nextResponseMinutes()));
		}
		stopped(f, SlaKind.NEXT_RESPONSE, f.nextDue(), nextDue, f.lastReply() != null ? f.lastReply() : now, late);

		Long used = null;
		Instant since = null, resDue = null, resWarn = null;
		if (p.resolutionMinutes() != null) {
			boolean running = f.status() == CaseStatus.NEW || f.status() == CaseStatus.OPEN;
			long usedSeconds;
			if (f.resUsed() == null) {
				// a clock seen for the first time starts at the opening
				usedSeconds = running ? 0 : cal.between(f.openedAt(), now).toSeconds();
				since = running ? f.openedAt() : null;
			}
			else if (running) {
				usedSeconds = f.resUsed();
				since = f.resSince() != null ? f.resSince() : now;
			}
			else {
				usedSeconds = f.resUsed() + (f.resSince() != null ? cal.between(f.resSince(), now).toSeconds() : 0);
			}
			used = usedSeconds;
			if (running) {
				long target = p.resolutionMinutes() * 60L;
				resDue = cal.plus(since, Duration.ofSeconds(Math.max(0, target - usedSeconds)));
				long toWarn = target * 8 / 10 - usedSeconds;
				resWarn = toWarn <= 0 ? since : cal.plus(since, Duration.ofSeconds(toWarn));
			}
		}
		stopped(f, SlaKind.RESOLUTION, f.resDue(), resDue, now, late);
		return new Clocks(f.caseId(), p.id(), p.firstResponseMinutes(), firstDue, firstWarn, f.firstReply(), p.nextResponseMinutes(), nextDue,
				nextWarn, p.resolutionMinutes(), used, since, resDue, resWarn);
	}

	private static void stopped(Facts f, SlaKind kind, Instant oldDue, Instant newDue, Instant stoppedAt, List<LateBreach> late) {
		if (oldDue != null && newDue == null && stoppedAt.isAfter(oldDue)) late.add(new LateBreach(f.caseId(), kind, oldDue, stoppedAt, f.channel()));
	}

	private static Duration minutes(int m) {
		return Duration.ofMinutes(m);
	}

	/** 80% of a target. */
	private static Duration warnPart(int m) {
		return Duration.ofSeconds(m * 48L);
	}

	/** The clock of a case that is due first, or empty when none runs. */
	public Optional<CaseClock> clock(long caseId) {
		return clock(caseId, Instant.now());
	}

	public Optional<CaseClock> clock(long caseId, Instant now) {
		return jdbc.sql("""
				select sla_first_due, sla_first_warn, sla_first_target, sla_next_due, sla_next_warn, sla_next_target,
				       sla_res_due, sla_res_warn, sla_res_target
				from cases where id = ?""")
			.param(caseId)
			.query((rs, row) -> {
				CaseClock best = null;
				best = earlier(best, caseId, SlaKind.FIRST_RESPONSE, rs, "sla_first", now);
				best = earlier(best, caseId, SlaKind.NEXT_RESPONSE, rs, "sla_next", now);
				best = earlier(best, caseId, SlaKind.RESOLUTION, rs, "sla_res", now);
				return Optional.ofNullable(best);
			})
			.optional()
			.flatMap(o -> o);
	}

	private static CaseClock earlier(CaseClock best, long caseId, SlaKind kind, ResultSet rs, String prefix, Instant now) throws SQLException {
		Instant due = instant(rs, prefix + "_due");
		if (due == null) return best;
		if (best != null && !due.isBefore(best.due())) return best;
		return new CaseClock(caseId, kind, due, instant(rs, prefix + "_warn"), rs.getInt(prefix + "_target"), now);
	}

	private void write(List<Clocks> clocks) {
		int n = clocks.size();
		long[] ids = new long[n];
		Long[] policy = new Long[n], used = new Long[n];
		Integer[] firstTarget = new Integer[n], nextTarget = new Integer[n], resTarget = new Integer[n];
		String[] firstDue = new String[n], firstWarn = new String[n], firstDone = new String[n], nextDue = new String[n], nextWarn = new String[n],
				since = new String[n], resDue = new String[n], resWarn = new String[n];
		for (int i = 0; i < n; i++) {
			Clocks c = clocks.get(i);
			ids[i] = c.caseId();
			policy[i] = c.policyId();
			firstTarget[i] = c.firstTarget();
			firstDue[i] = text(c.firstDue());
			firstWarn[i] = text(c.firstWarn());
			firstDone[i] = text(c.firstDone());
			nextTarget[i] = c.nextTarget();
			nextDue[i] = text(c.nextDue());
			nextWarn[i] = text(c.nextWarn());
			resTarget[i] = c.resTarget();
			used[i] = c.resUsed();
			since[i] = text(c.resSince());
			resDue[i] = text(c.resDue());
			resWarn[i] = text(c.resWarn());
		}
		jdbc.sql("""
				update cases c set sla_policy_id = t.policy, sla_first_target = t.first_target, sla_first_due = t.first_due,
				  sla_first_warn = t.first_warn, sla_first_done_at = t.first_done, sla_next_target = t.next_target, sla_next_due = t.next_due,
				  sla_next_warn = t.next_warn, sla_res_target = t.res_target, sla_res_used = t.used, sla_res_since = t.since,
				  sla_res_due = t.res_due, sla_res_warn = t.res_warn
				from unnest(?::bigint[], ?::bigint[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::int[], ?::timestamptz[],
				            ?::timestamptz[], ?::int[], ?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
				     as t(id, policy, first_target, first_due, first_warn, first_done, next_target, next_due, next_warn, res_target, used,
				          since, res_due, res_warn)
				where c.id = any(?::bigint[]) and c.id = t.id
				  and (c.sla_policy_id, c.sla_first_target, c.sla_first_due, c.sla_first_warn, c.sla_first_done_at, c.sla_next_target,
				       c.sla_next_due, c.sla_next_warn, c.sla_res_target, c.sla_res_used, c.sla_res_since, c.sla_res_due, c.sla_res_warn)
				      is distinct from (t.policy, t.first_target, t.first_due, t.first_warn, t.first_done, t.next_target, t.next_due, t.next_warn,
				       t.res_target, t.used, t.since, t.res_due, t.res_warn)""")
			.params(ids, policy, firstTarget, firstDue, firstWarn, firstDone, nextTarget, nextDue, nextWarn, resTarget, used, since, resDue, resWarn, ids)
			.update();
	}

	private void recordLate(List<LateBreach> late) {
		if (late.isEmpty()) return;
		jdbc.sql("""
				insert into sla_breaches (case_id, kind, due_at, breached_at, channel, policy_id)
				select t.case_id, t.kind, t.due_at, t.at, t.channel, c.sla_policy_id
				from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[]) as t(case_id, kind, due_at, at, channel)
				join cases c on c.id = t.case_id
				on conflict do nothing""")
			.params(late.stream().mapToLong(LateBreach::caseId).toArray(), late.stream().map(b -> b.kind().name()).toArray(String[]::new),
					late.stream().map(b -> b.due().toString()).toArray(String[]::new), late.stream().map(b -> b.at().toString()).toArray(String[]::new),
					late.stream().map(b -> b.channel().key()).toArray(String[]::new))
			.update();
	}

	private static String text(Instant t) {
		return t == null ? null : t.toString();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Facts facts(ResultSet rs, int row) throws SQLException {
		int severity = rs.getInt("severity");
		Integer sev = rs.wasNull() ? null : severity;
		long used = rs.getLong("sla_res_used");
		Long resUsed = rs.wasNull() ? null : used;
		return new Facts(rs.getLong("id"), Channel.parse(rs.getString("channel")), sev, rs.getObject("team_id", Long.class), CaseStatus.valueOf(rs.getString("status")),
				instant(rs, "opened_at"), instant(rs, "sla_first_due"), instant(rs, "sla_next_due"), instant(rs, "sla_res_due"), resUsed,
				instant(rs, "sla_res_since"), instant(rs, "first"), instant(rs, "last"), instant(rs, "waiting_since"));
	}

	/** What the clocks of a case are computed from. */
	record Facts(long caseId, Channel channel, Integer severity, Long teamId, CaseStatus status, Instant openedAt, Instant firstDue, Instant nextDue,
			Instant resDue, Long resUsed, Instant resSince, Instant firstReply, Instant lastReply, Instant waitingSince) {
	}

	/** The clock columns of a case. */
	record Clocks(long caseId, Long policyId, Integer firstTarget, Instant firstDue, Instant firstWarn, Instant firstDone, Integer nextTarget,
			Instant nextDue, Instant nextWarn, Integer resTarget, Long resUsed, Instant resSince, Instant resDue, Instant resWarn) {
		static Clocks none(long caseId) {
			return new Clocks(caseId, null, null, null, null, null, null, null, null, null, null, null, null, null);
		}
	}

	/** A clock that stopped after its due time. */
	record LateBreach(long caseId, SlaKind kind, Instant due, Instant at, Channel channel) {
	}
}
