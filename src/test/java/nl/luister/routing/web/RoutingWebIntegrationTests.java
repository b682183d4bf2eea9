package nl.luister.routing.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.routing.Agents;
import nl.luister.routing.Presence;
import nl.luister.routing.Team;
import nl.luister.routing.Teams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
@AutoConfigureMockMvc
class RoutingWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Teams teams;

	@Autowired
	Agents agents;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	CaseManagement cases;

	long source;
	long lead;
	long agent;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('web-import', 'import', 'import', 'forum') returning id")
			.query(Long.class).single();
		lead = users.findByUsername("lea").orElseGet(() -> users.create("lea", "lead-test-password", Role.LEAD, "Lea")).id().value();
		agent = users.findByUsername("bob").orElseGet(() -> users.create("bob", "agent-test-password", Role.AGENT, "Bob")).id().value();
	}

	@Test
	void teamLeadsManageTeamsOnTheTeamsPageAndAgentsMayNot() throws Exception {
		mvc.perform(get("/admin/teams").with(as("bob"))).andExpect(status().isForbidden());
		assertThat(mvc.perform(get("/admin/teams").with(as("lea"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("No teams yet");

		mvc.perform(post("/admin/teams").with(as("lea")).with(csrf()).param("name", "Dutch webcare").param("languages", "nl, NL")
				.param("channels", "FORUM", "EMAIL").param("members", String.valueOf(agent)))
			.andExpect(redirectedUrl("/admin/teams"));

		Team t = teams.list().getFirst();
		assertThat(t.name()).isEqualTo("Dutch webcare");
		assertThat(t.languages()).containsExactly("nl");
		assertThat(t.memberIds()).containsExactly(agent);
		String page = mvc.perform(get("/admin/teams").with(as("lea"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Dutch webcare", "0 waiting", "Bob");

		String invalid = mvc.perform(post("/admin/teams").with(as("lea")).with(csrf()).param("name", "Dutch webcare"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(invalid).contains("Another team has this name.");
		mvc.perform(post("/admin/teams").with(as("lea")).with(csrf()).param("name", "X").param("languages", "dutch!"))
			.andExpect(status().is(422));

		mvc.perform(post("/admin/teams/agents/{id}", agent).with(as("lea")).with(csrf()).param("capacity", "4").param("presence", "away"))
			.andExpect(redirectedUrl("/admin/teams"));
		assertThat(agents.status(agent).orElseThrow()).satisfies(a -> {
			assertThat(a.capacity()).isEqualTo(4);
			assertThat(a.presence()).isEqualTo(Presence.AWAY);
		});
		mvc.perform(post("/admin/teams/agents/{id}", 999_999).with(as("lea")).with(csrf()).param("capacity", "4")).andExpect(status().isNotFound());
	}

	@Test
	void teamsApiIsReadByAllAndChangedByLeadsWithInvalidInputRefused() throws Exception {
		String body = """
				{"name": "English webcare", "languages": ["en"], "channels": ["mastodon"], "members": ["bob"]}""";
		mvc.perform(post("/api/teams").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/teams").with(as("lea")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.members[0]").value(agent)).andExpect(jsonPath("$.channels[0]").value("mastodon"));
		mvc.perform(post("/api/teams").with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/teams").with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Y\", \"channels\": [\"fax\"]}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/teams").with(as("bob"))).andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("English webcare"))
			.andExpect(jsonPath("$[0].waiting").value(0));
		mvc.perform(get("/api/teams/999").with(as("bob"))).andExpect(status().isNotFound());
	}

	@Test
	void agentsSetTheirOwnPresenceAndLeadsSetCapacity() throws Exception {
		mvc.perform(patch("/api/agents/me").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content("{\"presence\": \"away\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.presence").value("AWAY"));
		mvc.perform(patch("/api/agents/me").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content("{\"capacity\": 50}"))
			.andExpect(status().isForbidden());
		mvc.perform(patch("/api/agents/" + agent).with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"capacity\": 3}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(3));
		mvc.perform(patch("/api/agents/" + agent).with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"capacity\": -1}"))
			.andExpect(status().isBadRequest());
		mvc.perform(patch("/api/agents/me").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content("{\"presence\": \"asleep\"}"))
			.andExpect(status().isBadRequest());

		mvc.perform(post("/presence").with(as("bob")).with(csrf()).param("presence", "online").header("Referer", "http://localhost/search?q=x"))
			.andExpect(redirectedUrl("/search?q=x"));
		assertThat(agents.presence(agent)).isEqualTo(Presence.ONLINE);
		String header = mvc.perform(get("/search").with(as("bob"))).andReturn().getResponse().getContentAsString();
		assertThat(header).contains("id=\"presence\"", "<option value=\"online\" selected=\"selected\">Online</option>");
	}

	@Test
	void signingInSetsTheAgentOnlineAndSigningOutOffline() throws Exception {
		mvc.perform(formLogin("/login").user("bob").password("agent-test-password"));
		assertThat(agents.presence(agent)).isEqualTo(Presence.ONLINE);

		mvc.perform(post("/logout").with(as("bob")).with(csrf()));
		assertThat(agents.presence(agent)).isEqualTo(Presence.OFFLINE);
	}

	@Test
	void aSessionThatEndsWithoutSigningOutSetsTheAgentOffline() throws Exception {
		var login = mvc.perform(formLogin("/login").user("bob").password("agent-test-password")).andReturn();
		assertThat(agents.presence(agent)).isEqualTo(Presence.ONLINE);
		var session = login.getRequest().getSession(false);
		assertThat(session).isNotNull();

		// what the servlet container's session timeout announces through the registered HttpSessionEventPublisher
		assertThat(context.getBeansOfType(org.springframework.security.web.session.HttpSessionEventPublisher.class)).hasSize(1);
		context.publishEvent(new org.springframework.security.web.session.HttpSessionDestroyedEvent(session));
		assertThat(agents.presence(agent)).isEqualTo(Presence.OFFLINE);
	}

	@Test
	void bulkApiResolvesTagsAssignsAndMovesASelection() throws Exception {
		long a = newCase("a"), b = newCase("b"), c = newCase("c");
		Team team = teams.create(new Team(0, "Forum", Set.of(), Set.of(), Set.of(), List.of(agent)));

		bulk("{\"cases\": [%d, %d], \"action\": \"tag\", \"tag\": \"pers\"}".formatted(a, b)).andExpect(jsonPath("$.cases").value(2));
		assertThat(jdbc.sql("select count(*) from cases where 'pers' = any(tags)").query(Long.class).single()).isEqualTo(2);

		bulk("{\"cases\": [%d, %d], \"action\": \"assign\", \"agent\": \"bob\"}".formatted(a, c)).andExpect(status().isOk());
		assertThat(cases.summary(a).assigneeId()).isEqualTo(agent);
		assertThat(cases.summary(c).assigneeId()).isEqualTo(agent);

		agents.setPresence(agent, Presence.ONLINE);
		bulk("{\"cases\": [%d], \"action\": \"team\", \"team\": %d}".formatted(b, team.id())).andExpect(status().isOk());
		assertThat(cases.summary(b).assigneeId()).isEqualTo(agent);

		bulk("{\"cases\": [%d, %d, %d], \"action\": \"resolve\"}".formatted(a, b, c)).andExpect(jsonPath("$.cases").value(3));
		assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(cases.summary(id).status()).isEqualTo(CaseStatus.RESOLVED));

		bulk("{\"cases\": [], \"action\": \"resolve\"}").andExpect(status().isBadRequest());
		bulk("{\"cases\": [%d], \"action\": \"explode\"}".formatted(a)).andExpect(status().isBadRequest());
		bulk("{\"cases\": [%d], \"action\": \"tag\", \"tag\": \" \"}".formatted(a)).andExpect(status().isBadRequest());
		bulk("{\"cases\": [%d, 999999], \"action\": \"tag\", \"tag\": \"x\"}".formatted(a)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from cases where 'x' = any(tags)").query(Long.class).single()).as("all or nothing").isZero();
	}

	@Test
	void theInboxOffersRowCheckBoxesAndTheBulkFormResolvesTheSelection() throws Exception {
		long a = newCase("a"), b = newCase("b"), c = newCase("c");
		String inbox = mvc.perform(get("/").with(as("bob"))).andReturn().getResponse().getContentAsString();
		assertThat(inbox).contains("id=\"bulk\"", "data-bulk-select", "form=\"bulk\"", "/js/bulk.js", "Select case " + a);

		var session = new org.springframework.mock.web.MockHttpSession();
		mvc.perform(post("/cases/bulk").session(session).with(as("bob")).with(csrf()).param("cases", String.valueOf(a), String.valueOf(b))
				.param("action", "resolve").param("back", "/?view=mine"))
			.andExpect(redirectedUrl("/?view=mine&done=1"));
		// the inbox's live refresh after the same change asks for the list first: the message waits for the redirect
		assertThat(mvc.perform(get("/?view=mine").session(session).with(as("bob")).header("HX-Request", "true"))
			.andReturn().getResponse().getContentAsString()).doesNotContain("2 cases resolved.");
		assertThat(mvc.perform(get("/?view=mine&done=1").session(session).with(as("bob")))
			.andReturn().getResponse().getContentAsString()).contains("2 cases resolved.");

		assertThat(cases.summary(a).status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(cases.summary(b).status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(cases.summary(c).status()).isEqualTo(CaseStatus.NEW);

		mvc.perform(post("/cases/bulk").with(as("bob")).with(csrf()).param("cases", String.valueOf(c)).param("action", "assign")
				.param("assignee", "me").param("back", "//evil.example"))
			.andExpect(redirectedUrl("/?done=1"));
		assertThat(cases.summary(c).assigneeId()).isEqualTo(agent);
	}

	@Test
	void aCaseIsReassignedToATeamFromTheCaseViewAndTheApi() throws Exception {
		long a = newCase("a");
		Team team = teams.create(new Team(0, "Forum", Set.of(), Set.of(), Set.of(), List.of(agent)));
		agents.setPresence(agent, Presence.ONLINE);
		cases.assign(a, lead, "Lea", lead);
		assertThat(mvc.perform(get("/cases/" + a).with(as("lea"))).andReturn().getResponse().getContentAsString())
			.contains("action=\"/cases/" + a + "/route\"", "Forum");

		mvc.perform(post("/cases/{id}/route", a).with(as("lea")).with(csrf()).param("team", String.valueOf(team.id())))
			.andExpect(redirectedUrl("/cases/" + a + "?done=1"));
		assertThat(cases.summary(a).assigneeId()).isEqualTo(agent);
		assertThat(mvc.perform(get("/cases/" + a).with(as("lea"))).andReturn().getResponse().getContentAsString()).contains("Forum (current)");

		mvc.perform(post("/api/cases/{id}/route", a).with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"agent\": \"lea\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.assigned").value(true));
		assertThat(cases.summary(a).assigneeId()).isEqualTo(lead);
		mvc.perform(post("/api/cases/{id}/route", a).with(as("lea")).contentType(MediaType.APPLICATION_JSON).content("{\"team\": 999}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdminDisablesAndDeletesUsersFromTheUsersPage() throws Exception {
		long rita = users.create("rita-" + System.nanoTime(), "rita-test-password", Role.AGENT, "Rita").id().value();
		long a = newCase("a");
		cases.assign(a, rita, "Rita", null);
		assertThat(mvc.perform(get("/admin/users").with(as("admin"))).andReturn().getResponse().getContentAsString())
			.contains("action=\"/admin/users/" + rita + "/delete\"");

		mvc.perform(post("/admin/users/{id}/enabled", rita).with(as("admin")).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(users.findById(new nl.luister.account.UserId(rita)).orElseThrow().enabled()).isFalse();
		assertThat(cases.summary(a).assigneeId()).isNull();

		mvc.perform(post("/admin/users/{id}/delete", rita).with(as("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(users.findById(new nl.luister.account.UserId(rita))).isEmpty();
		long admin = users.findByUsername("admin").orElseThrow().id().value();
		mvc.perform(post("/admin/users/{id}/delete", admin).with(as("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
		assertThat(users.findById(new nl.luister.account.UserId(admin))).as("not yourself").isPresent();
	}

	private org.springframework.test.web.servlet.ResultActions bulk(String json) throws Exception {
		return mvc.perform(post("/api/cases/bulk").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long newCase(String handle) {
		return jdbc.sql("""
				insert into cases (status, channel, source_id, author_handle, snippet, mention_count) values ('NEW', 'forum', ?, ?, 'snippet', 1)
				returning id""").params(source, handle).query(Long.class).single();
	}

	private RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}
}
