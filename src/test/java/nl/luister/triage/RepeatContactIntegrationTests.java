package nl.luister.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseSummary;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.customer.PersonLinks;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
@AutoConfigureMockMvc
class RepeatContactIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");
	static final String COMPLAINT = "KoerierSnel, mijn pakket is nog steeds niet bezorgd. Al vijf dagen! Waardeloos.";

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
	Triage triage;

	@Autowired
	PersonLinks links;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long mail;
	long mastodon;
	long lead;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		mail = sources.importSource("repeat-mail", Channel.EMAIL);
		mastodon = sources.importSource("repeat-mastodon", Channel.MASTODON);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		lead = users.findByUsername("lea").orElseGet(() -> users.create("lea", "lead-test-password", Role.LEAD, "Lea")).id().value();
	}

	@Test
	void escalatesSecondComplaintOfSamePersonAcrossTwoChannels() throws Exception {
		ingest(mastodon, toot("t1", "anna_v", "Top service van KoerierSnel, binnen een uur bezorgd. Bedankt!", T0.minus(Duration.ofDays(10))));
		ingest(mail, email("m1", "anna@example.nl", COMPLAINT, T0));
		long first = caseOf("m1");
		assertThat(cases.summary(first).complaint()).as("the model reads the e-mail as a complaint").isTrue();
		assertThat(triage.of(first).orElseThrow().escalated()).isFalse();
		links.merge(personOf("anna_v"), personOf("anna@example.nl"), PersonLinks.Evidence.MANUAL, null);

		ingest(mastodon, toot("t2", "anna_v", "KoerierSnel, mijn pakket is nog steeds niet bezorgd en niemand helpt. Waardeloos!",
				T0.plus(Duration.ofDays(2))));

		long second = caseOf("t2");
		assertThat(second).isNotEqualTo(first).isNotEqualTo(caseOf("t1"));
		CaseTriage t = triage.of(second).orElseThrow();
		assertThat(t.severity()).isEqualTo(5);
		assertThat(t.escalated()).isTrue();
		assertThat(t.earlierCaseId()).isEqualTo(first);
		assertThat(t.earlierChannel()).isEqualTo("email");
		assertThat(t.reasons()).extracting(Reason::code).contains("repeat");
		assertThat(t.recommendation().handler()).isEqualTo("lead");
		assertThat(cases.detail(second).history()).extracting(h -> h.kind()).contains("escalated");
		assertThat(jdbc.sql("select kind || ' ' || detail from notifications where user_id = ? and case_id = ?").params(lead, second)
			.query(String.class).list()).containsExactly("repeat #" + first);

		String view = mvc.perform(get("/cases/" + second).with(user(accounts.loadUserByUsername("lea")))).andReturn().getResponse()
			.getContentAsString();
		assertThat(view).contains("Second complaint of this person", "href=\"/cases/" + first + "\"", "Severity 5 of 5", "escalated",
				"Handled by", "the team lead");
	}

	@Test
	void aComplaintOutsideTheWindowIsNotARepeat() {
		ingest(mail, email("m1", "anna@example.nl", COMPLAINT, T0));
		ingest(mail, email("m2", "anna@example.nl", COMPLAINT, T0.plus(Duration.ofDays(31))));

		assertThat(caseOf("m2")).isNotEqualTo(caseOf("m1"));
		assertThat(triage.of(caseOf("m2")).orElseThrow().escalated()).isFalse();
		assertThat(jdbc.sql("select count(*) from notifications").query(Long.class).single()).isZero();
	}

	@Test
	void aSecondComplaintOnTheSameChannelWithinTheWindowEscalatesToo() {
		ingest(mail, email("m1", "anna@example.nl", COMPLAINT, T0));
		ingest(mail, email("m2", "anna@example.nl", COMPLAINT, T0.plus(Duration.ofDays(5))));

		assertThat(triage.of(caseOf("m2")).orElseThrow().earlierCaseId()).isEqualTo(caseOf("m1"));
	}

	@Test
	void theInboxSortsBySeverityWithEscalatedCasesFirst() throws Exception {
		ingest(mail, email("m1", "anna@example.nl", COMPLAINT, T0));
		ingest(mastodon, toot("t1", "bram", "Top service van KoerierSnel, binnen een uur bezorgd. Bedankt!", T0.plus(Duration.ofDays(1))));
		ingest(mail, email("m2", "anna@example.nl", COMPLAINT, T0.plus(Duration.ofDays(5))));
		ingest(mastodon, toot("t2", "carla", "Vraagje aan KoerierSnel: bezorgen jullie ook op zondag?", T0.plus(Duration.ofDays(6))));

		List<Long> bySeverity = cases.inbox(new InboxFilter(InboxFilter.OPEN_STATUSES, null, null, null, false, 50, null, null, true))
			.stream().map(CaseSummary::id).toList();
		assertThat(bySeverity.getFirst()).isEqualTo(caseOf("m2"));
		assertThat(bySeverity.get(1)).isEqualTo(caseOf("m1"));
		assertThat(cases.inbox(InboxFilter.openCases()).getFirst().id()).as("newest first by default").isEqualTo(caseOf("t2"));

		String list = mvc.perform(get("/").param("sort", "severity").with(user(accounts.loadUserByUsername("lea")))).andReturn().getResponse()
			.getContentAsString();
		assertThat(list.indexOf("data-case-id=\"" + caseOf("m2") + "\"")).isLessThan(list.indexOf("data-case-id=\"" + caseOf("t2") + "\""));
		assertThat(list).contains("Severity 5 of 5", "sort=severity");
	}

	@Test
	void teamLeadsSeeTheEscalationUnderTheBellUntilTheyReadIt() throws Exception {
		ingest(mail, email("m1", "anna@example.nl", COMPLAINT, T0));
		ingest(mail, email("m2", "anna@example.nl", COMPLAINT, T0.plus(Duration.ofDays(5))));
		var lea = user(accounts.loadUserByUsername("lea"));

		assertThat(mvc.perform(get("/search").with(lea)).andReturn().getResponse().getContentAsString()).contains("Notifications: 1 unread");
		assertThat(mvc.perform(get("/notifications").with(lea)).andReturn().getResponse().getContentAsString())
			.contains("Case #" + caseOf("m2") + ": second complaint of this person (earlier case #" + caseOf("m1") + ")");
		assertThat(mvc.perform(get("/search").with(user(accounts.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString())
			.as("admins are told only when there is no team lead").contains("Notifications: 0 unread");

		mvc.perform(post("/notifications/read").with(lea).with(csrf()));

		assertThat(mvc.perform(get("/search").with(lea)).andReturn().getResponse().getContentAsString()).contains("Notifications: 0 unread");
	}

	private void ingest(long source, RawMention... items) {
		ingestion.ingestPushed(source, List.of(items));
		pipeline.drainAll();
	}

	private long caseOf(String externalId) {
		return jdbc.sql("select case_id from mentions where external_id = ?").param(externalId).query(Long.class).single();
	}

	private long personOf(String handle) {
		return jdbc.sql("select person_id from identities where lower(handle) = lower(?)").param(handle).query(Long.class).single();
	}

	static RawMention toot(String id, String author, String text, Instant at) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, null);
	}

	static RawMention email(String id, String from, String text, Instant at) {
		return new RawMention(id, Channel.EMAIL, new RawMention.Author(from, null, null), "Bezorging", text, null, at, null, true);
	}
}
