package nl.luister.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes sure Luister can be signed in to: on start, when no user named {@value #ADMIN} exists, creates it
 * with role ADMIN. The password comes from {@code luister.admin-password} ({@code LUISTER_ADMIN_PASSWORD});
 * without one, a random password is generated and logged once at WARN, the only time it is ever shown.
 * A supplied password is never logged. Does nothing once the admin exists, so restarts never change it.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final SecureRandom random = new SecureRandom();

	private final Users users;

	private final AdminProperties properties;

	AdminBootstrap(Users users, AdminProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		createAdminIfMissing();
	}

	/** Creates the admin unless it exists; returns whether it did. */
	boolean createAdminIfMissing() {
		if (this.users.findByUsername(ADMIN).isPresent()) {
			return false;
		}
		String supplied = this.properties.adminPassword();
		boolean generated = !StringUtils.hasText(supplied);
		String password = generated ? generatePassword() : supplied;
		try {
			this.users.create(ADMIN, password, Role.ADMIN, "Administrator");
		}
		catch (UsernameTaken ex) {
			// Another node started at the same moment and won; its admin stands.
			return false;
		}
		if (generated) {
			log.warn("""

					╔══════════════════════════════════════════════════════════════════════╗
					  First start: created user '{}' with password  {}
					  Sign in and change it now under Users (/admin/users).
					  This password is shown only this once. To choose it yourself next
					  time, set LUISTER_ADMIN_PASSWORD (or luister.admin-password).
					╚══════════════════════════════════════════════════════════════════════╝""", ADMIN, password);
		}
		else {
			log.info("First start: created user '{}' with the password from luister.admin-password", ADMIN);
		}
		return true;
	}

	// 144 random bits, URL-safe so it survives copying from a terminal.
	static String generatePassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
