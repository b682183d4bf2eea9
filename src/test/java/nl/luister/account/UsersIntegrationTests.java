package nl.luister.account;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
@Transactional
class UsersIntegrationTests {

	@Autowired
	Users users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsUserWithHashedPassword() {
		User anna = this.users.create("anna", "a-long-password", Role.AGENT, " Anna V. ");

		assertThat(anna.username()).isEqualTo("anna");
		assertThat(anna.displayName()).isEqualTo("Anna V.");
		assertThat(anna.role()).isEqualTo(Role.AGENT);
		assertThat(anna.enabled()).isTrue();
		String hash = this.jdbc.sql("select password_hash from users where id = ?").param(anna.id().value()).query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("a-long-password");
		assertThat(this.users.findById(anna.id())).contains(anna);
		assertThat(this.users.list()).contains(anna);
	}

	@Test
	void showsUsernameWhenThereIsNoDisplayName() {
		assertThat(this.users.create("bram", "a-long-password", Role.AGENT, null).displayName()).isEqualTo("bram");
	}

	@Test
	void refusesTakenUsername() {
		this.users.create("cees", "a-long-password", Role.AGENT, null);
		assertThatExceptionOfType(UsernameTaken.class)
			.isThrownBy(() -> this.users.create("cees", "another-password", Role.ADMIN, null));
	}

	@Test
	void remembersLocale() {
		User dirk = this.users.create("dirk", "a-long-password", Role.AGENT, null);
		this.users.setLocale(dirk.id(), Locale.forLanguageTag("nl"));
		assertThat(this.users.findById(dirk.id()).orElseThrow().locale()).isEqualTo(Locale.forLanguageTag("nl"));
	}

	@Test
	void loadsSignInUserWithIdAndRole() {
		User eva = this.users.create("eva", "a-long-password", Role.ADMIN, "Eva");
		var loaded = (LuisterUser) this.userDetails.loadUserByUsername("eva");

		assertThat(loaded.id()).isEqualTo(eva.id());
		assertThat(loaded.isAdmin()).isTrue();
		assertThat(loaded.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
		assertThat(this.passwordEncoder.matches("a-long-password", loaded.getPassword())).isTrue();
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> this.userDetails.loadUserByUsername("nobody"));
	}

	@Test
	void changesPassword() {
		User fleur = this.users.create("fleur", "a-long-password", Role.AGENT, null);
		this.users.setPassword(fleur.id(), "another-long-password");
		assertThat(this.passwordEncoder.matches("another-long-password", this.userDetails.loadUserByUsername("fleur").getPassword()))
			.isTrue();
	}
}
