package nl.luister.account;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

// Each test runs in a transaction that is rolled back, so removing the admin never leaks into other tests.
@SpringBootTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIntegrationTests {

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void createdAdminOnStartWithTheSuppliedPassword() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		assertThat(admin.role()).isEqualTo(Role.ADMIN);
		assertThat(this.passwordEncoder.matches("admin-test-password", hash())).isTrue();
	}

	@Test
	void createsAdminOnceWithSuppliedPasswordAndNeverLogsIt(CapturedOutput output) {
		removeAdmin();
		var bootstrap = new AdminBootstrap(this.users, new AdminProperties("supplied-secret-42"));

		assertThat(bootstrap.createAdminIfMissing()).isTrue();
		String hash = hash();
		assertThat(bootstrap.createAdminIfMissing()).isFalse();

		assertThat(this.passwordEncoder.matches("supplied-secret-42", hash)).isTrue();
		assertThat(hash()).isEqualTo(hash);
		assertThat(output).doesNotContain("supplied-secret-42").doesNotContain("First start: created user 'admin' with password ");
	}

	@Test
	void generatesPasswordWhenNoneIsSuppliedAndLogsItOnceOnly(CapturedOutput output) {
		removeAdmin();
		var bootstrap = new AdminBootstrap(this.users, new AdminProperties(" "));

		assertThat(bootstrap.createAdminIfMissing()).isTrue();
		var matcher = Pattern.compile("First start: created user 'admin' with password +(\\S+)").matcher(output.getAll());
		assertThat(matcher.find()).isTrue();
		String password = matcher.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(this.passwordEncoder.matches(password, hash())).isTrue();
		String hash = hash();

		// A restart finds the admin and changes nothing.
		var restarted = new AdminBootstrap(this.users, new AdminProperties(null));
		assertThat(restarted.createAdminIfMissing()).isFalse();
		assertThat(hash()).isEqualTo(hash);
		assertThat(output.getAll().split(Pattern.quote(password), -1)).hasSize(2);
		assertThat(output.getAll().split("created user 'admin' with password ", -1)).hasSize(2);
	}

	private void removeAdmin() {
		this.jdbc.sql("delete from users where username = 'admin'").update();
		assertThat(this.users.findByUsername("admin")).isEmpty();
	}

	private String hash() {
		return this.jdbc.sql("select password_hash from users where username = 'admin'").query(String.class).single();
	}
}
