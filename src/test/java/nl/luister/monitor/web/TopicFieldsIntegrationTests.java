package nl.luister.monitor.web;

import java.util.List;

import nl.luister.TestWorkspace;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stemming through the API, and field queries matched by the pipeline on what sources deliver. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class TopicFieldsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
	}

	@Test
	void storesStemmingPerTopicAndDefaultsToNone() throws Exception {
		mvc.perform(post("/api/topics").with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Bezorging\", \"query\": \"bezorging\", \"stemming\": \"dutch\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stemming").value("dutch"));
		mvc.perform(post("/api/topics").with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Exact\", \"query\": \"bezorging\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stemming").value("none"));
		mvc.perform(get("/api/topics").with(admin()))
			.andExpect(jsonPath("$[0].stemming").value("dutch"))
			.andExpect(jsonPath("$[1].stemming").value("none"));

		importAndDrain("""
				{"id": "s1", "source": "fields-test", "channel": "forum", "text": "Twee bezorgingen gemist", "publishedAt": "2026-11-20T10:00:00Z"}
				""");
		assertThat(topicNamesOf("s1")).containsExactly("Bezorging");
	}

	@Test
	void matchesSiteSourceAuthorAndFollowersFromImportedMentions() throws Exception {
		for (String[] topic : new String[][] { { "Forum", "pakket site:example.nl" }, { "Source", "pakket source:fields-test" },
				{ "Author", "author:anna_v pakket" }, { "Big", "pakket followers:>1000" }, { "Tag", "#KoerierSnel" } }) {
			mvc.perform(post("/api/topics").with(admin()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\": \"" + topic[0] + "\", \"query\": \"" + topic[1] + "\"}"))
				.andExpect(status().isCreated());
		}
		importAndDrain("""
				{"id": "f1", "source": "fields-test", "channel": "forum", "author": {"handle": "anna_v", "followers": 120}, "text": "Mijn pakket is kwijt #koeriersnel", "url": "https://forum.example.nl/t/1", "publishedAt": "2026-11-20T10:00:00Z"}
				{"id": "f2", "source": "fields-test", "channel": "twitter", "author": {"handle": "bram", "followers": 5000}, "text": "pakket bezorgd", "url": "https://other.nl/x", "publishedAt": "2026-11-20T10:01:00Z"}
				""");
		assertThat(topicNamesOf("f1")).containsExactlyInAnyOrder("Forum", "Source", "Author", "Tag");
		assertThat(topicNamesOf("f2")).containsExactlyInAnyOrder("Source", "Big");
	}

	private void importAndDrain(String jsonl) throws Exception {
		mvc.perform(post("/api/mentions/import").with(admin()).contentType("application/x-ndjson").content(jsonl))
			.andExpect(status().isOk());
		pipeline.drainAll();
	}

	private List<String> topicNamesOf(String externalId) {
		return jdbc.sql("""
				select t.name from mention_topics mt join topics t on t.id = mt.topic_id
				join mentions m on m.id = mt.mention_id where m.external_id = ?""").param(externalId).query(String.class).list();
	}

	private static RequestPostProcessor admin() {
		return httpBasic("admin", "admin-test-password");
	}

}
