package nl.luister.collab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;

/**
 * Stops a reply that would cross a colleague's. A reply form (and an API client) says what it had seen: the newest
 * reply id on the case when it was rendered ({@code seenReply}, absent = none) and optionally the assignee then
 * ({@code seenAssignee}: a user id, or {@code none}). When someone else has replied (or queued, or answered on the
 * site, or posted outside Luister) since, or the case went to another agent, the reply is held back until the agent
 * has looked: the form shows the newer replies with "send anyway" ({@code force=true}) and "discard my draft"; the
 * API answers 409 with them. Cancelled replies don't count; the agent's own replies don't either.
 *
 * <p>The send endpoints run the check and the send together through {@link #whenClear}: one transaction with the
 * case's row locked, so two agents sending at the same instant are taken one after the other and the second sees the
 * first's reply. Thread-safe.
 */
@Component
public class ReplyConflicts {

	/** The model attribute the case view's review panel reads. */
	public static final String MODEL_ATTRIBUTE = "replyConflict";

	/** A reply by someone else that the agent had not seen; {@code author} is {@code null} for one posted outside Luister. */
	public record NewerReply(long id, String author, String text, String state, Instant at) {
	}

	/**
	 * What happened since the agent's form was rendered: newer replies by others (oldest first) and, when the
	 * assignee changed to someone else, their name ({@code reassignedTo}, else {@code null}; "nobody" is
	 * {@code ""}).
	 */
	public record Conflict(long caseId, List<NewerReply> replies, String reassignedTo, long latestReplyId) {
	}

	/** Thrown by {@link #check} for the API: answered 409 with the conflict. */
	public static final class ReplyConflict extends RuntimeException {

		private final transient Conflict conflict;

		ReplyConflict(Conflict conflict) {
			super("case " + conflict.caseId() + " changed since you looked: " + conflict.replies().size() + " newer repl"
					+ (conflict.replies().size() == 1 ? "y" : "ies") + (conflict.reassignedTo() != null ? ", reassigned" : "")
					+ "; read them, then send again with seenReply=" + conflict.latestReplyId() + " or force=true");
			this.conflict = conflict;
		}

		public Conflict conflict() {
			return conflict;
		}
	}

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final TransactionTemplate tx;

	ReplyConflicts(JdbcClient jdbc, CaseManagement cases, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Runs {@code send} when nothing stands in the way, in one transaction with the case's row locked (see the class
	 * comment). For a form post ({@code model} given) a conflict goes into the model and the result is empty; for the API
	 * ({@code model} {@code null}) it is thrown as {@link ReplyConflict}. Exceptions of {@code send} roll everything back.
	 */
	public <T> Optional<T> whenClear(long caseId, HttpServletRequest request, long actorId, Model model, Supplier<T> send) {
		return tx.execute(status -> {
			jdbc.sql("select id from cases where id = ? for update").param(caseId).query(Long.class).optional();
			if (model == null) check(caseId, request, actorId);
			else if (holdsBack(caseId, request, actorId, model)) return Optional.<T>empty();
			return Optional.of(send.get());
		});
	}

	/**
	 * For the case view's form posts: reads {@code seenReply}, {@code seenAssignee} and {@code force} from the request;
	 * on a conflict puts it into the model as {@value #MODEL_ATTRIBUTE} and returns {@code true} (the caller then
	 * renders the case with the draft kept).
	 */
	public boolean holdsBack(long caseId, HttpServletRequest request, long actorId, Model model) {
		if (forced(request)) return false;
		Optional<Conflict> conflict = find(caseId, seenReply(request), request.getParameter("seenAssignee"), actorId);
		conflict.ifPresent(c -> model.addAttribute(MODEL_ATTRIBUTE, c));
		return conflict.isPresent();
	}

	/**
	 * For the API: the same check, reading {@code seenReply}, {@code seenAssignee} and {@code force} from the query.
	 *
	 * @throws ReplyConflict when the reply must not go out yet
	 */
	public void check(long caseId, HttpServletRequest request, long actorId) {
		if (forced(request)) return;
		find(caseId, seenReply(request), request.getParameter("seenAssignee"), actorId).ifPresent(c -> {
			throw new ReplyConflict(c);
		});
	}

	/**
	 * What stands between the agent and sending: replies by others newer than {@code seenReplyId} and a change of
	 * assignee away from {@code seenAssignee} (a user id or {@code none}; {@code null} or blank: not checked).
	 */
	public Optional<Conflict> find(long caseId, long seenReplyId, String seenAssignee, long actorId) {
		CaseSummary c = cases.summary(caseId);
		List<NewerReply> newer = jdbc.sql("""
				select r.id, coalesce(u.display_name, u.username) as author, r.text, r.state, r.created_at
				from replies r left join users u on u.id = r.author_id
				where r.case_id = ? and r.id > ? and r.state <> 'CANCELLED' and r.author_id is distinct from ?
				order by r.id""")
			.params(caseId, seenReplyId, actorId)
			.query((rs, row) -> new NewerReply(rs.getLong("id"), rs.getString("author"), rs.getString("text"),
					rs.getString("state").toLowerCase(java.util.Locale.ROOT), rs.getTimestamp("created_at").toInstant()))
			.list();
		String reassignedTo = reassigned(c, seenAssignee, actorId);
		if (newer.isEmpty() && reassignedTo == null) return Optional.empty();
		return Optional.of(new Conflict(caseId, newer, reassignedTo, Math.max(seenReplyId, latestReplyId(caseId))));
	}

	/** The newest reply id on the case (0 when there is none): what a freshly rendered form has seen. */
	public long latestReplyId(long caseId) {
		return jdbc.sql("select coalesce(max(id), 0) from replies where case_id = ?").param(caseId).query(Long.class).single();
	}

	private static String reassigned(CaseSummary c, String seenAssignee, long actorId) {
		if (seenAssignee == null || seenAssignee.isBlank()) return null;
		Long seen = "none".equals(seenAssignee.strip()) ? null : parseId(seenAssignee);
		Long now = c.assigneeId();
		if (java.util.Objects.equals(seen, now) || (now != null && now == actorId)) return null;
		return now == null ? "" : (c.assignee() == null ? "#" + now : c.assignee());
	}

	private static long seenReply(HttpServletRequest request) {
		Long seen = parseId(request.getParameter("seenReply"));
		return seen == null ? 0 : seen;
	}

	private static Long parseId(String value) {
		if (value == null || value.isBlank()) return null;
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("'" + value + "' is not an id (expected a number)");
		}
	}

	private static boolean forced(HttpServletRequest request) {
		return "true".equalsIgnoreCase(request.getParameter("force"));
	}
}
