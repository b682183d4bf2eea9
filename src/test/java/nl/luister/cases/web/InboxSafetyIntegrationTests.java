package nl.luister.cases.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class InboxSafetyIntegrationTests {

	static final String HOSTILE_TEXT = "KoerierSnel <script>alert(1)</script><img src=x onerror=alert(2)>";

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
	CaseManagement cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	LuisterUser admin;

	@BeforeEach
	void ingestHostileMention() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		long forum = sources.importSource("hostile-forum", Channel.FORUM);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		ingestion.ingestPushed(forum, List.of(new RawMention("evil-1", Channel.FORUM, new RawMention.Author("<b>x</b>", "<b>x</b>", 5),
				"<script>alert(4)</script>", HOSTILE_TEXT, "javascript:alert(3)", Instant.now().minusSeconds(60), null)));
		pipeline.drainAll();
		admin = (LuisterUser) userDetails.loadUserByUsername("admin");
	}

	@Test
	void rendersHostileCustomerTextAsTextOnTheCasePage() throws Exception {
		long id = cases.inbox(InboxFilter.openCases()).getFirst().id();

		String html = mvc.perform(get("/cases/{id}", id).with(user(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;")
			.contains("&lt;b&gt;x&lt;/b&gt;")
			.doesNotContain("<script>alert")
			.doesNotContain("<b>x</b>")
			.doesNotContainPattern("<[^>]*\\sonerror=")
			.doesNotContainIgnoringCase("href=\"javascript:")
			.doesNotContain("alert(3)\"");
	}

	@Test
	void rendersHostileCustomerTextAsTextInTheList() throws Exception {
		String html = mvc.perform(get("/").with(user(admin)).header("HX-Request", "true")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<script>alert").doesNotContainPattern("<[^>]*\\sonerror=");
	}

	@Test
	void linksOnlyToHttpAddresses() {
		assertThat(SafeLinks.href("javascript:alert(3)")).isNull();
		assertThat(SafeLinks.href(" JavaScript:alert(3)")).isNull();
		assertThat(SafeLinks.href("data:text/html,<script>")).isNull();
		assertThat(SafeLinks.href("//evil.example/x")).isNull();
		assertThat(SafeLinks.href("/relative")).isNull();
		assertThat(SafeLinks.href("https://forum.example.nl/t/1")).isEqualTo("https://forum.example.nl/t/1");
		assertThat(SafeLinks.host("http://User@Forum.Example.NL:8080/x")).isEqualTo("forum.example.nl");
	}
}
