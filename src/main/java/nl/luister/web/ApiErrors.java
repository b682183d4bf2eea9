package nl.luister.web;

import nl.luister.monitor.QuerySyntaxError;
import nl.luister.reply.MarketingAccountRefused;
import nl.luister.reply.RepliesNotSupported;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad input to the JSON API answers 400 with what to change (a query error also names the column), a reply
 * the channel cannot send answers 409 with what to do instead.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiErrors {

	@ExceptionHandler(QuerySyntaxError.class)
	ResponseEntity<ProblemDetail> query(QuerySyntaxError e) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e.getMessage());
		p.setProperty("column", e.column());
		return ResponseEntity.badRequest().body(p);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badInput(IllegalArgumentException e) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, e.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON of the expected shape"));
	}

	@ExceptionHandler({ RepliesNotSupported.class, MarketingAccountRefused.class })
	ResponseEntity<ProblemDetail> cannotSend(RuntimeException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, e.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String message) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
		p.setProperty("error", message);
		return p;
	}
}
