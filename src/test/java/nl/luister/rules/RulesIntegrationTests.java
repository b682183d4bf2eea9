package nl.luister.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.triage.CaseTriage;
import nl.luister.triage.Triage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
@AutoConfigureMockMvc
class RulesIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
	static final String COMPLAINT = "@KoerierSnel mijn pakket is nog steeds niet bezorgd. Al vijf dagen! Waardeloos.";
	static final String PRAISE = "Top service van KoerierSnel, binnen een uur bezorgd. Bedankt!";
	static final RuleConditions COMPLAINTS = new RuleConditions(null, null, null, null, Set.of("complaint"), null, null, null, null, null);

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
	RuleManagement rules;

	@Autowired
	Triage triage;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	nl.luister.reply.Templates templates;

	@Autowired
	nl.luister.reply.Replies replies;

	@Autowired
	JdbcClient jdbc;

	long webcare;
	long forum;
	long lead;
	long agent;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		webcare = jdbc.sql("""
				insert into sources (source_key, type, name, channel, account_role, paused)
				values ('rules-webcare', 'mastodon', '@KoerierSnel_help', 'mastodon', 'WEBCARE', true) returning id""")
			.query(Long.class).single();
		forum = sources.importSource("rules-forum", Channel.FORUM);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		lead = users.findByUsername("lea").orElseGet(() -> users.create("lea", "lead-test-password", Role.LEAD, "Lea")).id().value();
		agent = users.findByUsername("bob").orElseGet(() -> users.create("bob", "agent-test-password", Role.AGENT, "Bob")).id().value();
	}

	@Test
	void eachActionIsCarriedOutAndLoggedOnTheCase() throws Exception {
		on("Influencer complaint", COMPLAINTS, new RuleActions(4, List.of("pers"), false, true, agent, true, "Dank je, we zoeken het uit."));

		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));

		CaseTriage t = triage.of(id).orElseThrow();
		assertThat(t.severity()).isEqualTo(4);
		assertThat(t.tags()).containsExactly("pers");
		assertThat(t.approvalRequired()).isTrue();
		assertThat(cases.summary(id).assigneeId()).isEqualTo(agent);
		assertThat(jdbc.sql("select text || ' ' || state from replies where case_id = ?").param(id).query(String.class).list())
			.containsExactly("Dank je, we zoeken het uit. QUEUED");
		assertThat(jdbc.sql("select kind from notifications where user_id = ? and case_id = ?").params(lead, id).query(String.class).list())
			.containsExactly("rule");
		assertThat(rules.logOf(id)).extracting(RuleRun::action).containsExactly("severity", "tag", "notify", "assign", "approval", "acknowledge");
		assertThat(rules.logOf(id)).extracting(RuleRun::ruleName).containsOnly("Influencer complaint");

		String view = page("/cases/" + id, "lea");
		assertThat(view).contains("rule ‘Influencer complaint’", "set severity 4", "tagged ‘pers’", "assigned the case to Bob",
				"Severity set by rule ‘Influencer complaint’", "replies need approval");
	}

	@Test
	void escalateActionEscalatesOnceAndTellsTheLeads() {
		on("Escalate complaints", COMPLAINTS, new RuleActions(null, null, true, false, null, false, null));

		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));
		ingest(webcare, new RawMention("2", Channel.MASTODON, new RawMention.Author("anna_v", null, 100), null, COMPLAINT + " Nog steeds!",
				null, T0.plusSeconds(600), "1"));

		CaseTriage t = triage.of(id).orElseThrow();
		assertThat(t.escalated()).isTrue();
		assertThat(t.severity()).isEqualTo(5);
		assertThat(jdbc.sql("select mention_count from cases where id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select kind || ' ' || detail from notifications where user_id = ?").param(lead).query(String.class).list())
			.containsExactly("escalated Escalate complaints");
		assertThat(rules.logOf(id)).extracting(RuleRun::action).containsExactly("escalate");
	}

	@Test
	void actionsNeverTriggerAnotherEvaluationAndOneOffActionsHappenOncePerCase() {
		on("Acknowledge", RuleConditions.any(), new RuleActions(null, List.of("ack"), false, true, null, false, "We hebben je bericht."));

		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));
		// the queued acknowledgement changed the case (status, history) without running the rules again
		assertThat(rules.logOf(id)).extracting(RuleRun::action).containsExactly("tag", "notify", "acknowledge");
		pipeline.drainAll();
		assertThat(rules.logOf(id)).hasSize(3);

		ingest(webcare, new RawMention("2", Channel.MASTODON, new RawMention.Author("anna_v", null, 100), null, "Nog iets: het was een cadeau.",
				null, T0.plusSeconds(900), "1"));

		assertThat(rules.logOf(id)).as("the update ran the rule again, which had nothing new to do").hasSize(3);
		assertThat(jdbc.sql("select count(*) from replies where case_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notifications").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onConflictsTheLaterRuleWinsAndTheLogSaysWhichItOverrode() {
		Rule high = on("Influencer", COMPLAINTS, new RuleActions(5, null, false, false, null, false, null));
		Rule low = on("Calm", COMPLAINTS, new RuleActions(2, null, false, false, null, false, null));

		long first = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));
		assertThat(triage.of(first).orElseThrow().severity()).isEqualTo(2);
		assertThat(rules.logOf(first)).singleElement().satisfies(r -> {
			assertThat(r.ruleName()).isEqualTo("Calm");
			assertThat(r.detail()).isEqualTo("2 (overrides Influencer: 5)");
		});

		rules.move(low.id(), -1);
		assertThat(rules.all()).extracting(Rule::id).containsExactly(low.id(), high.id());
		long second = ingest(webcare, toot("2", "bram", COMPLAINT, T0));
		assertThat(triage.of(second).orElseThrow().severity()).isEqualTo(5);
	}

	@Test
	void acknowledgementsGoOutFromWebcareAccountsOnly() {
		on("Acknowledge", RuleConditions.any(), new RuleActions(null, null, false, false, null, false, "Bedankt!"));

		long id = ingest(forum, new RawMention("f1", Channel.FORUM, new RawMention.Author("dirk", null, null), null, COMPLAINT, null, T0, null));

		assertThat(jdbc.sql("select count(*) from replies").query(Long.class).single()).isZero();
		assertThat(rules.logOf(id)).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("skipped");
			assertThat(r.detail()).contains("not a webcare account");
		});
	}

	@Test
	void assigningToADeletedUserIsSkippedAndLogged() {
		long gone = users.create("gone-" + System.nanoTime(), "gone-test-password", Role.AGENT, "Gone").id().value();
		on("To Gone", COMPLAINTS, new RuleActions(null, null, false, false, gone, false, null));
		jdbc.sql("delete from users where id = ?").param(gone).update();

		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));

		assertThat(cases.summary(id).assigneeId()).isNull();
		assertThat(rules.logOf(id)).singleElement().satisfies(r -> {
			assertThat(r.action()).isEqualTo("skipped");
			assertThat(r.detail()).contains("user #" + gone + " no longer exists");
		});
		assertThat(page("/cases/" + id, "lea")).contains("could not act: assign: user #" + gone);
	}

	@Test
	void aRuleNeverTakesACaseFromAnAgent() {
		on("To Bob", RuleConditions.any(), new RuleActions(null, null, false, false, agent, false, null));
		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));
		cases.assign(id, lead, "Lea", lead);

		ingest(webcare, new RawMention("2", Channel.MASTODON, new RawMention.Author("anna_v", null, 100), null, "Nog iets", null,
				T0.plusSeconds(60), "1"));

		assertThat(cases.summary(id).assigneeId()).isEqualTo(lead);
	}

	@Test
	void switchedOffRulesDoNotRun() {
		Rule r = rules.create("Off", RuleConditions.any(), new RuleActions(5, null, false, false, null, false, null), lead);
		assertThat(r.enabled()).as("new rules start off").isFalse();

		long id = ingest(webcare, toot("1", "anna_v", PRAISE, T0));

		assertThat(triage.of(id).orElseThrow().severity()).isEqualTo(1);
		assertThat(rules.logOf(id)).isEmpty();
	}

	@Test
	void tryingARuleListsTheRecentCasesItWouldChangeWithoutChangingThem() throws Exception {
		long complaint = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));
		long praise = ingest(webcare, toot("2", "bram", PRAISE, T0.plusSeconds(60)));
		long another = ingest(webcare, toot("3", "carla", COMPLAINT, T0.plusSeconds(120)));

		RuleManagement.TrialRun run = rules.tryRule("Try", COMPLAINTS, new RuleActions(5, List.of("x"), false, false, null, false, null), 10);

		assertThat(run.examined()).isEqualTo(3);
		assertThat(run.matched()).extracting(RuleManagement.Trial::caseId).containsExactly(another, complaint).doesNotContain(praise);
		assertThat(run.matched().getFirst().effects()).extracting(e -> e.action().key() + " " + e.value()).containsExactly("severity 5", "tag x");
		assertThat(triage.of(complaint).orElseThrow().severity()).isLessThan(5);
		assertThat(jdbc.sql("select count(*) from rule_runs").query(Long.class).single()).isZero();
		assertThat(rules.tryRule("Try", COMPLAINTS, new RuleActions(5, null, false, false, null, false, null), 1).examined()).isEqualTo(1);

		String fragment = mvc.perform(post("/rules/try").with(lead()).with(csrf()).header("HX-Request", "true")
				.param("name", "Try").param("intents", "complaint").param("severity", "5").param("tryLimit", "10"))
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("2 of the last 3 cases would match", "set severity 5", "href=\"/cases/" + another + "\"");
	}

	@Test
	void hostileNamesTagsAndWordsAreShownAsText() throws Exception {
		String hostile = "<script>alert(1)</script>";
		Rule r = on(hostile, RuleConditions.any(), new RuleActions(null, List.of("<img src=x onerror=alert(1)>"), false, false, null, false,
				"<b>Hallo</b>"));

		long id = ingest(webcare, toot("1", "anna_v", COMPLAINT, T0));

		for (String path : List.of("/cases/" + id, "/rules", "/rules/" + r.id())) {
			String html = page(path, "lea");
			assertThat(html).as(path).doesNotContain(hostile, "<img src=x", "<b>Hallo</b>").contains("&lt;");
		}
		assertThat(page("/cases/" + id, "lea")).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void onlyTeamLeadsAndAdminsManageRules() throws Exception {
		assertThat(mvc.perform(get("/rules").with(user(accounts.loadUserByUsername("bob")))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(page("/", "bob")).doesNotContain("href=\"/rules\"");
		assertThat(page("/", "lea")).contains("href=\"/rules\"");
		String json = """
				{"name": "API rule", "when": {"intents": ["complaint"], "minTier": 3}, "then": {"severity": 4, "tags": ["api"]}}""";
		assertThat(mvc.perform(post("/api/rules").with(user(accounts.loadUserByUsername("bob"))).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andReturn().getResponse().getStatus()).isEqualTo(403);

		var created = mvc.perform(post("/api/rules").with(lead()).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getContentAsString()).contains("\"enabled\":false", "\"minTier\":3", "\"severity\":4");
		Rule second = rules.create("Second", RuleConditions.any(), new RuleActions(1, null, false, false, null, false, null), lead);
		long first = rules.all().getFirst().id();

		var reordered = mvc.perform(put("/api/rules/order").with(lead()).contentType(MediaType.APPLICATION_JSON)
			.content("[" + second.id() + "," + first + "]")).andReturn().getResponse();
		assertThat(reordered.getStatus()).isEqualTo(200);
		assertThat(rules.all()).extracting(Rule::id).containsExactly(second.id(), first);
		assertThat(mvc.perform(post("/api/rules").with(lead()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Nothing\"}"))
			.andReturn().getResponse().getStatus()).as("a rule without an action").isEqualTo(400);
		assertThat(mvc.perform(post("/api/rules/try").with(user(accounts.loadUserByUsername("bob"))).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andReturn().getResponse().getContentAsString()).contains("\"examined\":0");
	}

	@Test
	void leadsCreateSwitchAndOrderRulesInTheForm() throws Exception {
		var created = mvc.perform(post("/rules").with(lead()).with(csrf()).param("name", "Night shift").param("channels", "MASTODON")
				.param("hours", "true").param("days", "SATURDAY", "SUNDAY").param("from", "00:00").param("to", "23:59")
				.param("zone", "Europe/Amsterdam").param("hoursMode", "inside").param("words", "kwijt\nboos").param("tags", "weekend, nacht")
				.param("minTier", "").param("severity", ""))
			.andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		Rule rule = rules.all().getFirst();
		assertThat(rule.when().hours().days()).hasSize(2);
		assertThat(rule.when().words()).containsExactly("kwijt", "boos");
		assertThat(rule.then().tags()).containsExactly("weekend", "nacht");
		assertThat(page("/rules/" + rule.id(), "lea")).contains("kwijt", "Europe/Amsterdam");

		mvc.perform(post("/rules/" + rule.id() + "/enabled").with(lead()).with(csrf()).param("enabled", "true"));
		assertThat(rules.get(rule.id()).enabled()).isTrue();

		var invalid = mvc.perform(post("/rules").with(lead()).with(csrf()).param("name", "No action")).andReturn().getResponse();
		assertThat(invalid.getStatus()).isEqualTo(422);
		assertThat(invalid.getContentAsString()).contains("Choose at least one action.");
		var badZone = mvc.perform(post("/rules").with(lead()).with(csrf()).param("name", "Zone").param("hours", "true").param("days", "MONDAY")
			.param("from", "09:00").param("to", "17:00").param("zone", "Mars/Olympus").param("escalate", "true")).andReturn().getResponse();
		assertThat(badZone.getStatus()).isEqualTo(422);
		assertThat(badZone.getContentAsString()).contains("Unknown time zone");
	}

	@Test
	void acknowledgementFromATemplateIsRenderedForTheCaseAndOldTextRulesStillWork() {
		long template = templates.save(null, new nl.luister.reply.TemplateDraft(null, "nl", "Ontvangen",
				"bedankt", "Hoi {{customer.first_name}}, we kijken naar zaak {{case.number}}. Groet, {{agent.name}}"), lead).id();
		on("Template ack", COMPLAINTS, new RuleActions(null, List.of(), false, false, null, false, null, template));
		on("Text ack", COMPLAINTS, new RuleActions(null, List.of(), false, false, null, false, "Dank je, {{customer.name}} blijft zo."));

		long id = ingest(webcare, new RawMention("t1", Channel.MASTODON, new RawMention.Author("anna_v", "Anna <b>de</b> Vries", 100),
				null, COMPLAINT, null, T0, null, true));

		// no agent wrote it: the agent variables name the brand, or without a brand the account
		assertThat(jdbc.sql("select text from replies where case_id = ? order by id").param(id).query(String.class).list())
			.containsExactly("Hoi Anna, we kijken naar zaak " + id + ". Groet, @KoerierSnel_help", "Dank je, {{customer.name}} blijft zo.");
		assertThat(rules.logOf(id)).extracting(RuleRun::action).containsExactly("acknowledge_template", "acknowledge");
		assertThat(rules.logOf(id).getFirst().detail()).isEqualTo("Ontvangen");

		templates.delete(template);
		long second = ingest(webcare, toot("t2", "bram", COMPLAINT, T0));
		assertThat(rules.logOf(second)).extracting(RuleRun::action).containsExactly("skipped", "acknowledge");
	}

	@Test
	void aRuleThatRequiresApprovalMakesAnAgentsReplyWaitButNotTheLeads() {
		on("Careful", COMPLAINTS, new RuleActions(null, List.of(), false, false, null, true, null));
		long id = ingest(webcare, toot("w1", "anna_v", COMPLAINT, T0));

		assertThat(replies.state(replies.send(id, "Hoi Anna", agent))).contains(nl.luister.reply.ReplyState.AWAITING_APPROVAL);
		assertThat(replies.state(replies.send(id, "Hoi Anna, hier Lea", lead))).contains(nl.luister.reply.ReplyState.QUEUED);
	}

	@Test
	void aRuleNamesEitherAnAcknowledgementTextOrATemplate() throws Exception {
		mvc.perform(post("/api/rules").with(lead()).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Both", "when": {"intents": ["complaint"]}, "then": {"acknowledgement": "Dank", "acknowledgementTemplate": 1}}"""))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
	}

	private Rule on(String name, RuleConditions when, RuleActions then) {
		return rules.setEnabled(rules.create(name, when, then, lead).id(), true);
	}

	private long ingest(long source, RawMention item) {
		ingestion.ingestPushed(source, List.of(item));
		pipeline.drainAll();
		return jdbc.sql("select case_id from mentions where external_id = ? and source_id = ?").params(item.externalId(), source)
			.query(Long.class).single();
	}

	private RequestPostProcessor lead() {
		return user(accounts.loadUserByUsername("lea"));
	}

	private String page(String path, String username) {
		try {
			return mvc.perform(get(path).with(user(accounts.loadUserByUsername(username)))).andReturn().getResponse().getContentAsString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static RawMention toot(String id, String author, String text, Instant at) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, null, true);
	}

}
