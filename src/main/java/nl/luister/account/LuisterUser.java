package nl.luister.account;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it: the principal of every authenticated request, in the
 * UI and the API alike. Controllers get it with {@code @AuthenticationPrincipal LuisterUser me} or
 * through {@link CurrentUser}. Immutable except that the password hash is erased after sign-in; safe to
 * keep in a session.
 */
public final class LuisterUser implements UserDetails, CredentialsContainer {

	private final UserId id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final boolean enabled;

	private String passwordHash;

	LuisterUser(User user, String passwordHash) {
		this.id = user.id();
		this.username = user.username();
		this.displayName = user.displayName();
		this.role = user.role();
		this.enabled = user.enabled();
		this.passwordHash = passwordHash;
	}

	public UserId id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** Whether the user may lead a team: write rules and receive escalations (team leads and admins). */
	public boolean isTeamLead() {
		return this.role == Role.LEAD || this.role == Role.ADMIN;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	// Spring Security compares principals (e.g. for concurrent-session control) by equals.
	@Override
	public boolean equals(Object other) {
		return other instanceof LuisterUser that && this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id);
	}

	@Override
	public String toString() {
		return "LuisterUser[" + this.id + ", " + this.username + ", " + this.role + "]";
	}
}
