package nl.luister.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How Spring Security finds users and checks their passwords. */
@Configuration(proxyBeanMethods = false)
class UserAccounts {

	// Delegating: hashes carry their algorithm ({bcrypt}…), so a stronger one can come later without a reset.
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Users users) {
		return username -> users.findCredentials(username)
			.map(c -> new LuisterUser(c.user(), c.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}
}
