package nl.luister.account;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Tells other features who is acting: the id of the signed-in user, for assignment, notes, replies and the
 * audit log. In a controller, {@code @AuthenticationPrincipal LuisterUser me} is shorter; this helper is
 * for services and for code that only has an {@link Authentication}.
 */
@Component
public class CurrentUser {

	/**
	 * The user behind this authentication.
	 * @throws IllegalStateException when the authentication is not a signed-in Luister user (a bug: the
	 * request should never have passed security)
	 */
	public LuisterUser of(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof LuisterUser user) {
			return user;
		}
		throw new IllegalStateException("no signed-in Luister user in " + authentication);
	}

	/** The id of the user behind this authentication; see {@link #of(Authentication)}. */
	public UserId id(Authentication authentication) {
		return of(authentication).id();
	}

	/** The user signed in on the current thread, if any. */
	public Optional<LuisterUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof LuisterUser user)
				? Optional.of(user) : Optional.empty();
	}
}
