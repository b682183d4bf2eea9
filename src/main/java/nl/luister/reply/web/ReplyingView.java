package nl.luister.reply.web;

import nl.luister.account.CurrentUser;
import nl.luister.account.LuisterUser;
import nl.luister.cases.CaseManagement;
import nl.luister.reply.AgentProfiles;
import nl.luister.reply.Approvals;

import org.springframework.stereotype.Component;

/**
 * What replying's fragments in shared pages read for the signed-in user (the bean {@code replyingView}): the signature
 * a reply on a case will carry, whether it will wait for approval, the approval count of the navigation. Thread-safe;
 * reads the current user from the security context.
 */
@Component("replyingView")
public class ReplyingView {

	private final CurrentUser currentUser;
	private final AgentProfiles profiles;
	private final Approvals approvals;
	private final CaseManagement cases;

	ReplyingView(CurrentUser currentUser, AgentProfiles profiles, Approvals approvals, CaseManagement cases) {
		this.currentUser = currentUser;
		this.profiles = profiles;
		this.approvals = approvals;
		this.cases = cases;
	}

	/** What will be added below the current user's reply on this case; empty when nothing. */
	public String signature(long caseId) {
		return currentUser.current().map(u -> profiles.suffix(u.id().value(), cases.summary(caseId).channel())).orElse("");
	}

	/** Whether the current user's reply on this case would wait for approval. */
	public boolean needsApproval(long caseId) {
		return currentUser.current().map(u -> approvals.needsApproval(caseId, u.id().value())).orElse(false);
	}

	/** Whether the current user may resubmit this returned reply (its author or a team lead). */
	public boolean mayResubmit(Approvals.Review review) {
		return currentUser.current().map(u -> u.isTeamLead() || Long.valueOf(u.id().value()).equals(review.authorId())).orElse(false);
	}

	/** Whether the current user approves replies (team leads and admins). */
	public boolean isLead() {
		return currentUser.current().map(LuisterUser::isTeamLead).orElse(false);
	}

	/** The navigation's count of replies waiting for approval; 0 for users who do not approve. */
	public int awaitingCount() {
		return currentUser.current().filter(LuisterUser::isTeamLead).map(u -> approvals.awaitingCount()).orElse(0);
	}
}
