package nl.luister.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaPolicy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class SlaAdminIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Users users;

	@Autowired
	SlaAdmin admin;

	@Autowired
	SourceAdmin sources;

	@Autowired
	Ingestion ingestion;

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
		if (users.findByUsername("sla-page-lead").isEmpty()) users.create("sla-page-lead", "lead-password-123", Role.LEAD, "Lea");
		if (users.findByUsername("sla-page-agent").isEmpty()) users.create("sla-page-agent", "agent-password-123", Role.AGENT, "Aart");
	}

	private RequestPostProcessor lead() {
		return user(accounts.loadUserByUsername("sla-page-lead"));
	}

	private RequestPostProcessor agent() {
		return user(accounts.loadUserByUsername("sla-page-agent"));
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response;
	}

	private MockHttpServletResponse json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		return perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void theSlaPageIsForTeamLeadsAndAdmins() throws Exception {
		assertThat(perform(get("/admin/sla").with(lead())).getStatus()).isEqualTo(200);
		assertThat(perform(get("/admin/sla").with(user(accounts.loadUserByUsername("admin")))).getStatus()).isEqualTo(200);
		assertThat(perform(get("/admin/sla").with(agent())).getStatus()).isEqualTo(403);
		assertThat(perform(post("/admin/sla/calendars").with(agent()).with(csrf()).param("name", "x").param("zone", "UTC")).getStatus()).isEqualTo(403);
		assertThat(json(post("/api/sla/calendars"), agent(), "{\"name\": \"x\", \"zone\": \"UTC\", \"alwaysOpen\": true}").getStatus()).isEqualTo(403);
	}

	@Test
	void thePageCreatesACalendarWithHolidaysAndAPolicy() throws Exception {
		MockHttpServletResponse created = perform(post("/admin/sla/calendars").with(lead()).with(csrf()).param("name", "Kantoor")
			.param("zone", "Europe/Amsterdam").param("monday", "09:00-12:00, 13:00-17:00").param("friday", "09:00-17:00"));
		assertThat(created.getStatus()).isEqualTo(302);
		long calendar = admin.calendars().getFirst().id();
		assertThat(admin.calendar(calendar).hoursText(java.time.DayOfWeek.MONDAY)).isEqualTo("09:00-12:00, 13:00-17:00");

		assertThat(perform(post("/admin/sla/calendars/{id}/holidays", calendar).with(lead()).with(csrf()).param("day", "2026-12-25")
			.param("name", "Kerst").param("yearly", "true")).getStatus()).isEqualTo(302);
		assertThat(admin.calendar(calendar).holidays()).singleElement().satisfies(h -> assertThat(h.yearly()).isTrue());

		assertThat(perform(post("/admin/sla/policies").with(lead()).with(csrf()).param("name", "Klachten op Mastodon").param("channel", "mastodon")
			.param("severity", "").param("calendarId", Long.toString(calendar)).param("firstResponse", "30").param("nextResponse", "")
			.param("resolution", "480").param("escalate", "true")).getStatus()).isEqualTo(302);
		assertThat(admin.policies()).singleElement().satisfies(p -> {
			assertThat(p.channel()).isEqualTo(Channel.MASTODON);
			assertThat(p.severity()).isNull();
			assertThat(p.nextResponseMinutes()).isNull();
			assertThat(p.escalate()).isTrue();
		});
		String page = perform(get("/admin/sla").with(lead()).param("lang", "nl")).getContentAsString();
		assertThat(page).contains("Klachten op Mastodon", "Kerst", "melden en escaleren");
	}

	@Test
	void thePageSaysWhatIsWrongWithACalendarOrPolicy() throws Exception {
		MockHttpServletResponse overlap = perform(post("/admin/sla/calendars").with(lead()).with(csrf()).param("name", "Dubbel")
			.param("zone", "Europe/Amsterdam").param("monday", "09:00-12:00, 11:00-17:00"));
		assertThat(overlap.getStatus()).isEqualTo(400);
		assertThat(overlap.getContentAsString()).contains("Opening hours overlap on MONDAY: 09:00–12:00 and 11:00–17:00.")
			.contains("value=\"Dubbel\"");

		MockHttpServletResponse zone = perform(post("/admin/sla/calendars").with(lead()).with(csrf()).param("lang", "nl").param("name", "Mars")
			.param("zone", "Mars/Olympus").param("alwaysOpen", "true"));
		assertThat(zone.getStatus()).isEqualTo(400);
		assertThat(zone.getContentAsString()).contains("Onbekende tijdzone ‘Mars/Olympus’");

		long calendar = admin.createCalendar("24/7", "UTC", true, List.of()).id();
		MockHttpServletResponse negative = perform(post("/admin/sla/policies").with(lead()).with(csrf()).param("name", "Fout")
			.param("calendarId", Long.toString(calendar)).param("firstResponse", "-5"));
		assertThat(negative.getStatus()).isEqualTo(400);
		assertThat(negative.getContentAsString()).contains("A target must be a positive number of minutes, not -5.");
		assertThat(admin.policies()).isEmpty();

		MockHttpServletResponse inUse = perform(post("/admin/sla/policies").with(lead()).with(csrf()).param("name", "Goed")
			.param("calendarId", Long.toString(calendar)).param("firstResponse", "60"));
		assertThat(inUse.getStatus()).isEqualTo(302);
		MockHttpServletResponse delete = perform(post("/admin/sla/calendars/{id}/delete", calendar).with(lead()).with(csrf()));
		assertThat(delete.getStatus()).isEqualTo(400);
		assertThat(delete.getContentAsString()).contains("Calendar ‘24/7’ is used by policy Goed");
	}

	@Test
	void theApiManagesCalendarsAndPoliciesAndRefusesBadInput() throws Exception {
		MockHttpServletResponse zone = json(post("/api/sla/calendars"), lead(), "{\"name\": \"Mars\", \"zone\": \"Mars/Olympus\", \"alwaysOpen\": true}");
		assertThat(zone.getStatus()).isEqualTo(400);
		assertThat(zone.getContentAsString()).contains("unknown time zone 'Mars/Olympus'");

		MockHttpServletResponse overlap = json(post("/api/sla/calendars"), lead(), """
				{"name": "Office", "zone": "Europe/Amsterdam", "hours": [
				  {"day": "MONDAY", "from": "09:00", "to": "17:00"}, {"day": "MONDAY", "from": "16:00", "to": "18:00"}]}""");
		assertThat(overlap.getStatus()).isEqualTo(400);
		assertThat(overlap.getContentAsString()).contains("opening hours overlap on MONDAY: 09:00–17:00 and 16:00–18:00");

		MockHttpServletResponse created = json(post("/api/sla/calendars"), lead(), """
				{"name": "Office", "zone": "America/New_York", "hours": [{"day": "MONDAY", "from": "09:00", "to": "17:00"}]}""");
		assertThat(created.getStatus()).isEqualTo(201);
		long calendar = admin.calendars().getFirst().id();
		assertThat(json(post("/api/sla/calendars/{id}/holidays", calendar), lead(), "{\"day\": \"2026-07-04\", \"name\": \"Independence Day\", \"yearly\": true}")
			.getStatus()).isEqualTo(201);

		MockHttpServletResponse negative = json(post("/api/sla/policies"), lead(),
				"{\"name\": \"Bad\", \"calendarId\": " + calendar + ", \"firstResponseMinutes\": -10}");
		assertThat(negative.getStatus()).isEqualTo(400);
		assertThat(negative.getContentAsString()).contains("firstResponse target must be a positive number of minutes, not -10");

		MockHttpServletResponse policy = json(post("/api/sla/policies"), lead(),
				"{\"name\": \"Urgent\", \"severity\": 5, \"calendarId\": " + calendar + ", \"firstResponseMinutes\": 15, \"escalate\": true}");
		assertThat(policy.getStatus()).isEqualTo(201);
		String list = perform(get("/api/sla/policies").with(agent())).getContentAsString();
		assertThat(list).contains("\"name\":\"Urgent\"", "\"severity\":5", "\"escalate\":true");
		String calendars = perform(get("/api/sla/calendars").with(agent())).getContentAsString();
		assertThat(calendars).contains("America/New_York", "Independence Day");

		assertThat(perform(get("/api/sla/policies/{id}", 999999).with(agent())).getStatus()).isEqualTo(404);
		long id = admin.policies().getFirst().id();
		assertThat(perform(delete("/api/sla/policies/{id}", id).with(lead())).getStatus()).isEqualTo(204);
		assertThat(admin.policies()).isEmpty();
	}

	@Test
	void theInboxRowAndTheCaseViewShowTheClock() throws Exception {
		long calendar = admin.createCalendar("24/7", "UTC", true, List.of()).id();
		admin.createPolicy(new SlaPolicy(null, "Webcare", null, null, 0, calendar, 60, null, null, false));
		long source = sources.importSource("sla-page-mastodon", Channel.MASTODON);
		ingestion.ingestPushed(source, List.of(new RawMention("p1", Channel.MASTODON, new RawMention.Author("anna_v", null, 10), null,
				"Waar blijft mijn pakket?", null, Instant.now(), null, true)));
		pipeline.drainAll();
		long caseId = jdbc.sql("select case_id from mentions where external_id = 'p1'").query(Long.class).single();

		String page = perform(get("/cases/{id}", caseId).with(lead())).getContentAsString();
		assertThat(page).contains("sla-clock sla-ok").contains("min left");
		String nl = perform(get("/cases/{id}", caseId).with(lead()).param("lang", "nl")).getContentAsString();
		assertThat(nl).contains("nog 59 min").doesNotContain("??");

		jdbc.sql("update cases set sla_first_due = now() - interval '5 minutes' where id = ?").param(caseId).update();
		assertThat(perform(get("/").with(lead())).getContentAsString()).contains("sla-clock sla-breached").contains("5 min over");

		String api = perform(get("/api/sla/cases/{id}", caseId).with(agent())).getContentAsString();
		assertThat(api).contains("\"kind\":\"FIRST_RESPONSE\"", "\"state\":\"BREACHED\"");
	}
}
