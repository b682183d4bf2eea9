package nl.luister.api;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.FeedServer;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API end to end: topics, sources, import, search, cases, replies, status. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class JsonApiIntegrationTests {

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
	void importMatchSearchAndAnswerACaseThroughTheApi() throws Exception {
		mvc.perform(post("/api/topics").with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Bezorging\", \"query\": \"KoerierSnel AND (pakket* OR parcel*)\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber());

		String jsonl = """
				{"id": "m1", "source": "api-test", "channel": "mastodon", "author": {"handle": "anna_v", "name": "Anna", "followers": 120}, "text": "KoerierSnel, waar blijft mijn pakket?", "url": "https://social.example/@anna_v/1", "publishedAt": "2026-11-20T10:00:00Z"}
				{"id": "m2", "source": "api-test", "channel": "mastodon", "author": {"handle": "bram"}, "text": "Mooi weer vandaag", "publishedAt": "2026-11-20T10:05:00Z"}
				{"id": "m3", "text": "missing date"}
				{"id": "m1", "source": "api-test", "channel": "mastodon", "text": "KoerierSnel, waar blijft mijn pakket?", "publishedAt": "2026-11-20T10:00:00Z"}
				""";
		mvc.perform(post("/api/mentions/import").with(admin()).contentType("application/x-ndjson").content(jsonl))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value("missing required field publishedAt"));
		pipeline.drainAll();

		mvc.perform(get("/api/mentions").param("q", "pakketten").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].externalId").value("m1"));

		mvc.perform(get("/api/cases").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].status").value("new"))
			.andExpect(jsonPath("$[0].channel").value("mastodon"))
			.andExpect(jsonPath("$[0].author.handle").value("anna_v"))
			.andExpect(jsonPath("$[0].topic").value("Bezorging"))
			.andExpect(jsonPath("$[0].mentionCount").value(1));
		long caseId = jdbc.sql("select id from cases").query(Long.class).single();

		// an import source cannot send: the API says what to do instead
		mvc.perform(post("/api/cases/{id}/replies", caseId).with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Hoi Anna, we zoeken het uit!\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error", containsString("answer on the site")));
		mvc.perform(post("/api/cases/{id}/replies", caseId).with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Hoi Anna, we zoeken het uit!\", \"answeredOnSite\": true}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("answered_on_site"));

		mvc.perform(patch("/api/cases/{id}", caseId).with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"resolved\", \"assignee\": \"admin\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("resolved"))
			.andExpect(jsonPath("$.assignee").isNotEmpty());

		mvc.perform(get("/api/cases/{id}", caseId).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mentions", hasSize(1)))
			.andExpect(jsonPath("$.replies[0].state").value("ANSWERED_ON_SITE"))
			.andExpect(jsonPath("$.canSendReplies").value(false))
			.andExpect(jsonPath("$.history[*].kind", org.hamcrest.Matchers.hasItems("opened", "reply", "assigned", "status")));
		mvc.perform(get("/api/cases").param("status", "resolved").with(admin())).andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/cases").with(admin())).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void aQueryThatDoesNotParseIsRefusedWithItsColumn() throws Exception {
		mvc.perform(post("/api/topics").with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Broken\", \"query\": \"pakket AND (bezorging\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.column").value(12))
			.andExpect(jsonPath("$.error", containsString("close the parenthesis")));
		mvc.perform(get("/api/topics").with(admin())).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void sourcesCanBeAddedTestedAndPolledAndRefuseInternalAddresses() throws Exception {
		try (FeedServer server = FeedServer.start()) {
			server.serveResource("/feed.xml", "feeds/koeriersnel-rss2.xml", "application/rss+xml");
			mvc.perform(post("/api/sources").with(admin()).contentType(MediaType.APPLICATION_JSON)
					.content("{\"type\": \"rss\", \"name\": \"Pakketpraat\", \"channel\": \"blog\", \"settings\": {\"url\": \"" + server.url("/feed.xml") + "\"}}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.key").value("pakketpraat"))
				.andExpect(jsonPath("$.health").value("waiting"));
			long id = jdbc.sql("select id from sources where source_key = 'pakketpraat'").query(Long.class).single();
			mvc.perform(post("/api/sources/{id}/test", id).with(admin()))
				.andExpect(jsonPath("$.ok").value(true))
				.andExpect(jsonPath("$.message", startsWith("RSS 2.0 feed")));
			mvc.perform(post("/api/sources/{id}/poll", id).with(admin()))
				.andExpect(jsonPath("$.added").value(3))
				.andExpect(jsonPath("$.source.health").value("connected"));
		}
		mvc.perform(post("/api/sources").with(admin()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\": \"rss\", \"name\": \"No type\", \"channel\": \"myspace\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error", containsString("unknown channel")));
	}

	@Test
	void healthShowsTheMentionLogToSignedInUsersOnly() throws Exception {
		mvc.perform(get("/actuator/health").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.mentionLog.details.backlog").value(0))
			.andExpect(jsonPath("$.components.mentionLog.details.quarantined").value(0));
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void requiresCredentials() throws Exception {
		mvc.perform(get("/api/cases")).andExpect(status().isUnauthorized());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return httpBasic("admin", "admin-test-password");
	}

}
