package nl.luister.channel.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceHealth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admins' banner of source notices and the plain problem headline on the sources page. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class HealthBannerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin sources;

	@Autowired
	SourceHealth health;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@BeforeEach
	void clean() {
		TestWorkspace.reset(jdbc);
	}

	@Test
	void adminsSeeAFailingSourceOnEveryPageUntilTheyDismissIt() throws Exception {
		var admin = userDetails.loadUserByUsername("admin");
		long id = sources.create(null, "mastodon", "Mastodon KoerierSnel", Channel.MASTODON,
				"{\"instance\": \"https://social.example\", \"accessToken\": \"t\"}", 3600).id();
		jdbc.sql("""
				update sources set failures = 3, last_error = 'reading notifications on https://social.example: the access token was refused (expired or revoked)',
				  last_error_at = now(), failing_since = now() - interval '1 hour' where id = ?""").param(id).update();
		assertThat(health.reportOutages()).isEqualTo(1);

		mvc.perform(get("/").with(user(admin)))
			.andExpect(content().string(containsString("Source “Mastodon KoerierSnel” is failing.")));
		mvc.perform(get("/sources").with(user(admin)).param("lang", "nl"))
			.andExpect(content().string(containsString("Bron “Mastodon KoerierSnel” heeft een storing.")))
			.andExpect(content().string(containsString("Token verlopen of ingetrokken.")));

		long notice = health.openNotices().getFirst().id();
		mvc.perform(post("/sources/notices/{id}/dismiss", notice).with(user(admin)).with(csrf())).andExpect(status().isFound());
		mvc.perform(get("/").with(user(admin))).andExpect(content().string(not(containsString("is failing."))));
	}
}
