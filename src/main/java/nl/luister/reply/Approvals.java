package nl.luister.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.cases.CaseSummary;
import nl.luister.triage.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval queue. A reply written by a trainee, or by an agent on a case whose replies need approval (set by a
 * rule), is stored as {@code AWAITING_APPROVAL} instead of {@code QUEUED}, and the team leads are told in the bell;
 * the outbox only ever delivers {@code QUEUED} replies. A team lead or admin approves it (possibly after editing the
 * text: it becomes {@code QUEUED}, logged with the approver) or sends it back with a note ({@code RETURNED}: the
 * author is notified, edits and resubmits). Team leads' and admins' own replies never wait, except when they are
 * marked trainee; replies written by rules (acknowledgements, no author) never wait either: the lead who wrote the
 * rule approved the text. Thread-safe; every change runs in one transaction.
 */
@Service
public class Approvals {

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final AgentProfiles profiles;
	private final Notifications notifications;

	Approvals(JdbcClient jdbc, CaseManagement cases, AgentProfiles profiles, Notifications notifications) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.cases = cases;
		this.profiles = profiles;
	}

	/** Whether a reply by this author on this case must wait for approval; {@code authorId} null (a rule) never. */
	public boolean needsApproval(long caseId, Long authorId) {
		if (authorId == null) return false;
		if (profiles.of(authorId).trainee()) return true;
		return jdbc.sql("""
				select c.approval_required and coalesce(u.role, 'AGENT') = 'AGENT'
				from cases c left join users u on u.id = ? where c.id = ?""")
			.params(authorId, caseId)
			.query(Boolean.class).optional().orElse(false);
	}

	/** Tells the team leads (the bell) that a reply by this author waits on this case; joins the caller's transaction. */
	void submitted(long caseId, long authorId) {
		notifications.notifyLeads(caseId, "replyAwaiting", name(authorId));
	}

	/** A reply waiting for approval, with what the approver needs to judge it. */
	public record Pending(long replyId, long caseId, String channel, String customer, String caseSnippet, String text,
			Long authorId, String author, Instant at, boolean trainee, boolean approvalRequired) {
	}

	/** The queue, oldest first. */
	public List<Pending> queue() {
		return jdbc.sql("""
				select r.id, r.case_id, c.channel, coalesce(nullif(c.author_name, ''), c.author_handle) as customer, c.snippet,
				       r.text, r.author_id, coalesce(nullif(u.display_name, ''), u.username) as author, r.created_at,
				       coalesce(p.trainee, false) as trainee, c.approval_required
				from replies r join cases c on c.id = r.case_id left join users u on u.id = r.author_id
				left join agent_reply_profiles p on p.user_id = r.author_id
				where r.state = 'AWAITING_APPROVAL' order by r.created_at, r.id""")
			.query((rs, row) -> new Pending(rs.getLong("id"), rs.getLong("case_id"), rs.getString("channel"), rs.getString("customer"),
					rs.getString("snippet"), rs.getString("text"), (Long) rs.getObject("author_id"), rs.getString("author"),
					rs.getTimestamp("created_at").toInstant(), rs.getBoolean("trainee"), rs.getBoolean("approval_required")))
			.list();
	}

	/** How many replies wait for approval. */
	public int awaitingCount() {
		return jdbc.sql("select count(*) from replies where state = 'AWAITING_APPROVAL'").query(Integer.class).single();
	}

	/**
	 * Approves a waiting reply: with {@code editedText} (blank: unchanged) it replaces the text; the reply goes to the
	 * outbox and the case waits for the customer.
	 *
	 * @throws AccessDeniedException when the approver is not a team lead or admin
	 * @throws ReplyNotReviewable when the reply is not awaiting approval
	 */
	@Transactional
	public void approve(long replyId, String editedText, long approverId) {
		String approver = requireLead(approverId);
		String text = editedText == null || editedText.isBlank() ? null : checked(editedText);
		Long caseId = jdbc.sql("""
				update replies set state = 'QUEUED', text = coalesce(?, text), next_attempt_at = now(), reviewed_by = ?,
				       reviewed_at = now(), review_note = null
				where id = ? and state = 'AWAITING_APPROVAL' returning case_id""")
			.params(text, approverId, replyId)
			.query(Long.class).optional()
			.orElseThrow(() -> new ReplyNotReviewable(replyId, "awaiting approval"));
		cases.record(caseId, approverId, "approval", "reply approved by " + approver + (text == null ? "" : " (edited)"));
		CaseSummary c = cases.summary(caseId);
		if (c.status() == CaseStatus.NEW || c.status() == CaseStatus.OPEN) cases.changeStatus(caseId, CaseStatus.PENDING, approverId);
	}

	/**
	 * Sends a waiting reply back to its author with a note; the author is notified.
	 *
	 * @throws AccessDeniedException when the approver is not a team lead or admin
	 * @throws ReplyNotReviewable when the reply is not awaiting approval
	 */
	@Transactional
	public void sendBack(long replyId, String note, long approverId) {
		String approver = requireLead(approverId);
		if (note == null || note.isBlank()) throw new IllegalArgumentException("a reply is sent back with a note that says what to change");
		if (note.length() > 2000) throw new IllegalArgumentException("a note can be at most 2,000 characters");
		record Returned(long caseId, Long authorId) {
		}
		Returned r = jdbc.sql("""
				update replies set state = 'RETURNED', reviewed_by = ?, reviewed_at = now(), review_note = ?
				where id = ? and state = 'AWAITING_APPROVAL' returning case_id, author_id""")
			.params(approverId, note.strip(), replyId)
			.query((rs, row) -> new Returned(rs.getLong(1), (Long) rs.getObject(2))).optional()
			.orElseThrow(() -> new ReplyNotReviewable(replyId, "awaiting approval"));
		cases.record(r.caseId(), approverId, "approval", "reply sent back by " + approver);
		if (r.authorId() != null) {
			jdbc.sql("insert into notifications (user_id, case_id, kind, detail) values (?, ?, 'replyReturned', ?)")
				.params(r.authorId(), r.caseId(), approver)
				.update();
		}
	}

	/**
	 * The author (or a team lead) resubmits a returned reply with new text: it waits for approval again.
	 *
	 * @throws AccessDeniedException when the actor is neither the author nor a team lead or admin
	 * @throws ReplyNotReviewable when the reply is not returned
	 */
	@Transactional
	public void resubmit(long replyId, String text, long actorId) {
		String body = checked(text);
		Review review = review(replyId).filter(rv -> rv.state() == ReplyState.RETURNED)
			.orElseThrow(() -> new ReplyNotReviewable(replyId, "returned"));
		if (!Long.valueOf(actorId).equals(review.authorId()) && !isLead(actorId)) {
			throw new AccessDeniedException("only the author or a team lead resubmits a returned reply");
		}
		int n = jdbc.sql("update replies set state = 'AWAITING_APPROVAL', text = ?, created_at = now() where id = ? and state = 'RETURNED'")
			.params(body, replyId).update();
		if (n == 0) throw new ReplyNotReviewable(replyId, "returned");
		cases.record(review.caseId(), actorId, "approval", "reply resubmitted for approval");
		submitted(review.caseId(), review.authorId() == null ? actorId : review.authorId());
	}

	/** A reply's review: its state, author, and the approver's note and name when it was sent back. */
	public record Review(long replyId, long caseId, ReplyState state, Long authorId, String note, String reviewer, Instant reviewedAt) {
	}

	public Optional<Review> review(long replyId) {
		return jdbc.sql("""
				select r.id, r.case_id, r.state, r.author_id, r.review_note, coalesce(nullif(u.display_name, ''), u.username) as reviewer, r.reviewed_at
				from replies r left join users u on u.id = r.reviewed_by where r.id = ?""")
			.param(replyId)
			.query((rs, row) -> {
				var at = rs.getTimestamp("reviewed_at");
				return new Review(rs.getLong("id"), rs.getLong("case_id"), ReplyState.valueOf(rs.getString("state")),
						(Long) rs.getObject("author_id"), rs.getString("review_note"), rs.getString("reviewer"), at == null ? null : at.toInstant());
			})
			.optional();
	}

	private boolean isLead(long userId) {
		String role = jdbc.sql("select role from users where id = ? and enabled").param(userId).query(String.class).optional().orElse("");
		return role.equals("LEAD") || role.equals("ADMIN");
	}

	private String requireLead(long userId) {
		if (!isLead(userId)) throw new AccessDeniedException("only team leads and admins approve replies");
		return name(userId);
	}

	private String name(long userId) {
		return jdbc.sql("select coalesce(nullif(display_name, ''), username) from users where id = ?").param(userId)
			.query(String.class).optional().orElse("#" + userId);
	}

	private static String checked(String text) {
		if (text == null || text.isBlank()) throw new IllegalArgumentException("a reply needs some text");
		if (text.length() > 10_000) throw new IllegalArgumentException("a reply can be at most 10,000 characters");
		return text.strip();
	}
}
