package nl.luister.customer.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.customer.Customers;
import nl.luister.customer.InfluenceTiers;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class PersonsWebIntegrationTests {

	static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";

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
	Customers customers;

	@Autowired
	InfluenceTiers tiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	LuisterUser admin;
	long hostile;
	long other;

	@BeforeEach
	void seed() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		long forum = sources.importSource("persons-forum", Channel.FORUM);
		long mastodon = sources.importSource("persons-mastodon", Channel.MASTODON);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		Instant at = Instant.now().minusSeconds(600);
		ingestion.ingestPushed(forum, List.of(new RawMention("h1", Channel.FORUM, new RawMention.Author(HOSTILE, HOSTILE, 5000), null,
				"KoerierSnel " + HOSTILE, null, at, null)));
		ingestion.ingestPushed(mastodon, List.of(new RawMention("o1", Channel.MASTODON, new RawMention.Author("bram", "Bram", 10), null,
				"KoerierSnel hallo", null, at, null), new RawMention("o2", Channel.MASTODON, new RawMention.Author("carla", "Carla", 1), null,
				"@bram eens", null, at.plusSeconds(5), "o1")));
		pipeline.drainAll();
		hostile = customers.personOf("forum", HOSTILE).orElseThrow();
		other = customers.personOf("mastodon", "bram").orElseThrow();
		tiers.recompute(Instant.now());
		admin = (LuisterUser) userDetails.loadUserByUsername("admin");
	}

	@Test
	void hostileNamesAreRenderedAsTextOnThePersonPageAndInThePanel() throws Exception {
		String page = mvc.perform(get("/persons/{id}", hostile).with(user(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long caseId = jdbc.sql("select id from cases where channel = 'forum'").query(Long.class).single();
		String caseView = mvc.perform(get("/cases/{id}", caseId).with(user(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		for (String html : List.of(page, caseView)) {
			assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
				.doesNotContain("<img");
		}
		assertThat(caseView).contains("person-panel").contains("/persons/" + hostile);
		assertThat(page).contains("5,000 followers");
	}

	@Test
	void theApiMergesUndoesAndRefusesLoopsWithAConflict() throws Exception {
		String merged = mvc.perform(post("/api/persons/{id}/merge", hostile).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"other\": " + other + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.survivorId").value(hostile)).andExpect(jsonPath("$.evidence").value("MANUAL"))
			.andReturn().getResponse().getContentAsString();
		long mergeId = Long.parseLong(merged.replaceAll(".*\"id\":(\\d+).*", "$1"));

		mvc.perform(get("/api/persons/{id}", hostile).with(user(admin))).andExpect(status().isOk())
			.andExpect(jsonPath("$.identities.length()").value(2));
		mvc.perform(post("/api/persons/{id}/merge", other).with(user(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"other\": " + hostile + "}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("loop")));
		mvc.perform(post("/api/persons/merges/{m}/undo", mergeId).with(user(admin))).andExpect(status().isOk())
			.andExpect(jsonPath("$.undoneAt").exists());
		mvc.perform(get("/api/persons").param("q", "bra").with(user(admin))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(other));
		mvc.perform(get("/api/persons/{id}", 999_999).with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void exportAndErasureThroughTheApi() throws Exception {
		mvc.perform(get("/api/persons/{id}/export", hostile).with(user(admin))).andExpect(status().isOk())
			.andExpect(jsonPath("$.mentions[0].text").value("KoerierSnel " + HOSTILE))
			.andExpect(jsonPath("$.identities[0].handle").value(HOSTILE));
		mvc.perform(delete("/api/persons/{id}", hostile).with(user(admin))).andExpect(status().isNoContent());
		mvc.perform(get("/api/persons/{id}", hostile).with(user(admin))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from mentions where text like '%alert(1)%'").query(Long.class).single()).isZero();
	}

	@Test
	void theInboxRowsShowTierBadgesAndThePersonPageSavesCrmFields() throws Exception {
		String list = mvc.perform(get("/").with(user(admin)).header("HX-Request", "true")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("badge tier");

		mvc.perform(post("/persons/{id}", other).with(user(admin)).with(csrf()).param("customerNumber", "C-1").param("segment", "gold")
				.param("value", "12,50").param("tags", "vip, press,vip")).andExpect(status().is3xxRedirection());
		var p = customers.person(other);
		assertThat(p.customerNumber()).isEqualTo("C-1");
		assertThat(p.value()).isEqualByComparingTo("12.50");
		assertThat(p.tags()).containsExactly("vip", "press");
	}
}
