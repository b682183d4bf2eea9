package nl.luister.customer.web;

import nl.luister.customer.MergeRefused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A merge or undo the data does not allow answers 409 with what to do instead, as a problem document. */
@RestControllerAdvice(assignableTypes = PersonsApi.class)
class MergeErrors {

	@ExceptionHandler(MergeRefused.class)
	ResponseEntity<ProblemDetail> refused(MergeRefused e) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		p.setProperty("error", e.getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
	}
}
