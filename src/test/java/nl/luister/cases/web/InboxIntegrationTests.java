package nl.luister.cases.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class InboxIntegrationTests {

	static final Instant T0 = Instant.now().minusSeconds(3 * 3600);

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
	long mastodon;
	long forum;

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("inbox-mastodon", Channel.MASTODON);
		forum = sources.importSource("inbox-forum", Channel.FORUM);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		topics.create("Refunds", "geld");
		admin = (LuisterUser) userDetails.loadUserByUsername("admin");
	}

	@Test
	void showsWhatToDoWhenThereAreNoCases() throws Exception {
		mvc.perform(get("/").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No cases yet — add a source or import mentions.")));
	}

	@Test
	void listsOpenCasesNewestFirst() throws Exception {
		ingest(mastodon, mention("1", "anna_v", "KoerierSnel pakket kwijt", T0));
		ingest(forum, forum(mention("2", "carla", "KoerierSnel was snel!", T0.plusSeconds(600))));

		String html = mvc.perform(get("/").with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("data-row", "sse-connect=\"/inbox/events\"", "hx-trigger=\"sse:cases\"");
		assertThat(html.indexOf("KoerierSnel was snel!")).isGreaterThan(0).isLessThan(html.indexOf("KoerierSnel pakket kwijt"));
	}

	@Test
	void filtersByChannelTopicStatusAndView() throws Exception {
		ingest(mastodon, mention("1", "anna_v", "KoerierSnel pakket kwijt", T0));
		ingest(forum, forum(mention("2", "carla", "KoerierSnel ik wil mijn geld terug", T0.plusSeconds(60))));
		long resolved = caseOf("carla");
		long refunds = topics.all().stream().filter(t -> t.name().equals("Refunds")).findFirst().orElseThrow().id();

		mvc.perform(get("/").param("channel", "forum").with(user(admin)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ik wil mijn geld terug")))
			.andExpect(content().string(not(containsString("pakket kwijt"))))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/").param("topic", Long.toString(refunds)).with(user(admin)))
			.andExpect(content().string(containsString("ik wil mijn geld terug")))
			.andExpect(content().string(not(containsString("pakket kwijt"))));

		cases.changeStatus(resolved, CaseStatus.RESOLVED, null);
		mvc.perform(get("/").param("status", "resolved").with(user(admin)))
			.andExpect(content().string(containsString("ik wil mijn geld terug")))
			.andExpect(content().string(not(containsString("pakket kwijt"))));
		mvc.perform(get("/").param("view", "mine").with(user(admin)))
			.andExpect(content().string(not(containsString("pakket kwijt"))));
		mvc.perform(get("/").param("view", "unassigned").with(user(admin)))
			.andExpect(content().string(containsString("pakket kwijt")));
	}

	@Test
	void casePageShowsTheThreadAndRendersOnlyThePaneForHtmx() throws Exception {
		ingest(forum, forum(mention("1", "carla", "KoerierSnel\nsecond line", T0)));
		long id = caseOf("carla");

		mvc.perform(get("/cases/{id}", id).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("KoerierSnel\nsecond line")))
			.andExpect(content().string(containsString("Open original on forum.example.nl")))
			.andExpect(content().string(containsString("This source can&#39;t send replies")));
		mvc.perform(get("/cases/{id}", id).with(user(admin)).header("HX-Request", "true"))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"case\"")));
		mvc.perform(get("/cases/{id}", 999_999).with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void assignToMeStatusNoteAndAnsweredOnSiteChangeTheCase() throws Exception {
		ingest(forum, forum(mention("1", "carla", "KoerierSnel waar is mijn pakket", T0)));
		long id = caseOf("carla");

		mvc.perform(post("/cases/{id}/assign", id).param("assignee", admin.id().toString()).with(user(admin)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cases/" + id));
		assertThat(cases.summary(id).assigneeId()).isEqualTo(admin.id().value());
		assertThat(cases.summary(id).status()).isEqualTo(CaseStatus.OPEN);

		mvc.perform(post("/cases/{id}/notes", id).param("text", "klant belt morgen").with(user(admin)).with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("klant belt morgen")))
			.andExpect(content().string(containsString("Note added.")));
		assertThat(cases.detail(id).notes()).extracting(CaseDetail.Note::text).containsExactly("klant belt morgen");

		mvc.perform(post("/cases/{id}/answered-on-site", id).param("text", "Answered in the forum").with(user(admin)).with(csrf())
				.header("HX-Request", "true"))
			.andExpect(content().string(containsString("Answered in the forum")))
			.andExpect(content().string(containsString("answered on site")));
		assertThat(cases.detail(id).thread()).filteredOn(CaseDetail.OurReply.class::isInstance).singleElement()
			.extracting(i -> ((CaseDetail.OurReply) i).state()).isEqualTo("ANSWERED_ON_SITE");
		assertThat(cases.summary(id).status()).isEqualTo(CaseStatus.PENDING);

		mvc.perform(post("/cases/{id}/status", id).param("status", "resolved").with(user(admin)).with(csrf()))
			.andExpect(status().isFound());
		assertThat(cases.summary(id).status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(cases.detail(id).history()).extracting(CaseDetail.HistoryEntry::kind).contains("assigned", "note", "reply", "status");
	}

	@Test
	void showsErrorsInlineInTheUsersLanguage() throws Exception {
		ingest(forum, forum(mention("1", "carla", "KoerierSnel waar is mijn pakket", T0)));
		long id = caseOf("carla");

		mvc.perform(post("/cases/{id}/notes", id).param("text", "  ").with(user(admin)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write a note first.")));
		mvc.perform(post("/cases/{id}/notes", id).param("text", "").param("lang", "nl").with(user(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Schrijf eerst een notitie.")));
		mvc.perform(post("/cases/{id}/replies", id).param("text", "hello").with(user(admin)).with(csrf()).header("HX-Request", "true"))
			.andExpect(content().string(containsString("role=\"alert\">This source can&#39;t send replies: answer on the site.")));
		assertThat(cases.detail(id).notes()).isEmpty();
	}

	@Test
	void speaksDutch() throws Exception {
		mvc.perform(get("/").param("lang", "nl").with(user(admin)))
			.andExpect(content().string(containsString("Niet toegewezen")))
			.andExpect(content().string(containsString("Nog geen zaken")));
	}

	private long caseOf(String handle) {
		return cases.inbox(new InboxFilter(java.util.Set.of(), null, null, null, false, 100)).stream()
			.filter(c -> handle.equals(c.authorHandle())).map(CaseSummary::id).findFirst().orElseThrow();
	}

	private void ingest(long source, RawMention... items) {
		ingestion.ingestPushed(source, List.of(items));
		pipeline.drainAll();
	}

	private static RawMention forum(RawMention m) {
		return new RawMention(m.externalId(), Channel.FORUM, m.author(), "Topic title", m.text(),
				"https://forum.example.nl/t/" + m.externalId(), m.publishedAt(), m.inReplyTo());
	}

	private static RawMention mention(String id, String author, String text, Instant at) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, null);
	}
}
