package nl.luister.customer.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class CustomersMoreWebIntegrationTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	UserDetailsService userDetails;

	LuisterUser admin;

	@BeforeEach
	void clean() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		jdbc.sql("delete from segments where lower(name) not in ('promoters', 'at risk')").update();
		admin = (LuisterUser) userDetails.loadUserByUsername("admin");
	}

	@Test
	void aDryRunUploadShowsTheReportAndCanThenBeImportedForReal() throws Exception {
		String csv = "klantnummer;naam;mail\nC-1;" + HOSTILE + ";anna@example.nl\n;no number;\n";
		MockMultipartFile file = new MockMultipartFile("file", "crm.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

		String location = mvc.perform(multipart("/persons/import").file(file).with(user(admin)).with(csrf()).param("dryRun", "true")
				.param("col_customerNumber", "klantnummer").param("col_name", "naam").param("col_email", "mail"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long job = Long.parseLong(location.replaceAll(".*job=(\\d+)", "$1"));
		String report = awaitDone(job);

		assertThat(report).contains("report-created").contains("Dry-run done").contains("no customer number");
		assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isZero();

		String next = mvc.perform(post("/persons/import/jobs/{id}/run", job).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		awaitDone(Long.parseLong(next.replaceAll(".*job=(\\d+)", "$1")));
		assertThat(jdbc.sql("select display_name from persons").query(String.class).single()).isEqualTo(HOSTILE);

		String page = mvc.perform(get(next).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("<script>alert");
		mvc.perform(post("/persons/import/jobs/{id}/run", job).with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from persons").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theExportStreamsEveryPersonAsCsv() throws Exception {
		jdbc.sql("insert into persons (display_name, customer_number) values ('=cmd|calc', 'C-9')").update();
		MvcResult async = mvc.perform(get("/persons/export.csv").with(user(admin))).andReturn();
		String body = mvc.perform(asyncDispatch(async)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(body).startsWith("person_id,customer_number,name").contains("C-9,'=cmd|calc");
	}

	@Test
	void aSegmentIsSavedShownAndExported() throws Exception {
		String location = mvc.perform(post("/segments").with(user(admin)).with(csrf()).param("name", "Gold' or 1=1 --").param("segment", "gold")
				.param("minTier", "3")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		jdbc.sql("insert into persons (display_name, segment, tier) values ('Anna', 'Gold', 4), ('Bram', 'gold', 2)").update();

		String page = mvc.perform(get(location).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Anna").doesNotContain("Bram").contains("Gold&#39; or 1=1 --");

		MvcResult async = mvc.perform(get(location + "/export.csv").with(user(admin))).andReturn();
		String body = mvc.perform(asyncDispatch(async)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(body.lines()).hasSize(2);

		mvc.perform(post("/segments").with(user(admin)).with(csrf()).param("name", "bad").param("minTier", "9"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from segments where name = 'bad'").query(Long.class).single()).isZero();
	}

	@Test
	void aConfirmationCodeIsCreatedThroughTheApi() throws Exception {
		long person = jdbc.sql("insert into persons (display_name) values ('Anna') returning id").query(Long.class).single();

		mvc.perform(post("/api/persons/{id}/confirmations", person).with(user(admin))).andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("LSTR-\\d+-[A-Z2-9]{8}")));
		assertThat(jdbc.sql("select count(*) from link_confirmations where person_id = ?").param(person).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aConfirmationCodeLandsInTheReplyBoxOfThePersonsCaseInTheirLanguage() throws Exception {
		long mastodon = sources.create("confirm-mastodon", "mastodon", "Mastodon", Channel.MASTODON,
				"{\"instance\": \"https://social.example\", \"accessToken\": \"t\", \"account\": \"koeriersnel\"}", 3600).id();
		sources.pause(mastodon, true);
		ingestion.ingestPushed(mastodon, List.of(new RawMention("1", Channel.MASTODON, new RawMention.Author("anna_v", null, null), null,
				"@koeriersnel mijn pakket is al een week niet bezorgd, waar blijft het nou?", null, Instant.now().minusSeconds(600), null, true)));
		pipeline.drainAll();
		long caseId = jdbc.sql("select id from cases").query(Long.class).single();
		long person = jdbc.sql("select person_id from identities where handle = 'anna_v'").query(Long.class).single();
		long other = jdbc.sql("insert into persons (display_name) values ('Bram') returning id").query(Long.class).single();

		mvc.perform(get("/persons/{id}", person).with(user(admin))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"caseId\"")));
		MvcResult sent = mvc.perform(post("/persons/{id}/confirmations/reply", person).param("caseId", String.valueOf(caseId)).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + caseId)).andReturn();
		@SuppressWarnings("unchecked")
		String draft = ((java.util.Map<String, String>) sent.getFlashMap().get("drafts")).get("reply");
		assertThat(draft).startsWith("Zullen we uw accounts koppelen?").containsPattern("LSTR-" + person + "-[A-Z2-9]{8}").contains("48 uur");
		mvc.perform(get("/cases/{id}", caseId).with(user(admin)).flashAttrs(sent.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(draft)));

		// a case of somebody else is refused, and no code is made for it
		mvc.perform(post("/persons/{id}/confirmations/reply", other).param("caseId", String.valueOf(caseId)).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/persons/" + other));
		assertThat(jdbc.sql("select count(*) from link_confirmations where person_id = ?").param(other).query(Long.class).single()).isZero();
	}

	private String awaitDone(long job) {
		String[] html = new String[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			html[0] = mvc.perform(get("/persons/import/jobs/{id}", job).with(user(admin))).andReturn().getResponse().getContentAsString();
			return !html[0].contains("hx-trigger");
		});
		return html[0];
	}
}
