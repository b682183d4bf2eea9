package nl.luister.channel.importer.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class ImportPageIntegrationTests {

	static final String FILE = String.join("\n",
			"{\"id\": \"1\", \"text\": \"Waar blijft mijn pakket?\", \"publishedAt\": \"2026-01-02T10:00:00Z\"}",
			"{\"id\": \"2\", \"text\": \"no date\"}",
			"{\"id\": \"3\", \"text\": \"Top service\", \"publishedAt\": \"2026-01-02T11:00:00Z\", \"channel\": \"review\"}") + "\n";

	@Autowired
	MockMvc mvc;

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

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		topics.reload();
	}

	@Test
	void importsAnUploadInTheBackgroundAndReportsTheRejectedLine() throws Exception {
		String redirect = mvc.perform(multipart("/import").file(file(FILE)).with(user(admin())).with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(redirect).matches("/import\\?job=\\d+");
		long id = Long.parseLong(redirect.substring(redirect.indexOf('=') + 1));

		String done = pollUntilDone(id, admin());

		assertThat(done).doesNotContain("hx-trigger", "hx-get")
			.contains("Import of mentions.jsonl", "Done: 3 lines read.")
			.containsPattern("report-imported\">2<")
			.containsPattern("report-duplicates\">0<")
			.containsPattern("report-rejected\">1<")
			.containsPattern("<td class=\"num\">2</td>\\s*<td>missing required field publishedAt</td>");
		assertThat(page("/import?job=" + id, admin())).contains("report-rejected\">1<", "The file format");
	}

	@Test
	void answersAnHtmxUploadWithAJobThatPollsItselfUntilDone() throws Exception {
		String fragment = mvc.perform(multipart("/import").file(file(FILE)).with(user(admin())).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(fragment).contains("id=\"import-job\"").doesNotContain("<html");
		Matcher polling = Pattern.compile("hx-get=\"/import/jobs/(\\d+)\"").matcher(fragment);
		if (polling.find()) {
			assertThat(fragment).contains("hx-trigger=\"every 500ms\"", "<progress");
			assertThat(pollUntilDone(Long.parseLong(polling.group(1)), admin())).contains("report-imported\">2<");
		}
		else {
			// the import was quicker than the answer: then the report is there at once
			assertThat(fragment).contains("report-imported\">2<");
		}
	}

	@Test
	void importingTheSameFileAgainCountsDuplicates() throws Exception {
		pollUntilDone(upload(FILE), admin());

		assertThat(pollUntilDone(upload(FILE), admin())).contains("report-imported\">0<", "report-duplicates\">2<");
	}

	@Test
	void showsAJobOnlyToWhoStartedItAndToAdmins() throws Exception {
		long id = upload(FILE);
		pollUntilDone(id, admin());

		mvc.perform(get("/import/jobs/{id}", id).with(user(agent()))).andExpect(status().isNotFound());
		mvc.perform(get("/import/jobs/{id}", 999_999).with(user(admin()))).andExpect(status().isNotFound());
	}

	@Test
	void asksForAFileWhenNoneWasChosen() throws Exception {
		mvc.perform(multipart("/import").with(user(admin())).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(result -> assertThat(result.getFlashMap().get("flashError")).isEqualTo("import.file.missing"));
	}

	@Test
	void documentsTheFormatInBothLanguages() throws Exception {
		assertThat(page("/import", admin())).contains("publishedAt", "required", "An example line", "enctype=\"multipart/form-data\"");
		assertThat(page("/import?lang=nl", admin())).contains("Het bestandsformaat", "Een voorbeeldregel");
	}

	private long upload(String content) throws Exception {
		String redirect = mvc.perform(multipart("/import").file(file(content)).with(user(admin())).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(redirect.substring(redirect.indexOf('=') + 1));
	}

	/** Polls the job fragment like the page does, until it answers without the polling trigger. */
	private String pollUntilDone(long id, UserDetails who) {
		AtomicReference<String> last = new AtomicReference<>("");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
			last.set(page("/import/jobs/" + id, who));
			return !last.get().contains("hx-trigger");
		});
		return last.get();
	}

	private String page(String path, UserDetails who) throws Exception {
		return mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartFile file(String content) {
		return new MockMultipartFile("file", "mentions.jsonl", "application/x-ndjson", content.getBytes(StandardCharsets.UTF_8));
	}

	private UserDetails admin() {
		return userDetails.loadUserByUsername("admin");
	}

	private UserDetails agent() {
		if (users.findByUsername("agent-import").isEmpty()) {
			users.create("agent-import", "agent-password-123", Role.AGENT, "Agent");
		}
		return userDetails.loadUserByUsername("agent-import");
	}
}
