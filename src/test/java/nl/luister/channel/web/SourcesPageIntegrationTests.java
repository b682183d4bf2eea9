package nl.luister.channel.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.channel.FeedServer;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class SourcesPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin sources;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService userDetails;

	FeedServer server;

	@BeforeEach
	void start() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		topics.reload();
		server = FeedServer.start();
		server.serveResource("/feed.xml", "feeds/koeriersnel-rss2.xml", "application/rss+xml; charset=utf-8");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void saysWhatToDoWhenThereAreNoSources() throws Exception {
		mvc.perform(get("/sources").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No sources yet — add an RSS feed or import a file")));
	}

	@Test
	void showsAFailingSourceWithItsReason() throws Exception {
		server.status("/broken.xml", 500);
		SourceRecord broken = sources.create(null, "rss", "Broken forum", Channel.FORUM, "{\"url\": \"" + server.url("/broken.xml") + "\"}", 60);
		sources.pollNow(broken.id());

		mvc.perform(get("/sources").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Broken forum"), containsString("health-failing"),
					containsString(">Failing<"), containsString("500"))));
	}

	@Test
	void showsTheHealthInDutch() throws Exception {
		sources.create(null, "rss", "Nog niet opgehaald", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		mvc.perform(get("/sources").with(user(admin())).param("lang", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Wacht op de eerste keer ophalen"), containsString("Verbinding testen"))));
	}

	@Test
	void testsTheConnectionOfAServedFeedInPlace() throws Exception {
		SourceRecord feed = sources.create(null, "rss", "Pakketpraat", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		String fragment = mvc.perform(post("/sources/{id}/test", feed.id()).with(user(admin())).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fragment).contains("id=\"probe-" + feed.id() + "\"", "probe-ok", "Connection works").doesNotContain("<html");
		assertThat(sources.get(feed.id()).itemsTotal()).isZero();
	}

	@Test
	void testsTheConnectionOfABrokenFeedWithTheReason() throws Exception {
		server.status("/gone.xml", 404);
		SourceRecord feed = sources.create(null, "rss", "Gone", Channel.BLOG, "{\"url\": \"" + server.url("/gone.xml") + "\"}", 60);

		mvc.perform(post("/sources/{id}/test", feed.id()).with(user(admin())).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("probe-failed"), containsString("Connection failed"), containsString("404"))));
	}

	@Test
	void addsAnRssSource() throws Exception {
		mvc.perform(post("/sources").with(user(admin())).with(csrf())
				.param("type", "rss").param("name", "Pakketpraat").param("channel", "forum")
				.param("url", server.url("/feed.xml")).param("pollSeconds", "900"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sources"));

		assertThat(sources.all()).singleElement().satisfies(s -> {
			assertThat(s.name()).isEqualTo("Pakketpraat");
			assertThat(s.channel()).isEqualTo(Channel.FORUM);
			assertThat(s.pollSeconds()).isEqualTo(900);
			assertThat(s.settings()).contains(server.url("/feed.xml"));
		});
	}

	@Test
	void refusesAnAddressThatIsNotAWebAddress() throws Exception {
		mvc.perform(post("/sources").with(user(admin())).with(csrf())
				.param("type", "rss").param("name", "Local file").param("channel", "blog").param("url", "file:///etc/passwd"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter the full address of the feed")));

		assertThat(sources.all()).isEmpty();
	}

	@Test
	void refusesAnUnknownTypeWithTheReason() throws Exception {
		mvc.perform(post("/sources").with(user(admin())).with(csrf())
				.param("type", "telepathy").param("name", "Mind reading").param("channel", "other"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Not saved: unknown source type"), containsString("Mind reading"))));

		assertThat(sources.all()).isEmpty();
	}

	@Test
	void pausesAndFetchesOnRequest() throws Exception {
		SourceRecord feed = sources.create(null, "rss", "Pakketpraat", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);

		mvc.perform(post("/sources/{id}/fetch", feed.id()).with(user(admin())).with(csrf())).andExpect(status().isFound());
		assertThat(sources.get(feed.id()).itemsTotal()).isEqualTo(3);

		mvc.perform(post("/sources/{id}/pause", feed.id()).with(user(admin())).with(csrf())).andExpect(status().isFound());
		assertThat(sources.get(feed.id()).health()).isEqualTo(SourceRecord.Health.PAUSED);
		mvc.perform(get("/sources").with(user(admin()))).andExpect(content().string(containsString(">Resume<")));
	}

	@Test
	void letsAgentsLookButNotChange() throws Exception {
		SourceRecord feed = sources.create(null, "rss", "Pakketpraat", Channel.BLOG, "{\"url\": \"" + server.url("/feed.xml") + "\"}", 60);
		UserDetails agent = agent();

		mvc.perform(get("/sources").with(user(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Pakketpraat"), containsString("Test connection"),
					not(containsString("Add source")), not(containsString("Fetch now")))));
		mvc.perform(post("/sources").with(user(agent)).with(csrf()).param("type", "rss").param("name", "X")
				.param("url", server.url("/feed.xml")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/sources/{id}/pause", feed.id()).with(user(agent)).with(csrf())).andExpect(status().isForbidden());
		assertThat(sources.all()).singleElement().satisfies(s -> assertThat(s.paused()).isFalse());
	}

	@Test
	void rendersThePagesWithoutInlineScriptOrStyle() throws Exception {
		server.status("/broken.xml", 500);
		SourceRecord broken = sources.create(null, "rss", "Broken", Channel.FORUM, "{\"url\": \"" + server.url("/broken.xml") + "\"}", 60);
		sources.pollNow(broken.id());

		for (String path : new String[] { "/sources", "/sources/" + broken.id() + "/edit", "/topics", "/search?q=pakket", "/import" }) {
			String html = mvc.perform(get(path).with(user(admin()))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
			assertThat(html).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
				.doesNotContainPattern("\\son[a-z]+=")
				.doesNotContain("style=", "hx-on", "??");
		}
	}

	private UserDetails admin() {
		return userDetails.loadUserByUsername("admin");
	}

	private UserDetails agent() {
		if (users.findByUsername("agent-sources").isEmpty()) {
			users.create("agent-sources", "agent-password-123", Role.AGENT, "Agent");
		}
		return userDetails.loadUserByUsername("agent-sources");
	}
}
