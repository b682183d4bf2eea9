package nl.luister.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;

import nl.luister.notice.NoticeMail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.account.Role;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.database.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells admins when a source has been failing longer than {@code luister.health.notify-after} (once per outage)
 * and when it recovers: an in-app notice ({@code source_notices}, shown as a banner to admins until dismissed) and
 * an e-mail (through {@link NoticeMail}) to the admins whose user name is an address plus {@code luister.health.notify-to}.
 *
 * <p>An outage starts with the first failure after a success ({@code sources.failing_since}) and ends with the
 * next success; pausing a source ends it too. The check runs every {@code luister.health.check-interval} on the
 * scheduler; a recovery is noticed in the transaction that stores the first successful fetch, and its e-mail goes
 * out after that commits. An e-mail that cannot be sent is logged and kept as the notice's detail: the in-app
 * notice is there regardless.
 */
@Service
public class SourceHealth {

	private static final Logger log = LoggerFactory.getLogger(SourceHealth.class);

	private final JdbcClient jdbc;
	private final Users users;
	private final HealthProperties properties;
	private final NoticeMail mail;

	SourceHealth(JdbcClient jdbc, Users users, HealthProperties properties, NoticeMail mail) {
		this.jdbc = jdbc;
		this.users = users;
		this.properties = properties;
		this.mail = mail;
	}

	/** An in-app notice: a source failing ({@code FAILING}) or back ({@code RECOVERED}). */
	public record Notice(long id, long sourceId, String sourceName, String kind, String detail, Instant at) {
	}

	/** Notices not dismissed yet, newest first, at most 20. */
	public List<Notice> openNotices() {
		return jdbc.sql("""
				select n.id, n.source_id, s.name, n.kind, n.detail, n.at from source_notices n join sources s on s.id = n.source_id
				where n.dismissed_at is null order by n.at desc, n.id desc limit 20""")
			.query((rs, row) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	@Transactional
	public void dismiss(long noticeId) {
		jdbc.sql("update source_notices set dismissed_at = now() where id = ? and dismissed_at is null").param(noticeId).update();
	}

	/** Reports every source failing longer than the configured time that was not reported yet; returns how many. */
	@Scheduled(fixedDelayString = "${luister.health.check-interval:PT30S}", initialDelayString = "${luister.health.check-interval:PT30S}")
	public int reportOutages() {
		Instant cutoff = Instant.now().minus(properties.notifyAfter());
		record Failing(long id, String name, String reason, Instant since) {
		}
		List<Failing> failing = jdbc.sql("""
				update sources set outage_notified_at = now()
				where failing_since <= ? and outage_notified_at is null and not paused
				returning id, name, last_error, failing_since""")
			.param(Timestamp.from(cutoff))
			.query((rs, row) -> new Failing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		for (Failing f : failing) {
			SourceProblem problem = SourceProblem.of(f.reason());
			String detail = "failing since " + f.since() + (f.reason() == null ? "" : ": " + f.reason());
			long noticeId = insertNotice(f.id(), "FAILING", detail);
			email(noticeId, "Luister: source '" + f.name() + "' is failing",
					"The source '" + f.name() + "' has been failing since " + f.since() + " (longer than "
							+ describe(properties.notifyAfter()) + ").\n\nProblem: " + (problem == null ? "unknown" : problem.name().toLowerCase().replace('_', ' '))
							+ "\nReason: " + f.reason() + "\n\nLuister keeps retrying with back-off and fetches what it missed once the source is back."
							+ " You will get one more message when it recovers.");
		}
		return failing.size();
	}

	/** Called in the transaction of the first successful fetch after a reported outage. */
	void recovered(Sources.Outage outage) {
		String name = jdbc.sql("select name from sources where id = ?").param(outage.sourceId()).query(String.class).optional().orElse("#" + outage.sourceId());
		String detail = "back after failing since " + outage.since();
		long noticeId = insertNotice(outage.sourceId(), "RECOVERED", detail);
		AfterCommit.run(() -> email(noticeId, "Luister: source '" + name + "' works again",
				"The source '" + name + "' works again (it was failing since " + outage.since() + ").\n\n"
						+ "Luister fetches what was published while it was failing from where it left off."));
	}

	private long insertNotice(long sourceId, String kind, String detail) {
		return jdbc.sql("insert into source_notices (source_id, kind, detail) values (?, ?, ?) returning id")
			.params(sourceId, kind, detail.length() > 2000 ? detail.substring(0, 2000) : detail)
			.query(Long.class)
			.single();
	}

	private void email(long noticeId, String subject, String text) {
		if (!mail.configured()) return;
		List<String> to = recipients();
		if (to.isEmpty()) return;
		Thread.ofVirtual().name("health-mail-" + noticeId).start(() -> {
			List<String> failed = new java.util.ArrayList<>();
			for (String address : to) {
				try {
					mail.send(address, subject, text, null);
				}
				catch (MessagingException | RuntimeException e) {
					// one wrong address must not keep the notice from the others
					log.warn("Could not e-mail the source notice {} to {}: {}", noticeId, address, e.getMessage());
					failed.add(address + ": " + e.getMessage());
				}
			}
			if (!failed.isEmpty())
				jdbc.sql("update source_notices set detail = detail || ? where id = ?")
					.params(" (e-mail not sent to " + String.join("; ", failed) + ")", noticeId)
					.update();
		});
	}

	/** Admins whose user name is an e-mail address, plus the configured addresses. */
	List<String> recipients() {
		Set<String> to = new LinkedHashSet<>();
		for (User u : users.list()) {
			if (u.role() == Role.ADMIN && u.enabled() && u.username().contains("@")) to.add(u.username());
		}
		to.addAll(properties.notifyTo());
		return new ArrayList<>(to);
	}

	private static String describe(Duration d) {
		return d.toMinutes() >= 1 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
	}
}
