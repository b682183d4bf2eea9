package nl.luister.reply;

import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records posts of owned accounts as our replies in their case's thread. A post that answers (by its reply chain)
 * a message of a case becomes a reply in state {@code POSTED_OUTSIDE} with the account that posted it, and the case
 * waits for the customer as after any reply; a reply Luister sent itself (same channel id) is recognised and not
 * recorded twice. A post that answers nothing Luister keeps a case for (a brand announcement) opens nothing and is
 * not stored: it is not a customer message. Joins the caller's transaction (the pipeline's).
 */
@Service
public class OwnPosts {

	private static final Logger log = LoggerFactory.getLogger(OwnPosts.class);

	private final JdbcClient jdbc;
	private final CaseManagement cases;

	OwnPosts(JdbcClient jdbc, CaseManagement cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	/**
	 * A post of an owned account as delivered by a source.
	 *
	 * @param handle    the owned account that posted it, or {@code null}
	 * @param inReplyTo the channel id of what it answers, or {@code null}
	 */
	public record OwnPost(long sourceId, String externalId, String handle, String text, java.time.Instant publishedAt, String inReplyTo) {
	}

	/** Records each post on the case its reply chain leads to; returns how many were recorded. */
	@Transactional
	public int record(List<OwnPost> posts) {
		int recorded = 0;
		for (OwnPost p : posts) {
			OwnPost m = p;
			boolean known = jdbc.sql("""
					select exists (select 1 from replies r join cases c on c.id = r.case_id
					               where r.external_id = ? and c.source_id = ?)""")
				.params(m.externalId(), p.sourceId())
				.query(Boolean.class)
				.single();
			if (known) continue;
			Target target = m.inReplyTo() == null ? null : target(p.sourceId(), m.inReplyTo());
			if (target == null) {
				log.debug("Post {} of owned account {} answers no case; not stored", m.externalId(), m.handle());
				continue;
			}
			Timestamp at = Timestamp.from(m.publishedAt());
			jdbc.sql("""
					insert into replies (case_id, mention_id, text, state, attempts, external_id, created_at, sent_at, posted_by)
					values (?, ?, ?, 'POSTED_OUTSIDE', 0, ?, ?, ?, ?)""")
				.params(target.caseId(), target.mentionId(), m.text(), m.externalId(), at, at, m.handle())
				.update();
			String by = m.handle() == null ? "an owned account" : m.handle();
			cases.record(target.caseId(), null, "reply", "posted outside Luister by " + by);
			CaseStatus status = cases.summary(target.caseId()).status();
			if (status == CaseStatus.NEW || status == CaseStatus.OPEN) cases.changeStatus(target.caseId(), CaseStatus.PENDING, null);
			recorded++;
		}
		return recorded;
	}

	private Target target(long sourceId, String inReplyTo) {
		return jdbc.sql("""
				select case_id, id as mention_id from mentions where source_id = ? and external_id = ? and case_id is not null
				union all
				select r.case_id, r.mention_id from replies r join cases c on c.id = r.case_id
				where c.source_id = ? and r.external_id = ?
				limit 1""")
			.params(sourceId, inReplyTo, sourceId, inReplyTo)
			.query((rs, row) -> new Target(rs.getLong("case_id"), (Long) rs.getObject("mention_id")))
			.optional()
			.orElse(null);
	}

	private record Target(long caseId, Long mentionId) {
	}
}
