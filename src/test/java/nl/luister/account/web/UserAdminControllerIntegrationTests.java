package nl.luister.account.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import nl.luister.account.Role;
import nl.luister.account.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class UserAdminControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder passwordEncoder;

	UserDetails admin() {
		return this.userDetails.loadUserByUsername("admin");
	}

	@Test
	void listsUsers() throws Exception {
		this.mvc.perform(get("/admin/users").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>admin</code>")));
	}

	@Test
	void addsAgent() throws Exception {
		this.mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", "gijs").param("displayName", "Gijs").param("password", "a-long-password").param("role", "AGENT"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flash", "users.created"));

		assertThat(this.users.findByUsername("gijs")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.AGENT));
	}

	@Test
	void refusesShortPasswordAndTakenUsername() throws Exception {
		this.mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", "hanna").param("password", "short").param("role", "AGENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("At least 12 characters.")));
		this.mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", "admin").param("password", "a-long-password").param("role", "ADMIN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That username is taken.")));
		assertThat(this.users.findByUsername("hanna")).isEmpty();
	}

	@Test
	void setsPassword() throws Exception {
		var ida = this.users.create("ida", "a-long-password", Role.AGENT, null);
		this.mvc.perform(post("/admin/users/{id}/password", ida.id().value()).with(user(admin())).with(csrf())
			.param("password", "a-new-long-password"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "users.passwordChanged"));
		assertThat(this.passwordEncoder.matches("a-new-long-password", this.userDetails.loadUserByUsername("ida").getPassword()))
			.isTrue();
	}
}
