package nl.luister.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import nl.luister.account.LuisterUser;

/**
 * Turns a feature's {@link NotFound} into a 404: the friendly {@code error} page for people, a problem
 * document for {@code /api/**}. Everything else falls through to Spring Boot's error handling, which renders
 * the same {@code error} template (or JSON for API clients).
 */
@ControllerAdvice
class ErrorHandling {

	private final LayoutModel layout;

	ErrorHandling(LayoutModel layout) {
		this.layout = layout;
	}

	// Object, not a common type: Spring picks the return value handler by the runtime type.
	@ExceptionHandler(NotFound.class)
	Object notFound(NotFound ex, HttpServletRequest request, @AuthenticationPrincipal LuisterUser user) {
		HttpStatus status = HttpStatus.NOT_FOUND;
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
			problem.setProperty("error", ex.getMessage());
			return ResponseEntity.status(status).body(problem);
		}
		// Exception handlers skip @ModelAttribute methods, so the layout's model is added by hand.
		var page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("message", ex.getMessage());
		page.addObject("path", request.getRequestURI());
		page.addObject("currentUser", this.layout.currentUser(user));
		page.addObject("requestPath", this.layout.requestPath(request));
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}
}
