package nl.luister.monitor.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.importer.MentionImport;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.QuerySyntaxError;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.TopicQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class TopicsPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TopicManagement topics;

	@Autowired
	MentionImport importer;

	@Autowired
	MentionPipeline pipeline;

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
				{"id": "1", "text": "Mijn pakket is kwijt", "publishedAt": "2026-01-02T10:00:00Z", "author": "anna_v"}
				{"id": "2", "text": "Top service, bedankt", "publishedAt": "2026-01-02T11:00:00Z", "author": "bram"}
				""";
		importer.importJsonl(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), lines -> {
		});
		pipeline.drainAll();
	}

	@Test
	void marksTheColumnOfAnInvalidQueryAsYouType() throws Exception {
		QuerySyntaxError expected = TopicQuery.validate("pakket AND").orElseThrow();

		String fragment = html(post("/topics/validate").with(csrf()).header("HX-Request", "true").param("query", "pakket AND"));

		assertThat(fragment).contains("id=\"query-check\"", "Error at column " + expected.column(), "query-mark",
				" ".repeat(expected.column() - 1) + "^").doesNotContain("<html", "style=");
	}

	@Test
	void countsAndShowsWhatAValidQueryWouldMatch() throws Exception {
		String fragment = html(post("/topics/validate").with(csrf()).param("query", "pakket OR kwijt"));

		assertThat(fragment).contains("✓ valid", "1 of the 2 newest mentions match", "Mijn pakket is kwijt")
			.doesNotContain("Top service");
	}

	@Test
	void refusesToSaveAnInvalidQueryAndStoresNothing() throws Exception {
		String page = html(post("/topics").with(csrf()).param("name", "Bezorging").param("query", "pakket AND"));

		assertThat(page).contains("Error at column", "aria-invalid=\"true\"", "pakket AND");
		assertThat(topics.all()).isEmpty();
	}

	@Test
	void savesAValidTopicAndListsItWithItsQuery() throws Exception {
		mvc.perform(post("/topics").with(user(admin())).with(csrf()).param("name", "Bezorging").param("query", "pakket*"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/topics"));

		assertThat(topics.all()).singleElement().satisfies(t -> assertThat(t.query()).isEqualTo("pakket*"));
		assertThat(html(get("/topics"))).contains("Bezorging", "<code class=\"topic-query\">pakket*</code>");
	}

	@Test
	void changesAndDeletesATopic() throws Exception {
		long id = topics.create("Bezorging", "pakket").id();

		assertThat(html(get("/topics/{id}/edit", id))).contains("✓ valid", "Mijn pakket is kwijt");
		mvc.perform(post("/topics/{id}", id).with(user(admin())).with(csrf()).param("name", "Levering").param("query", "pakket OR brief"))
			.andExpect(status().isFound());
		assertThat(topics.get(id).name()).isEqualTo("Levering");

		mvc.perform(post("/topics/{id}/delete", id).with(user(admin())).with(csrf())).andExpect(status().isFound());
		assertThat(topics.all()).isEmpty();
	}

	@Test
	void saysWhatToDoWhenThereAreNoTopicsInDutchToo() throws Exception {
		assertThat(html(get("/topics").param("lang", "nl"))).contains("Nog geen onderwerpen");
	}

	private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(admin())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private UserDetails admin() {
		return userDetails.loadUserByUsername("admin");
	}
}
