package nl.luister.reply.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class PrivateChannelIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	LuisterUser admin;
	long caseId;

	@BeforeEach
	void oneDutchCaseOnMastodon() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		long mastodon = sources.create("private-mastodon", "mastodon", "Mastodon", Channel.MASTODON,
				"{\"instance\": \"https://social.example\", \"accessToken\": \"t\", \"account\": \"koeriersnel\"}", 3600).id();
		sources.pause(mastodon, true);
		ingestion.ingestPushed(mastodon, List.of(new RawMention("1", Channel.MASTODON, new RawMention.Author("anna_v", null, null), null,
				"@koeriersnel mijn pakket is al een week niet bezorgd, waar blijft het nou?", null, Instant.now().minusSeconds(600), null, true)));
		pipeline.drainAll();
		caseId = jdbc.sql("select id from cases").query(Long.class).single();
		admin = (LuisterUser) userDetails.loadUserByUsername("admin");
	}

	@Test
	void aPublicDraftAskingForAnOrderNumberGetsTheSuggestionWithADutchReadyText() throws Exception {
		mvc.perform(post("/cases/{id}/private-check", caseId).param("text", "Wat is je bestelnummer?").with(user(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("order or tracking number")))
			.andExpect(content().string(containsString("Wil je ons een privébericht (DM) sturen")));
	}

	@Test
	void aDraftThatMovesToADirectMessageGetsNoSuggestion() throws Exception {
		mvc.perform(post("/cases/{id}/private-check", caseId).param("text", "Stuur ons een DM met je bestelnummer").with(user(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("privébericht (DM)"))));
	}

	@Test
	void aDraftContainingAPhoneNumberGetsTheSuggestion() throws Exception {
		mvc.perform(post("/cases/{id}/private-check", caseId).param("text", "We bellen je op 06-12345678").with(user(admin)).with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("phone number")));
	}

	@Test
	void theReadyTextReplacesTheDraftAndTheReplyBoxWatchesTheDraft() throws Exception {
		mvc.perform(post("/cases/{id}/private-text", caseId).with(user(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reply-text\"")))
			.andExpect(content().string(containsString("privébericht")));
		mvc.perform(get("/cases/{id}", caseId).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/cases/" + caseId + "/private-check")));
	}
}
