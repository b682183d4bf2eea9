package nl.luister.channel.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Adding a mailbox from the sources page. */
@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class MailSourcesPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	MailServer server;

	@BeforeEach
	void start() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		server = MailServer.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void theFormOffersAMailboxInEnglishAndDutch() throws Exception {
		mvc.perform(get("/sources").with(user(userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("E-mail (IMAP mailbox)")))
			.andExpect(content().string(containsString("name=\"imapHost\"")));
		mvc.perform(get("/sources").param("lang", "nl").with(user(userDetails.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("IMAP-server")));
	}

	@Test
	void addsAMailboxWhoseConnectionWorksAndNeverShowsThePassword() throws Exception {
		mvc.perform(post("/sources").with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
				.param("type", "mail").param("name", "Klantenservice").param("channel", "email")
				.param("imapHost", "127.0.0.1").param("imapPort", String.valueOf(server.imapPort())).param("imapSecurity", "none")
				.param("username", MailServer.LOGIN).param("password", MailServer.PASSWORD)
				.param("smtpHost", "127.0.0.1").param("smtpPort", String.valueOf(server.smtpPort())).param("smtpSecurity", "none")
				.param("fromAddress", MailServer.ADDRESS))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sources"));

		SourceRecord added = sources.all().getFirst();
		assertThat(added.type()).isEqualTo("mail");
		assertThat(sources.test(added.id()).ok()).isTrue();
		String page = mvc.perform(get("/sources").with(user(userDetails.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Klantenservice").doesNotContain(MailServer.PASSWORD);

		mvc.perform(post("/sources/{id}", added.id()).with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
				.param("name", "Support").param("channel", "email"))
			.andExpect(status().isFound());
		assertThat(sources.get(added.id()).name()).isEqualTo("Support");
		assertThat(sources.test(added.id()).ok()).as("settings kept when the page changes the name").isTrue();
	}

	@Test
	void aMailboxWithoutServerIsRefusedWithTheReason() throws Exception {
		mvc.perform(post("/sources").with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
				.param("type", "mail").param("name", "Leeg").param("channel", "email").param("imapPort", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a port number")));
		mvc.perform(post("/sources").with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
				.param("type", "mail").param("name", "Leeg").param("channel", "email"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("imapHost is required")));
		assertThat(sources.all()).isEmpty();
	}
}
