package nl.luister.reply.web;

import nl.luister.account.LuisterUser;
import nl.luister.reply.Approvals;
import nl.luister.reply.ReplyNotReviewable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval queue ({@code /approvals}, team leads and admins; others get 403): each waiting reply with its case,
 * author and an editable text, approve or send back with a note. The author resubmits a returned reply from the case
 * view ({@code /cases/{id}/replies/{replyId}/resubmit}).
 */
@Controller
class ApprovalsController {

	private final Approvals approvals;

	ApprovalsController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/approvals")
	String queue(@AuthenticationPrincipal LuisterUser me, Model model) {
		requireLead(me);
		model.addAttribute("pending", approvals.queue());
		return "replying/approvals";
	}

	@PostMapping("/approvals/{replyId}/approve")
	String approve(@PathVariable long replyId, @RequestParam(defaultValue = "") String text, @AuthenticationPrincipal LuisterUser me,
			RedirectAttributes redirect) {
		requireLead(me);
		if (text.length() > 10_000) return error(redirect, "inbox.reply.tooLong");
		try {
			approvals.approve(replyId, text, me.id().value());
		}
		catch (ReplyNotReviewable e) {
			return error(redirect, "replying.approvals.gone");
		}
		redirect.addFlashAttribute("flash", "replying.approvals.approved");
		return "redirect:/approvals";
	}

	@PostMapping("/approvals/{replyId}/return")
	String sendBack(@PathVariable long replyId, @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal LuisterUser me,
			RedirectAttributes redirect) {
		requireLead(me);
		if (note.isBlank() || note.length() > 2000) return error(redirect, "replying.approvals.noteNeeded");
		try {
			approvals.sendBack(replyId, note, me.id().value());
		}
		catch (ReplyNotReviewable e) {
			return error(redirect, "replying.approvals.gone");
		}
		redirect.addFlashAttribute("flash", "replying.approvals.returned");
		return "redirect:/approvals";
	}

	@PostMapping("/cases/{caseId}/replies/{replyId}/resubmit")
	String resubmit(@PathVariable long caseId, @PathVariable long replyId, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		try {
			approvals.resubmit(replyId, text, me.id().value());
			redirect.addFlashAttribute("flash", "replying.approvals.resubmitted");
		}
		catch (ReplyNotReviewable e) {
			redirect.addFlashAttribute("flashError", "replying.approvals.gone");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "inbox.reply.empty");
		}
		return "redirect:/cases/" + caseId;
	}

	private static String error(RedirectAttributes redirect, String key) {
		redirect.addFlashAttribute("flashError", key);
		return "redirect:/approvals";
	}

	private static void requireLead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("the approval queue is for team leads and admins");
	}
}
