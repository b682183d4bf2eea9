package nl.luister.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import nl.luister.account.LuisterUser;

/**
 * Gives every page what the layout shows: {@code currentUser} (the signed-in {@link LuisterUser}, absent
 * when nobody is signed in, e.g. on the login and error pages) and {@code requestPath} (the path of this
 * request, without the context path, for marking the current navigation entry).
 */
@ControllerAdvice
class LayoutModel {

	@ModelAttribute("currentUser")
	LuisterUser currentUser(@AuthenticationPrincipal LuisterUser user) {
		return user;
	}

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		// On an error page, the path that failed, so the language switch reloads it rather than /error.
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed instanceof String path ? path : request.getRequestURI();
		return uri.substring(request.getContextPath().length());
	}
}
