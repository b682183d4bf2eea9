package nl.luister.collab.web;

import java.util.Map;

import nl.luister.collab.ForwardRefused;
import nl.luister.collab.ReplyConflicts;
import nl.luister.web.ApiController;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A reply held back by {@link ReplyConflicts} answers 409 with the newer replies ({@code replies}), the new assignee
 * ({@code reassignedTo}, when it changed) and {@code latestReply}, the {@code seenReply} to send again with; a refused
 * forward answers 400, or 429 when a cap is reached.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollabApiErrors {

	@ExceptionHandler(ReplyConflicts.ReplyConflict.class)
	ResponseEntity<ProblemDetail> conflict(ReplyConflicts.ReplyConflict e) {
		var c = e.conflict();
		ProblemDetail p = problem(HttpStatus.CONFLICT, e.getMessage());
		p.setProperty("replies", c.replies().stream()
			.map(r -> Map.of("id", r.id(), "author", r.author() == null ? "" : r.author(), "text", r.text(), "state", r.state(), "at", r.at().toString()))
			.toList());
		if (c.reassignedTo() != null) p.setProperty("reassignedTo", c.reassignedTo());
		p.setProperty("latestReply", c.latestReplyId());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
	}

	@ExceptionHandler(ForwardRefused.class)
	ResponseEntity<ProblemDetail> refused(ForwardRefused e) {
		HttpStatus status = e.tooMany() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(problem(status, e.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String message) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
		p.setProperty("error", message);
		return p;
	}
}
