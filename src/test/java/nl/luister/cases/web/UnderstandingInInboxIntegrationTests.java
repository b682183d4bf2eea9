package nl.luister.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseSummary;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every mention is labelled in the pipeline; the inbox shows, filters and corrects the labels. */
@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class UnderstandingInInboxIntegrationTests {

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
	UserDetailsService users;

	LuisterUser admin;

	@BeforeEach
	void twoCustomers() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		admin = (LuisterUser) users.loadUserByUsername("admin");
		long src = sources.importSource("understanding", Channel.TWITTER);
		ingestion.ingestPushed(src, List.of(
				tweet("1", "anna", "KoerierSnel, mijn pakket is nog steeds niet bezorgd. Al vijf dagen! Waardeloos."),
				tweet("2", "bram", "Top service van KoerierSnel, binnen een uur bezorgd. Bedankt!")));
		pipeline.drainAll();
	}

	@Test
	void labelsEveryMentionAndTheCase() {
		assertThat(jdbc.sql("select language || ':' || sentiment from mentions where external_id = '1'").query(String.class).single())
			.isEqualTo("nl:NEGATIVE");
		assertThat(jdbc.sql("select sentiment from mentions where external_id = '2'").query(String.class).single()).isEqualTo("POSITIVE");
		CaseSummary complaint = byAuthor("anna");
		assertThat(complaint.sentiment()).isEqualTo("NEGATIVE");
		assertThat(complaint.complaint()).isTrue();
		assertThat(byAuthor("bram").praise()).isTrue();
	}

	@Test
	void theInboxFiltersOnSentimentAndIntent() throws Exception {
		assertThat(cases.inbox(new InboxFilter(InboxFilter.OPEN_STATUSES, null, null, null, false, 50, "NEGATIVE", null)))
			.extracting(CaseSummary::authorHandle).containsExactly("anna");
		assertThat(cases.inbox(new InboxFilter(InboxFilter.OPEN_STATUSES, null, null, null, false, 50, null, "praise")))
			.extracting(CaseSummary::authorHandle).containsExactly("bram");
		mvc.perform(get("/").param("sentiment", "negative").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nog steeds niet bezorgd")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("binnen een uur bezorgd"))));
		mvc.perform(get("/api/cases").param("intent", "complaint").with(httpBasic("admin", "admin-test-password")))
			.andExpect(jsonPath("$[0].author.handle").value("anna"))
			.andExpect(jsonPath("$[0].sentiment").value("negative"))
			.andExpect(jsonPath("$[0].intents[0]").value("complaint"));
	}

	@Test
	void anAgentCorrectsALabelInOneClickAndItIsKeptAsTrainingData() throws Exception {
		long caseId = byAuthor("bram").id();
		long mention = jdbc.sql("select id from mentions where external_id = '2'").query(Long.class).single();

		mvc.perform(get("/cases/{id}", caseId).with(user(admin)))
			.andExpect(content().string(containsString("click to correct")));
		mvc.perform(post("/cases/{id}/mentions/{m}/labels", caseId, mention).param("sentiment", "neutral").param("intents", "question")
				.with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		CaseSummary corrected = cases.summary(caseId);
		assertThat(corrected.sentiment()).isEqualTo("NEUTRAL");
		assertThat(corrected.praise()).isFalse();
		assertThat(corrected.question()).isTrue();
		assertThat(jdbc.sql("select task || '=' || new_label from label_corrections order by task").query(String.class).list())
			.containsExactly("praise=0", "question=1", "sentiment=neutral");
		mvc.perform(get("/api/labels/corrections").param("task", "sentiment").with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isOk())
			.andExpect(content().string("Top service van KoerierSnel, binnen een uur bezorgd. Bedankt!\tneutral\n"));
	}

	@Test
	void theApiCorrectsOneLabelAndRefusesNonsense() throws Exception {
		long caseId = byAuthor("anna").id();
		long mention = jdbc.sql("select id from mentions where external_id = '1'").query(Long.class).single();
		mvc.perform(post("/api/cases/{id}/labels", caseId).with(httpBasic("admin", "admin-test-password"))
				.contentType("application/json").content("{\"mention\": " + mention + ", \"task\": \"complaint\", \"label\": \"0\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intents").isEmpty());
		mvc.perform(post("/api/cases/{id}/labels", caseId).with(httpBasic("admin", "admin-test-password"))
				.contentType("application/json").content("{\"mention\": " + mention + ", \"task\": \"mood\", \"label\": \"x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(Set.copyOf(jdbc.sql("select task from label_corrections").query(String.class).list())).containsExactly("complaint");
	}

	private CaseSummary byAuthor(String handle) {
		return cases.inbox(InboxFilter.openCases()).stream().filter(c -> handle.equals(c.authorHandle())).findFirst().orElseThrow();
	}

	private static RawMention tweet(String id, String author, String text) {
		return new RawMention(id, Channel.TWITTER, new RawMention.Author(author, null, 10), null, text, null, Instant.now(), null);
	}
}
