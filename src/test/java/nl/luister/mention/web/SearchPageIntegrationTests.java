package nl.luister.mention.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.importer.MentionImport;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class SearchPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionImport importer;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@BeforeEach
	void cleanWorkspace() throws Exception {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		topics.reload();
		String jsonl = """
				{"id": "1", "channel": "forum", "author": {"handle": "anna_v", "name": "Anna V."}, "title": "Levering", "text": "Drie pakketten bezorgd bij de buren", "publishedAt": "2026-01-02T10:00:00Z", "url": "https://forum.example.nl/t/1"}
				{"id": "2", "channel": "review", "author": "bram", "text": "Het pakket kwam een dag te laat", "publishedAt": "2026-01-03T10:00:00Z"}
				{"id": "3", "author": "mallory", "text": "Hallo <script>alert('xss')</script><img src=x onerror=alert(1)> fietsen", "publishedAt": "2026-01-04T10:00:00Z"}
				""";
		importer.importJsonl(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), lines -> {
		});
		pipeline.drainAll();
	}

	@Test
	void findsDutchWordFormsByTheirStemNewestFirst() throws Exception {
		String html = search("pakket");

		assertThat(html).contains("Drie pakketten bezorgd bij de buren", "Het pakket kwam een dag te laat", "2 mentions, newest first");
		assertThat(html.indexOf("Het pakket kwam")).isLessThan(html.indexOf("Drie pakketten"));
		assertThat(html).contains("Anna V.", "anna_v", "Forum", "Levering")
			.contains("href=\"https://forum.example.nl/t/1\" rel=\"noopener noreferrer\"");
	}

	@Test
	void leavesOutWordsWithAMinus() throws Exception {
		assertThat(search("pakket -buren")).contains("Het pakket kwam").doesNotContain("Drie pakketten");
	}

	@Test
	void saysSoWhenNothingMatches() throws Exception {
		assertThat(search("vliegtuig")).contains("Nothing matches").contains("vliegtuig");
	}

	@Test
	void explainsTheSyntaxBeforeTheFirstSearch() throws Exception {
		String html = mvc.perform(get("/search").with(user(admin()))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("id=\"search-input\"", "How to search", "<code>\"geen briefje\"</code>", "pakket -retour");
	}

	@Test
	void showsHostileHtmlInAMentionAsText() throws Exception {
		String html = search("hallo");

		assertThat(html).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<script>alert", "<img src=x");
	}

	private String search(String q) throws Exception {
		return mvc.perform(get("/search").param("q", q).with(user(admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private UserDetails admin() {
		return userDetails.loadUserByUsername("admin");
	}
}
