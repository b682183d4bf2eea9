package nl.luister.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapTests {

	@Test
	void generatesLongUrlSafeDistinctPasswords() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String password = AdminBootstrap.generatePassword();
			assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
			assertThat(seen.add(password)).isTrue();
		}
	}
}
