package nl.luister.channel.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.OwnedAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class OwnedAccountsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OwnedAccounts owned;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@BeforeEach
	void clean() {
		TestWorkspace.reset(jdbc);
	}

	@Test
	void adminsListOwnedAccountsWhosePostsAreThenOurs() throws Exception {
		var admin = userDetails.loadUserByUsername("admin");
		mvc.perform(post("/api/owned-accounts").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"review\", \"handle\": \"@KoerierSnel_help\", \"role\": \"webcare\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.handle").value("KoerierSnel_help"))
			.andExpect(jsonPath("$.role").value("webcare"));
		assertThat(owned.known().owns(Channel.REVIEW, "koeriersnel_help")).isTrue();

		mvc.perform(post("/api/owned-accounts").with(user(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"review\", \"handle\": \" \"}"))
			.andExpect(status().isBadRequest());
		long id = owned.listed().getFirst().id();
		mvc.perform(get("/api/owned-accounts").with(user(admin))).andExpect(jsonPath("$[0].channel").value("review"));
		mvc.perform(delete("/api/owned-accounts/{id}", id).with(user(admin)).with(csrf())).andExpect(status().isNoContent());
		assertThat(owned.known().owns(Channel.REVIEW, "koeriersnel_help")).isFalse();
	}
}
