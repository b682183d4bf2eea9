package nl.luister.reply.web;

import nl.luister.reply.InvalidTemplate;
import nl.luister.reply.PersonalData;
import nl.luister.reply.PersonalDataInPublic;
import nl.luister.reply.ReplyGuard;
import nl.luister.reply.ReplyNotReviewable;
import nl.luister.web.ApiController;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Replying's errors in the JSON API, before the general mapping: a public reply with personal data answers 422 with
 * the findings ({@code findings}, {@code asked}, {@code contained}: kinds such as {@code iban}, never the data), a bad
 * template 400 with {@code field}, {@code column} and {@code hint}, a reply in the wrong state for a review step 409.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReplyingApiErrors {

	@ExceptionHandler(PersonalDataInPublic.class)
	ResponseEntity<ProblemDetail> personalData(PersonalDataInPublic e) {
		ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		PersonalData.Findings f = e.findings();
		p.setProperty("findings", ReplyGuard.kinds(f));
		p.setProperty("asked", f.asked().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
		p.setProperty("contained", f.contained().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
		p.setProperty("confirmWith", "confirmPersonalData");
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(p);
	}

	@ExceptionHandler(InvalidTemplate.class)
	ResponseEntity<ProblemDetail> template(InvalidTemplate e) {
		ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e.getMessage());
		p.setProperty("field", e.field());
		p.setProperty("column", e.column());
		if (e.hint() != null) p.setProperty("hint", e.hint());
		return ResponseEntity.badRequest().body(p);
	}

	@ExceptionHandler(ReplyNotReviewable.class)
	ResponseEntity<ProblemDetail> notReviewable(ReplyNotReviewable e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, e.getMessage()));
	}

	private static ProblemDetail problem(HttpStatus status, String message) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
		p.setProperty("error", message);
		return p;
	}
}
