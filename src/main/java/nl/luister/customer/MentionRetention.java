package nl.luister.customer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job: mentions published before {@code now − luister.retention.max-age} are anonymised (text
 * becomes {@value #EXPIRED}; title, author, followers, address and identity are cleared; {@code expired_at}
 * is set) or deleted, in batches of {@code batch-size}, each its own transaction. Cases whose last activity
 * is before the cut-off keep an anonymised shell (status, channel, times, counts; author and snippet
 * {@value #EXPIRED}), with their notes deleted, our replies blanked and event details cleared, as an erasure
 * does. Unprocessed or set-aside entries of the mention log received before the cut-off are deleted too.
 *
 * <p>Runs on a schedule ({@code luister.retention.interval}, default hourly) and does nothing while no
 * maximum age is set. One audit entry per run that changed anything, with counts only. Not reentrant: the
 * scheduler runs one at a time; a call from elsewhere during a run only finds fewer rows.
 */
@Service
public class MentionRetention {

	static final String EXPIRED = "[expired]";
	private static final Logger log = LoggerFactory.getLogger(MentionRetention.class);

	/** What one run did. */
	public record Result(Instant cutoff, long mentions, long cases, long logEntries, int batches) {
	}

	private final JdbcClient jdbc;
	private final RetentionProperties settings;
	private final AuditLog audit;
	private final TransactionTemplate tx;

	private final org.springframework.context.ApplicationEventPublisher events;

	MentionRetention(JdbcClient jdbc, RetentionProperties settings, AuditLog audit, PlatformTransactionManager transactions, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${luister.retention.interval:PT1H}", initialDelayString = "${luister.retention.initial-delay:PT15M}")
	void scheduled() {
		if (settings.maxAge() == null) return;
		try {
			Result r = run(Instant.now());
			if (r.mentions() + r.cases() + r.logEntries() > 0) log.info("Retention: {}", r);
		}
		catch (RuntimeException e) {
			log.error("The retention job failed; it tries again at its next run", e);
		}
	}

	/** Applies the retention to everything before {@code now − max-age}; does nothing without a max-age. */
	public Result run(Instant now) {
		if (settings.maxAge() == null) return new Result(null, 0, 0, 0, 0);
		java.sql.Timestamp cutoff = java.sql.Timestamp.from(now.minus(settings.maxAge()));
		long mentions = 0;
		int batches = 0;
		while (true) {
			Integer n = tx.execute(s -> settings.mode() == RetentionProperties.Mode.DELETE ? deleteBatch(cutoff) : anonymiseBatch(cutoff));
			batches++;
			mentions += n;
			if (n < settings.batchSize()) break;
		}
		long cases = 0;
		while (true) {
			Integer n = tx.execute(s -> caseShells(cutoff));
			cases += n;
			if (n < settings.batchSize()) break;
		}
		long logEntries = tx.execute(s -> (long) jdbc.sql("delete from mention_log where received_at < ?").param(cutoff).update());
		Result r = new Result(cutoff.toInstant(), mentions, cases, logEntries, batches);
		tx.executeWithoutResult(s -> events.publishEvent(new RetentionApplied(cutoff.toInstant())));
		if (mentions + cases + logEntries > 0) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("mode", settings.mode().name());
			detail.put("cutoff", r.cutoff().toString());
			detail.put("mentions", mentions);
			detail.put("cases", cases);
			detail.put("logEntries", logEntries);
			tx.executeWithoutResult(s -> audit.record(null, "retention.run", "mentions", null, detail));
		}
		return r;
	}

	private int anonymiseBatch(java.sql.Timestamp cutoff) {
		return jdbc.sql("""
				update mentions m set text = ?, title = null, author_handle = null, author_name = null, author_followers = null, url = null,
				  identity_id = null, expired_at = now()
				where m.id in (select id from mentions where published_at < ? and expired_at is null order by published_at limit ? for update skip locked)""")
			.params(EXPIRED, cutoff, settings.batchSize())
			.update();
	}

	private int deleteBatch(java.sql.Timestamp cutoff) {
		long[] doomed = jdbc.sql("select id from mentions where published_at < ? order by published_at limit ? for update skip locked")
			.params(cutoff, settings.batchSize())
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		if (doomed.length == 0) return 0;
		// our replies keep their case but no longer point at the message they answered
		jdbc.sql("update replies set mention_id = null where mention_id = any(?)").param(doomed).update();
		return jdbc.sql("delete from mentions where id = any(?)").param(doomed).update();
	}

	private int caseShells(java.sql.Timestamp cutoff) {
		return jdbc.sql("""
				with old as (select id from cases where last_activity_at < ? and snippet <> ? order by id limit ? for update skip locked),
				notes as (delete from case_notes where case_id in (select id from old)),
				ours as (update replies set text = ?, last_error = null where case_id in (select id from old)),
				events as (update case_events set detail = null where case_id in (select id from old))
				update cases c set author_handle = ?, author_name = ?, snippet = ? where c.id in (select id from old)""")
			.params(cutoff, EXPIRED, settings.batchSize(), EXPIRED, EXPIRED, EXPIRED, EXPIRED)
			.update();
	}
}
