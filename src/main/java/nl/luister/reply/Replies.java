package nl.luister.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.cases.CaseSummary;
import nl.luister.mention.StoredMention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies to cases. A reply to a case whose source has a {@link ReplySender} goes into the outbox (state
 * QUEUED) and is delivered by the outbox worker, retried with back-off up to {@value #MAX_ATTEMPTS} times; a
 * case whose source cannot send (RSS, imports) is answered on the site and recorded as ANSWERED_ON_SITE.
 * After a reply the case waits for the customer (pending). The author's signature is added for the channel
 * ({@link AgentProfiles#sign}); a reply that needs approval ({@link Approvals#needsApproval}) is stored as
 * AWAITING_APPROVAL and the outbox, which only ever picks QUEUED replies, leaves it alone until it is approved.
 */
@Service
public class Replies {

	static final int MAX_ATTEMPTS = 5;
	private static final Logger log = LoggerFactory.getLogger(Replies.class);

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final Map<String, ReplySender> senders;
	private final TransactionTemplate tx;
	private final Approvals approvals;
	private final AgentProfiles profiles;

	Replies(JdbcClient jdbc, CaseManagement cases, List<ReplySender> senders, TransactionTemplate tx, Approvals approvals,
			AgentProfiles profiles) {
		this.approvals = approvals;
		this.profiles = profiles;
		this.jdbc = jdbc;
		this.cases = cases;
		this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ReplySender::type, Function.identity()));
		this.tx = tx;
	}

	/** Whether replies to this case can be sent from Luister. */
	public boolean canSend(CaseSummary c) {
		return senders.containsKey(c.sourceType());
	}

	/** Queues a reply for delivery through the case's channel. */
	@Transactional
	public long send(long caseId, String text, Long actorId) {
		CaseDetail detail = cases.detail(caseId);
		String body = requireText(text);
		StoredMention answered = detail.lastCustomerMessage();
		if (!canSend(detail.summary())) {
			throw new RepliesNotSupported(detail.summary().sourceType(), answered == null ? null : answered.url());
		}
		String role = jdbc.sql("select account_role from sources where id = ?").param(detail.summary().sourceId())
			.query(String.class).optional().orElse(null);
		if ("MARKETING".equals(role)) throw new MarketingAccountRefused();
		String signed = profiles.sign(actorId, body, detail.summary().channel());
		if (signed.length() > 10_000) throw new IllegalArgumentException("a reply with its signature can be at most 10,000 characters");
		if (approvals.needsApproval(caseId, actorId)) {
			long id = insert(caseId, answered, actorId, signed, ReplyState.AWAITING_APPROVAL);
			cases.record(caseId, actorId, "approval", "reply awaits approval");
			approvals.submitted(caseId, actorId);
			return id;
		}
		long id = insert(caseId, answered, actorId, signed, ReplyState.QUEUED);
		cases.record(caseId, actorId, "reply", "queued for delivery");
		afterReply(detail.summary(), actorId);
		return id;
	}

	/** Records that the agent answered on the site itself (for sources that cannot send). */
	@Transactional
	public long markAnsweredOnSite(long caseId, String text, Long actorId) {
		CaseDetail detail = cases.detail(caseId);
		String body = text == null || text.isBlank() ? "(answered on the site)" : text.strip();
		long id = insert(caseId, detail.lastCustomerMessage(), actorId, body, ReplyState.ANSWERED_ON_SITE);
		cases.record(caseId, actorId, "reply", "answered on the site");
		afterReply(detail.summary(), actorId);
		return id;
	}

	/** Puts a failed reply back in the outbox. */
	@Transactional
	public void retry(long replyId, Long actorId) {
		Long caseId = jdbc.sql("update replies set state = 'QUEUED', attempts = 0, last_error = null, next_attempt_at = now() where id = ? and state = 'FAILED' returning case_id")
			.param(replyId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("reply " + replyId + " is not a failed reply"));
		cases.record(caseId, actorId, "reply", "retry requested");
	}

	/** Cancels a failed reply: it stays in the thread as cancelled and is never sent. */
	@Transactional
	public void cancel(long replyId, Long actorId) {
		Long caseId = jdbc.sql("update replies set state = 'CANCELLED', next_attempt_at = now() where id = ? and state = 'FAILED' returning case_id")
			.param(replyId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("reply " + replyId + " is not a failed reply"));
		cases.record(caseId, actorId, "reply", "failed reply cancelled");
	}

	public Optional<ReplyState> state(long replyId) {
		return jdbc.sql("select state from replies where id = ?").param(replyId).query((rs, i) -> ReplyState.valueOf(rs.getString(1))).optional();
	}

	/** Delivers queued replies; runs every few seconds. */
	@Scheduled(fixedDelayString = "${luister.outbox.tick:PT2S}")
	public void deliverQueued() {
		while (Boolean.TRUE.equals(tx.execute(status -> deliverOne()))) {
			// next
		}
	}

	private boolean deliverOne() {
		var next = jdbc.sql("""
				select r.id, r.case_id, r.text, r.attempts, c.source_id, s.type, s.settings::text as settings,
				       m.external_id, m.url, c.author_handle
				from replies r join cases c on c.id = r.case_id join sources s on s.id = c.source_id
				left join mentions m on m.id = r.mention_id
				where r.state = 'QUEUED' and r.next_attempt_at <= now()
				order by r.id limit 1 for update of r skip locked""")
			.query((rs, row) -> new Object[] { new ReplySender.OutgoingReply(rs.getLong("id"), rs.getLong("case_id"),
					rs.getLong("source_id"), rs.getString("settings"), rs.getString("text"), rs.getString("external_id"),
					rs.getString("url"), rs.getString("author_handle")), rs.getString("type"), rs.getInt("attempts") })
			.optional();
		if (next.isEmpty()) return false;
		var reply = (ReplySender.OutgoingReply) next.get()[0];
		String type = (String) next.get()[1];
		int attempts = (Integer) next.get()[2] + 1;
		ReplySender sender = senders.get(type);
		try {
			if (sender == null) throw new ReplySender.DeliveryFailed("no sender for sources of type '" + type + "'", false);
			String externalId = sender.send(reply);
			jdbc.sql("update replies set state = 'SENT', attempts = ?, sent_at = now(), external_id = ?, last_error = null where id = ?")
				.params(attempts, externalId, reply.replyId())
				.update();
			cases.record(reply.caseId(), null, "delivery", "reply sent");
		}
		catch (ReplySender.DeliveryFailed e) {
			boolean again = e.retryable() && attempts < MAX_ATTEMPTS;
			Duration wait = Duration.ofSeconds(10L << Math.min(attempts, 10));
			log.warn("Reply {} of case {} not delivered (attempt {}): {}", reply.replyId(), reply.caseId(), attempts, e.getMessage());
			jdbc.sql("update replies set state = ?, attempts = ?, last_error = ?, next_attempt_at = now() + ? * interval '1 second' where id = ?")
				.params(again ? "QUEUED" : "FAILED", attempts, e.getMessage(), wait.toSeconds(), reply.replyId())
				.update();
			if (!again) cases.record(reply.caseId(), null, "delivery", "reply failed: " + e.getMessage());
		}
		return true;
	}

	private long insert(long caseId, StoredMention answered, Long actorId, String text, ReplyState state) {
		return jdbc.sql("insert into replies (case_id, mention_id, author_id, text, state) values (?, ?, ?, ?, ?) returning id")
			.params(caseId, answered == null ? null : answered.id(), actorId, text, state.name())
			.query(Long.class)
			.single();
	}

	private void afterReply(CaseSummary c, Long actorId) {
		if (c.status() == CaseStatus.NEW || c.status() == CaseStatus.OPEN) cases.changeStatus(c.id(), CaseStatus.PENDING, actorId);
	}

	private static String requireText(String text) {
		if (text == null || text.isBlank()) throw new IllegalArgumentException("a reply needs some text");
		if (text.length() > 10_000) throw new IllegalArgumentException("a reply can be at most 10,000 characters");
		return text.strip();
	}
}
