package nl.luister.reply;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Templates, signatures, the approval queue and the guard-rails at send, through the UI forms and the API, with a
 * recording channel behind the real outbox.
 */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
@AutoConfigureMockMvc
class ReplyingIntegrationTests {

	@TestConfiguration
	static class Channels {
		@Bean
		Recorder recorder() {
			return new Recorder();
		}
	}

	/** A channel that keeps what it was asked to send. */
	static class Recorder implements ReplySender {
		final List<OutgoingReply> sent = new CopyOnWriteArrayList<>();

		@Override
		public String type() {
			return "recorder";
		}

		@Override
		public String send(OutgoingReply reply) {
			sent.add(reply);
			return "out-" + reply.replyId();
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ingestion ingestion;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	Users users;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Replies replies;

	@Autowired
	Recorder recorder;

	@Autowired
	AgentProfiles profiles;

	long brand;
	long mastodon;
	long mail;
	long tina;
	long lea;
	long bob;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		jdbc.sql("truncate reply_templates, agent_reply_profiles restart identity cascade").update();
		jdbc.sql("delete from brands").update();
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		brand = jdbc.sql("insert into brands (name) values ('KoerierSnel') returning id").query(Long.class).single();
		mastodon = source("rec-mastodon", "mastodon");
		mail = source("rec-mail", "email");
		tina = account("tina", Role.AGENT, "Tina Trainee");
		lea = account("lea", Role.LEAD, "Lea Lead");
		bob = account("bob", Role.AGENT, "Bob de Bouwer");
		profiles.setTrainee(tina, true);
		recorder.sent.clear();
	}

	// templates

