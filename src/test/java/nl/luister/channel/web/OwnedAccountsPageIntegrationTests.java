package nl.luister.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.OwnedAccounts;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class OwnedAccountsPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OwnedAccounts owned;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
	}

	@Test
	void adminsListAddChangeAndRemoveOwnAccountsAndHostileHandlesStayText() throws Exception {
		var admin = user("admin").roles("ADMIN");
		mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("channel", "mastodon").param("handle", "<b>KoerierSnel_help</b>")
				.param("role", "WEBCARE"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "channels.accounts.added"));
		mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("channel", "mastodon").param("handle", "<b>KoerierSnel_help</b>")
				.param("role", "MARKETING"))
			.andExpect(status().is3xxRedirection());
		assertThat(owned.listed()).singleElement().satisfies(a -> {
			assertThat(a.role()).isEqualTo("MARKETING");
			assertThat(a.channel()).isEqualTo(Channel.MASTODON);
		});
		assertThat(owned.known().owns(Channel.MASTODON, "<B>KOERIERSNEL_HELP</B>")).isTrue();
		mvc.perform(get("/admin/accounts").with(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;b&gt;KoerierSnel_help&lt;/b&gt;")));
		mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("channel", "mastodon").param("handle", " ").param("role", "WEBCARE"))
			.andExpect(flash().attribute("flashError", "channels.accounts.invalid"));
		mvc.perform(post("/admin/accounts").with(admin).with(csrf()).param("channel", "mastodon").param("handle", "x").param("role", "BOSS"))
			.andExpect(flash().attribute("flashError", "channels.accounts.invalid"));
		long id = owned.listed().getFirst().id();
		mvc.perform(post("/admin/accounts/{id}/remove", id).with(admin).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(owned.listed()).isEmpty();
	}

	@Test
	void agentsMayNotChangeThem() throws Exception {
		mvc.perform(get("/admin/accounts").with(user("anna").roles("AGENT"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/accounts").with(user("anna").roles("AGENT")).with(csrf()).param("channel", "mastodon").param("handle", "x"))
			.andExpect(status().isForbidden());
	}
}
