package nl.luister.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns a feature's {@link NotFound} into a 404: the friendly {@code error} page for people, a problem
 * document for {@code /api/**}. Everything else falls through to Spring Boot's error handling, which renders
 * the same {@code error} template (or JSON for API clients).
 */
@ControllerAdvice
class ErrorHandling {

	// Object, not a common type: Spring picks the return value handler by the runtime type.
	@ExceptionHandler(NotFound.class)
	Object notFound(NotFound ex, HttpServletRequest request) {
		HttpStatus status = HttpStatus.NOT_FOUND;
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
			problem.setProperty("error", ex.getMessage());
			return ResponseEntity.status(status).body(problem);
		}
		return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(),
				"message", ex.getMessage(), "path", request.getRequestURI()), status);
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}
}
