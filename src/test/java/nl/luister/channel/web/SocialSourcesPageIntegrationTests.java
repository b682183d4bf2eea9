package nl.luister.channel.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Adding Mastodon, Bluesky and webhook sources from the sources page. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class SocialSourcesPageIntegrationTests {

	static final String TOKEN = "mastodon-token-that-must-never-show";

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin sources;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	UserDetails admin;

	@BeforeEach
	void clean() {
		TestWorkspace.reset(jdbc);
		admin = userDetails.loadUserByUsername("admin");
	}

	@Test
	void theFormOffersMastodonBlueskyAndWebhookInEnglishAndDutch() throws Exception {
		mvc.perform(get("/sources").with(user(admin)).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Access token")))
			.andExpect(content().string(containsString("App password")))
			.andExpect(content().string(containsString("Signing secret")))
			.andExpect(content().string(containsString("Mastodon account")));
		mvc.perform(get("/sources").with(user(admin)).param("lang", "nl"))
			.andExpect(content().string(containsString("Toegangstoken")))
			.andExpect(content().string(containsString("App-wachtwoord")))
			.andExpect(content().string(containsString("Ondertekeningsgeheim")));
	}

	@Test
	void addsAMastodonSourceAndNeverShowsItsToken() throws Exception {
		mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "mastodon").param("name", "Mastodon KoerierSnel")
				.param("channel", "mastodon").param("mastodonInstance", "https://social.example").param("mastodonToken", TOKEN)
				.param("mastodonAccount", "@koeriersnel").param("mastodonHashtags", "#koeriersnel, pakket").param("mastodonVisibility", "unlisted"))
			.andExpect(status().isFound());

		SourceRecord added = sources.all().getFirst();
		assertThat(added.type()).isEqualTo("mastodon");
		assertThat(added.settings()).contains(TOKEN).contains("\"koeriersnel\"").contains("\"pakket\"").contains("unlisted");
		String page = mvc.perform(get("/sources").with(user(admin))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Mastodon KoerierSnel").doesNotContain(TOKEN);
		String edit = mvc.perform(get("/sources/{id}/edit", added.id()).with(user(admin))).andReturn().getResponse().getContentAsString();
		assertThat(edit).doesNotContain(TOKEN);

		mvc.perform(post("/sources/{id}", added.id()).with(user(admin)).with(csrf()).param("name", "Mastodon").param("channel", "mastodon"))
			.andExpect(status().isFound());
		assertThat(sources.get(added.id()).settings()).as("the page keeps the settings").contains(TOKEN);
	}

	@Test
	void missingOrWrongFieldsAreRefusedWithTheirReason() throws Exception {
		mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "mastodon").param("name", "M").param("channel", "mastodon")
				.param("mastodonInstance", "mastodon.social"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a web address")))
			.andExpect(content().string(containsString("Fill in the access token")));
		mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "bluesky").param("name", "B").param("channel", "bluesky")
				.param("blueskyHandle", "koeriersnel.bsky.social"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fill in an app password")));
		mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "webhook").param("name", "W").param("channel", "review")
				.param("mapId", "review.id").param("webhookSecret", "not-a-secret"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("JSON pointer starting with /")))
			.andExpect(content().string(containsString("Fill in where the text is")));

		assertThat(sources.all()).isEmpty();
	}

	@Test
	void aBlueskySourceIsAddedWithItsAppPassword() throws Exception {
		mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "bluesky").param("name", "Bluesky").param("channel", "bluesky")
				.param("blueskyService", "").param("blueskyHandle", "@koeriersnel.bsky.social").param("blueskyAppPassword", "abcd-efgh-ijkl-mnop")
				.param("blueskySearch", "koeriersnel"))
			.andExpect(status().isFound());

		assertThat(sources.all()).singleElement().satisfies(s -> assertThat(s.settings())
			.contains("https://bsky.social").contains("koeriersnel.bsky.social").contains("abcd-efgh-ijkl-mnop"));
	}

	@Test
	void aWebhookWithoutSecretGetsAGeneratedOneShownOnlyOnce() throws Exception {
		MvcResult created = mvc.perform(post("/sources").with(user(admin)).with(csrf()).param("type", "webhook").param("name", "Reviews")
				.param("channel", "review").param("mapId", "/review/id").param("mapText", "/review/body").param("mapRating", "/review/stars"))
			.andExpect(status().isFound())
			.andReturn();
		String secret = (String) created.getFlashMap().get("webhookSecret");
		assertThat(secret).startsWith("whsec_");
		assertThat(sources.all()).singleElement().satisfies(s -> assertThat(s.settings()).contains(secret).contains("/review/stars"));

		mvc.perform(get("/sources").with(user(admin)).flashAttr("webhookSecret", secret))
			.andExpect(content().string(containsString(secret)));
		assertThat(mvc.perform(get("/sources").with(user(admin))).andReturn().getResponse().getContentAsString()).doesNotContain(secret);
	}
}