	@Test
	void refusesAnUnknownVariableWithItsColumnAndAHint() throws Exception {
		mvc.perform(post("/api/templates").with(as("lea")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"language": "nl", "name": "Laat", "body": "Hoi {{customer.firstname}}!"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("body"))
			.andExpect(jsonPath("$.column").value(5))
			.andExpect(jsonPath("$.hint").value(org.hamcrest.Matchers.containsString("did you mean {{customer.first_name}}")));

		String page = mvc.perform(post("/templates").with(as("lea")).with(csrf()).param("language", "nl").param("name", "Laat")
				.param("body", "Hoi {{ agent.nam }"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("At column 5:", "is not closed");
	}

	@Test
	void agentsUseTemplatesButOnlyLeadsChangeThem() throws Exception {
		mvc.perform(post("/api/templates").with(as("bob")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"language": "nl", "name": "Laat", "body": "Hoi"}"""))
			.andExpect(status().isForbidden());
		mvc.perform(post("/templates").with(as("bob")).with(csrf()).param("language", "nl").param("name", "Laat").param("body", "Hoi"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/templates").with(as("bob"))).andExpect(status().isOk());
	}

	@Test
	void thePickerRendersHostileNamesAsPlainTextWithTheCasesBrandAndLanguageFirst() throws Exception {
		long caseId = ingest(mastodon, "h1", "<script>alert(1)</script> {{agent.name}}\u202E\u0007", "@KoerierSnel waar is mijn pakket? Het is te laat.");
		jdbc.sql("update mentions set language = 'nl' where case_id = ?").param(caseId).update();
		template(null, "en", "Late (en)", "late", "Hi {{customer.first_name}}");
		template(brand, "nl", "Laat", "late", "Hoi {{customer.name}}, {{agent.first_name}} van {{brand}} zoekt zaak {{case.number}} uit.");
		template(null, "nl", "Laat algemeen", "late", "Hoi!");
		long other = jdbc.sql("insert into brands (name) values ('Ander') returning id").query(Long.class).single();
		template(other, "nl", "Ander merk", "late", "Niet voor deze zaak");

		String html = mvc.perform(get("/cases/" + caseId + "/templates").param("q", "lat").with(as("bob")).header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>alert", "Niet voor deze zaak", "\u202E", "\u0007")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{agent.name}}, Bob van KoerierSnel zoekt zaak " + caseId + " uit.");
		assertThat(html.indexOf(">Laat<")).isLessThan(html.indexOf(">Laat algemeen<"));
		assertThat(html.indexOf(">Laat algemeen<")).isLessThan(html.indexOf(">Late (en)<"));

		mvc.perform(get("/api/cases/" + caseId + "/templates").param("q", "laat").with(as("bob")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Laat"))
			.andExpect(jsonPath("$[0].text").value("Hoi <script>alert(1)</script> {{agent.name}}, Bob van KoerierSnel zoekt zaak " + caseId + " uit."));
	}

	@Test
	void theCaseViewOffersThePickerOnT() throws Exception {
		long caseId = ingest(mastodon, "p1", "anna_v", "@KoerierSnel waar is mijn pakket?");
		String html = mvc.perform(get("/cases/" + caseId).with(as("bob"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"template-picker\"", "data-action=\"templates\"", "/js/replying.js", "<kbd>t</kbd>");
	}

	// signatures

	@Test
	void signsWithInitialsOnShortPublicChannelsAndTheFullSignatureOnEmail() throws Exception {
		profiles.setSignature(bob, "Met vriendelijke groet,\nBob — KoerierSnel webcare", null);
		long toot = ingest(mastodon, "s1", "anna_v", "@KoerierSnel hoi");
		long email = ingest(mail, "s2", "anna@example.org", "Hallo, waar is mijn pakket?");

		String html = mvc.perform(get("/cases/" + toot).with(as("bob"))).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("data-signature-preview>^BB<");
		apiReply(toot, "bob", "Hoi Anna, we kijken mee.", false).andExpect(status().isCreated());
		apiReply(email, "bob", "Hoi Anna,\n\nwe kijken mee.", false).andExpect(status().isCreated());
		replies.deliverQueued();

		assertThat(recorder.sent).extracting(ReplySender.OutgoingReply::text).containsExactlyInAnyOrder(
				"Hoi Anna, we kijken mee. ^BB", "Hoi Anna,\n\nwe kijken mee.\n\nMet vriendelijke groet,\nBob — KoerierSnel webcare");
	}

	@Test
	void anAgentSetsTheirOwnSignatureAndInitials() throws Exception {
		mvc.perform(post("/profile/signature").with(as("bob")).with(csrf()).param("signature", "Bob").param("initials", "BdB"))
			.andExpect(status().is3xxRedirection());
		assertThat(profiles.of(bob)).isEqualTo(new AgentProfile(bob, false, "Bob", "BdB"));
		mvc.perform(post("/profile/signature").with(as("bob")).with(csrf()).param("signature", "Bob").param("initials", "B d B"))
			.andExpect(status().is(422));
		mvc.perform(put("/api/me/replying").with(as("bob")).contentType(MediaType.APPLICATION_JSON).content("{\"trainee\": false}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/users/" + bob + "/replying").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("{\"trainee\": true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.trainee").value(true)).andExpect(jsonPath("$.initials").value("BdB"));
	}

	// approvals

	@Test
	void aTraineesReplyWaitsIsEditedAndApprovedThenTheOutboxSendsIt() throws Exception {
		long caseId = ingest(mastodon, "a1", "anna_v", "@KoerierSnel waar is mijn pakket?");
		apiReply(caseId, "tina", "Hoi Anna, sorry!!", false).andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("awaiting_approval"));
		long reply = onlyReply(caseId);
		replies.deliverQueued();
		assertThat(recorder.sent).as("nothing goes out before approval").isEmpty();
		assertThat(jdbc.sql("select kind || ' ' || detail from notifications where user_id = ? and case_id = ?").params(lea, caseId)
			.query(String.class).list()).containsExactly("replyAwaiting Tina Trainee");

		mvc.perform(get("/api/approvals").with(as("bob"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/approvals").with(as("lea"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].replyId").value(reply)).andExpect(jsonPath("$[0].trainee").value(true));
		String caseView = mvc.perform(get("/cases/" + caseId).with(as("lea"))).andReturn().getResponse().getContentAsString();
		assertThat(caseView).contains("awaiting approval", "href=\"/approvals#reply-" + reply + "\"");
		String queue = mvc.perform(get("/approvals").with(as("lea"))).andReturn().getResponse().getContentAsString();
		assertThat(queue).contains("Hoi Anna, sorry!!", "Tina Trainee", "data-approvals-count");

		mvc.perform(post("/approvals/" + reply + "/approve").with(as("lea")).with(csrf()).param("text", "Hoi Anna, sorry voor het wachten."))
			.andExpect(status().is3xxRedirection());
		assertThat(replies.state(reply)).contains(ReplyState.QUEUED);
		replies.deliverQueued();

		assertThat(recorder.sent).singleElement().extracting(ReplySender.OutgoingReply::text).isEqualTo("Hoi Anna, sorry voor het wachten.");
		assertThat(jdbc.sql("select reviewed_by from replies where id = ?").param(reply).query(Long.class).single()).isEqualTo(lea);
		assertThat(jdbc.sql("select detail from case_events where case_id = ? and kind = 'approval'").param(caseId).query(String.class).list())
			.contains("reply awaits approval", "reply approved by Lea Lead (edited)");
	}

	@Test
	void aReplySentBackReachesItsAuthorWhoResubmitsIt() throws Exception {
		long caseId = ingest(mastodon, "b1", "anna_v", "@KoerierSnel waar is mijn pakket?");
		apiReply(caseId, "tina", "Geen idee.", false).andExpect(status().isCreated());
		long reply = onlyReply(caseId);

		mvc.perform(post("/api/approvals/" + reply + "/return").with(as("lea")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\": \"Wees vriendelijk <b>en</b> concreet.\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("returned"));
		assertThat(jdbc.sql("select kind from notifications where user_id = ? and case_id = ?").params(tina, caseId).query(String.class).list())
			.containsExactly("replyReturned");
		String view = mvc.perform(get("/cases/" + caseId).with(as("tina"))).andReturn().getResponse().getContentAsString();
		assertThat(view).contains("Sent back by Lea Lead:", "Wees vriendelijk &lt;b&gt;en&lt;/b&gt; concreet.", "Resubmit for approval");
		String bell = mvc.perform(get("/notifications").with(as("tina"))).andReturn().getResponse().getContentAsString();
		assertThat(bell).contains("Lea Lead sent your reply back with a note");
		replies.deliverQueued();
		assertThat(recorder.sent).isEmpty();

		mvc.perform(post("/api/approvals/" + reply + "/approve").with(as("lea"))).andExpect(status().isConflict());
		mvc.perform(post("/api/replies/" + reply + "/resubmit").with(as("bob")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"x\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + caseId + "/replies/" + reply + "/resubmit").with(as("tina")).with(csrf())
				.param("text", "Hoi Anna, we zoeken het vandaag uit.")).andExpect(status().is3xxRedirection());
		assertThat(replies.state(reply)).contains(ReplyState.AWAITING_APPROVAL);

		mvc.perform(post("/api/approvals/" + reply + "/approve").with(as("lea"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("queued"));
		replies.deliverQueued();
		assertThat(recorder.sent).singleElement().extracting(ReplySender.OutgoingReply::text).isEqualTo("Hoi Anna, we zoeken het vandaag uit.");
	}

	@Test
	void aCaseMarkedByARuleMakesAgentsRepliesWaitButNotTheLeads() throws Exception {
		long caseId = ingest(mastodon, "c1", "anna_v", "@KoerierSnel waar is mijn pakket?");
		jdbc.sql("update cases set approval_required = true where id = ?").param(caseId).update();

		apiReply(caseId, "bob", "Hoi Anna", false).andExpect(jsonPath("$.state").value("awaiting_approval"));
		// the lead has seen Bob's waiting reply (without it the API holds her reply back: someone replied since)
		mvc.perform(post("/api/cases/" + caseId + "/replies?seenReply=" + onlyReply(caseId)).with(as("lea")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Hoi Anna, hier Lea\"}")).andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("queued"));
		String html = mvc.perform(get("/cases/" + caseId).with(as("bob"))).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("your reply waits for approval", "awaiting approval");
		long newest = jdbc.sql("select max(id) from replies where case_id = ?").param(caseId).query(Long.class).single();
		String pane = mvc.perform(post("/cases/" + caseId + "/replies").with(as("bob")).with(csrf()).header("HX-Request", "true")
				.param("text", "Hoi Anna, nog even geduld").param("seenReply", String.valueOf(newest))).andReturn().getResponse().getContentAsString();
		assertThat(pane).contains("Your reply waits for a team lead’s approval");
	}

	@Test
	void theOutboxNeverDeliversRepliesAwaitingApprovalOrReturned() {
		long caseId = ingest(mastodon, "d1", "anna_v", "@KoerierSnel hoi");
		for (String state : List.of("AWAITING_APPROVAL", "RETURNED")) {
			jdbc.sql("insert into replies (case_id, text, state, next_attempt_at) values (?, ?, ?, now() - interval '1 day')")
				.params(caseId, state, state).update();
		}
		replies.deliverQueued();
		assertThat(recorder.sent).isEmpty();
		assertThat(jdbc.sql("select state from replies where case_id = ? order by id").param(caseId).query(String.class).list())
			.containsExactly("AWAITING_APPROVAL", "RETURNED");
	}

	@Test
	void anAdminMarksATraineeOnTheUsersPage() throws Exception {
		String page = mvc.perform(get("/admin/users").with(as("admin"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("data-trainee=\"bob\"");
		mvc.perform(post("/admin/users/" + bob + "/trainee").with(as("admin")).with(csrf()).param("trainee", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(profiles.of(bob).trainee()).isTrue();
		mvc.perform(post("/admin/users/" + bob + "/trainee").with(as("lea")).with(csrf()).param("trainee", "false"))
			.andExpect(status().isForbidden());
	}

	// guard-rails

	@Test
	void aPublicReplyWithPersonalDataWaitsForConfirmationInTheApi() throws Exception {
		long caseId = ingest(mastodon, "g1", "anna_v", "@KoerierSnel waar is mijn geld?");
		apiReply(caseId, "bob", "We storten het terug op NL91 ABNA 0417 1643 00, bel ons op 06-12345678.", false)
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.findings").value(org.hamcrest.Matchers.containsInAnyOrder("iban", "phone")))
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("private channel")));
		assertThat(jdbc.sql("select count(*) from replies").query(Integer.class).single()).isZero();

		apiReply(caseId, "bob", "We storten het terug op NL91 ABNA 0417 1643 00, bel ons op 06-12345678.", true)
			.andExpect(status().isCreated());

		long email = ingest(mail, "g2", "anna@example.org", "Waar is mijn geld?");
		apiReply(email, "bob", "We storten het terug op NL91 ABNA 0417 1643 00.", false).andExpect(status().isCreated());
	}

	@Test
	void aPublicReplyWithPersonalDataShowsWhatWasFoundAndSendsAnywayOnConfirmation() throws Exception {
		long caseId = ingest(mastodon, "g3", "anna_v", "@KoerierSnel waar is mijn pakket?");
		String page = mvc.perform(post("/cases/" + caseId + "/replies").with(as("bob")).with(csrf())
				.param("text", "Je pakket gaat naar Dorpsstraat 12, 1234 AB Utrecht."))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Personal data in a public reply.", "address", "Send anyway", "Dorpsstraat 12, 1234 AB Utrecht.");
		assertThat(jdbc.sql("select count(*) from replies").query(Integer.class).single()).isZero();

		mvc.perform(post("/cases/" + caseId + "/replies").with(as("bob")).with(csrf())
				.param("text", "Je pakket gaat naar Dorpsstraat 12, 1234 AB Utrecht.").param("confirmPersonalData", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from replies").query(Integer.class).single()).isOne();
	}

	@Test
	void aMarketingAccountIsWarnedAboutUpFrontAndRefusedInUiAndApi() throws Exception {
		long caseId = ingest(mastodon, "m1", "anna_v", "@KoerierSnel mooie actie!");
		jdbc.sql("update sources set account_role = 'MARKETING' where id = ?").param(mastodon).update();

		String view = mvc.perform(get("/cases/" + caseId).with(as("bob"))).andReturn().getResponse().getContentAsString();
		assertThat(view).contains("This case came in on a marketing account.");
		apiReply(caseId, "bob", "Dank je!", false).andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("marketing account")));
		mvc.perform(post("/cases/" + caseId + "/replies").with(as("bob")).with(csrf()).param("text", "Dank je!"))
			.andExpect(status().is(422));
		assertThat(jdbc.sql("select count(*) from replies").query(Integer.class).single()).isZero();
	}

	private org.springframework.test.web.servlet.ResultActions apiReply(long caseId, String username, String text, boolean confirm) throws Exception {
		String json = "{\"text\": " + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text)
				+ (confirm ? ", \"confirmPersonalData\": true" : "") + "}";
		return mvc.perform(post("/api/cases/" + caseId + "/replies").with(as(username)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private long onlyReply(long caseId) {
		return jdbc.sql("select id from replies where case_id = ?").param(caseId).query(Long.class).single();
	}

	private void template(Long brandId, String language, String name, String keywords, String body) {
		jdbc.sql("insert into reply_templates (brand_id, language, name, keywords, body) values (?, ?, ?, ?, ?)")
			.params(brandId, language, name, keywords, body).update();
	}

	private long source(String key, String channel) {
		return jdbc.sql("""
				insert into sources (source_key, type, name, channel, brand_id, account_role, paused)
				values (?, 'recorder', ?, ?, ?, 'WEBCARE', true) returning id""")
			.params(key, key, channel, brand).query(Long.class).single();
	}

	private long account(String name, Role role, String display) {
		return users.findByUsername(name).orElseGet(() -> users.create(name, name + "-test-password", role, display)).id().value();
	}

	private long ingest(long source, String id, String author, String text) {
		Channel channel = source == mail ? Channel.EMAIL : Channel.MASTODON;
		ingestion.ingestPushed(source, List.of(new RawMention(id, channel, new RawMention.Author(author, author, 10), null, text,
				null, Instant.parse("2026-11-20T10:00:00Z"), null, true)));
		pipeline.drainAll();
		return jdbc.sql("select case_id from mentions where external_id = ? and source_id = ?").params(id, source).query(Long.class).single();
	}

	private RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}
}
