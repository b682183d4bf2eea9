package nl.luister.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CurrentUserTests {

	final CurrentUser currentUser = new CurrentUser();

	@Test
	void givesTheIdOfTheSignedInUser() {
		var user = new LuisterUser(new User(new UserId(7), "anna", Role.AGENT, "Anna", null, true, Instant.now()), "{noop}x");
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());

		assertThat(this.currentUser.id(authentication)).isEqualTo(new UserId(7));
		assertThat(this.currentUser.of(authentication).displayName()).isEqualTo("Anna");
	}

	@Test
	void refusesAuthenticationWithoutLuisterUser() {
		assertThatIllegalStateException().isThrownBy(() -> this.currentUser.id(new TestingAuthenticationToken("x", "y")));
		assertThatIllegalStateException().isThrownBy(() -> this.currentUser.id(null));
	}
}
