package nl.luister.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.luister.account.Role;
import nl.luister.account.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void redirectsUnauthenticatedPageRequestToLogin() throws Exception {
		this.mvc.perform(get("/about")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void sendsHtmxRequestsWithoutSessionToLoginByHeader() throws Exception {
		this.mvc.perform(get("/about").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void showsLoginPageToEveryone() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
	}

	@Test
	void signsInAdminWithBootstrapPasswordAndChangesTheSessionId() throws Exception {
		MockHttpSession before = (MockHttpSession) this.mvc.perform(get("/login")).andReturn().getRequest().getSession();
		String idBefore = before.getId();

		MvcResult result = this.mvc
			.perform(post("/login").session(before).param("username", "admin").param("password", "admin-test-password").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andReturn();

		assertThat(before.isInvalid()).isTrue();
		assertThat(result.getRequest().getSession(false)).isNotNull();
		assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
	}

	@Test
	void rejectsWrongPassword() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", "nope").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void forbidsUiPostWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(user("admin").roles("ADMIN"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).param("username", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void logsOutWithPostAndCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void acceptsHttpBasicOnApi() throws Exception {
		// No API endpoint exists yet: getting past security means a 404 problem document, not 401.
		this.mvc.perform(get("/api/nothing-here").with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isNotFound());
	}

	@Test
	void answersApiWithoutCredentialsWith401NotARedirect() throws Exception {
		this.mvc.perform(get("/api/cases"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")))
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"status\":401")));
	}

	@Test
	void answersApiWithWrongPasswordWith401() throws Exception {
		this.mvc.perform(get("/api/cases").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void doesNotNeedCsrfTokenForApi() throws Exception {
		this.mvc.perform(post("/api/nothing-here").with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().is4xxClientError())
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(403));
	}

	@Test
	void servesHealthWithoutSignIn() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void sendsContentSecurityPolicyThatForbidsInlineScript() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("object-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("base-uri 'self'")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))))
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
	}

	@Test
	void rendersNoInlineScriptInTheLayout() throws Exception {
		String html = this.mvc.perform(get("/about").with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
		assertThat(html).doesNotContainPattern("\\son[a-z]+=");
		assertThat(html).doesNotContain("style=");
		assertThat(html).doesNotContain("??");
		assertThat(html).contains("hx-headers='{&quot;X-CSRF-TOKEN&quot;: &quot;")
			.containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js")
			.contains("<dialog id=\"shortcuts\"");
	}

	@Test
	void keepsAgentsOutOfAdminPages() throws Exception {
		if (this.users.findByUsername("agent-sec").isEmpty()) {
			this.users.create("agent-sec", "agent-password-123", Role.AGENT, "Agent");
		}
		var agent = this.userDetails.loadUserByUsername("agent-sec");
		this.mvc.perform(get("/admin/users").with(user(agent))).andExpect(status().isForbidden());
		this.mvc.perform(get("/about").with(user(agent))).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").with(user(this.userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
	}
}
