package nl.luister.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.cases.CaseManagement;
import nl.luister.triage.Notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled SLA check (every minute, {@code luister.sla.enabled}; tests call {@link #check} themselves): records
 * each clock past its due time as a breach in {@code sla_breaches} once (once per case for first response and
 * resolution, once per due time for next responses), writes it in the case history, notifies the case's assignee and
 * the team leads in-app, and when the policy says so escalates the case (escalation flag and severity 5, logged on the
 * case). One transaction per check; a failing check is logged and the next one tries again, so nothing is lost: a
 * breach not recorded is found again.
 */
@Component
public class SlaWatch {

	private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;
	private final SlaClocks clocks;
	private final SlaPolicies policies;
	private final Notifications notifications;
	private final CaseManagement cases;
	private final TransactionTemplate tx;
	private final boolean enabled;
	private final ZoneId zone;

	SlaWatch(JdbcClient jdbc, SlaClocks clocks, SlaPolicies policies, Notifications notifications, CaseManagement cases, TransactionTemplate tx,
			@Value("${luister.sla.enabled:true}") boolean enabled, @Value("${luister.analytics.zone:Europe/Amsterdam}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clocks = clocks;
		this.policies = policies;
		this.notifications = notifications;
		this.cases = cases;
		this.tx = tx;
		this.enabled = enabled;
		this.zone = zone;
	}

	@Scheduled(fixedDelayString = "${luister.sla.tick:PT1M}", initialDelayString = "PT30S")
	void tick() {
		if (!enabled) return;
		try {
			check(Instant.now());
		}
		catch (RuntimeException e) {
			log.error("The SLA check failed; the next one tries again", e);
		}
	}

	/** A breach: the clock, its due time, the policy then in force ({@code null} when deleted) and whether it escalated. */
	public record Breach(long id, long caseId, SlaKind kind, Instant due, Long policyId, boolean escalated) {
	}

	/** A recorded breach of a case with the moment it was found. */
	public record Recorded(Breach breach, Instant breachedAt) {
	}

	/** The breaches of a case, oldest first. */
	public List<Recorded> breachesOf(long caseId) {
		return jdbc.sql("select id, case_id, kind, due_at, breached_at, policy_id, escalated from sla_breaches where case_id = ? order by breached_at, id")
			.param(caseId)
			.query((rs, row) -> {
				long p = rs.getLong("policy_id");
				Long policy = rs.wasNull() ? null : p;
				return new Recorded(new Breach(rs.getLong("id"), rs.getLong("case_id"), SlaKind.valueOf(rs.getString("kind")),
						rs.getTimestamp("due_at").toInstant(), policy, rs.getBoolean("escalated")), rs.getTimestamp("breached_at").toInstant());
			})
			.list();
	}

	/** Records, notifies and escalates the clocks past due at {@code now}; returns the breaches found by this check. */
	public List<Breach> check(Instant now) {
		return tx.execute(status -> {
			// a paused case whose resolution clock still runs (a change that announced nothing) is brought up to date first
			List<Long> stale = jdbc.sql("select id from cases where sla_res_due is not null and status in ('PENDING', 'RESOLVED')")
				.query(Long.class).list();
			clocks.refresh(stale, now);
			List<Breach> found = jdbc.sql("""
					with due as (
					  select id, 'FIRST_RESPONSE' as kind, sla_first_due as due_at from cases where sla_first_due <= :now
					  union all select id, 'NEXT_RESPONSE', sla_next_due from cases where sla_next_due <= :now
					  union all select id, 'RESOLUTION', sla_res_due from cases where sla_res_due <= :now)
					insert into sla_breaches (case_id, kind, due_at, breached_at, channel, policy_id)
					select d.id, d.kind, d.due_at, :now, c.channel, c.sla_policy_id from due d join cases c on c.id = d.id
					where not exists (select 1 from sla_breaches b where b.case_id = d.id and b.kind = d.kind
					                  and (d.kind <> 'NEXT_RESPONSE' or b.due_at = d.due_at))
					on conflict do nothing
					returning id, case_id, kind, due_at, policy_id""")
				.param("now", java.sql.Timestamp.from(now))
				.query((rs, row) -> {
					long p = rs.getLong("policy_id");
					return new Breach(rs.getLong("id"), rs.getLong("case_id"), SlaKind.valueOf(rs.getString("kind")),
							rs.getTimestamp("due_at").toInstant(), rs.wasNull() ? null : p, false);
				})
				.list();
			if (found.isEmpty()) return List.of();
			Map<Long, SlaPolicy> byId = new LinkedHashMap<>();
			for (SlaPolicy p : policies.settings().policies()) byId.put(p.id(), p);

			List<Notifications.Notice> notices = new ArrayList<>();
			Map<Long, String> history = new LinkedHashMap<>();
			List<Long> toEscalate = new ArrayList<>();
			List<Breach> out = new ArrayList<>();
			for (Breach b : found) {
				SlaPolicy p = b.policyId() == null ? null : byId.get(b.policyId());
				String name = p == null ? "" : p.name();
				notices.add(new Notifications.Notice(b.caseId(), b.kind().notificationKind(), name));
				history.merge(b.caseId(), b.kind().words() + " overdue since " + TIME.format(b.due().atZone(zone)) + (p == null ? "" : " (policy " + name + ")"),
						(x, y) -> x + "; " + y);
				boolean escalate = p != null && p.escalate();
				if (escalate) toEscalate.add(b.caseId());
				out.add(new Breach(b.id(), b.caseId(), b.kind(), b.due(), b.policyId(), escalate));
			}
			notifications.notifyAssigneeAndLeads(notices);
			cases.recordAll("sla", history);
			if (!toEscalate.isEmpty()) {
				List<Long> escalated = jdbc.sql("""
						update cases set escalated = true, severity = 5 where id = any(?) and not (escalated and coalesce(severity, 0) = 5) returning id""")
					.param(toEscalate.stream().distinct().mapToLong(Long::longValue).toArray())
					.query(Long.class)
					.list();
				jdbc.sql("update sla_breaches set escalated = true where id = any(?)")
					.param(out.stream().filter(Breach::escalated).mapToLong(Breach::id).toArray())
					.update();
				Map<Long, String> escalations = new LinkedHashMap<>();
				for (Long id : escalated) escalations.put(id, "SLA breached: highest severity");
				cases.recordAll("escalated", escalations);
			}
			log.info("SLA check: {} breach(es) recorded", out.size());
			return out;
		});
	}
}
