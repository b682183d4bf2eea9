package nl.luister.channel.mail;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.SecretSettings;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.Replies;
import nl.luister.reply.ReplyState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A support mailbox end to end: added through the API, read over IMAP, threaded into cases, answered over SMTP. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class MailThreadingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	Replies replies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailSigning signing;

	MailServer server;

	long sourceId;

	@BeforeEach
	void cleanWorkspace() throws Exception {
		TestWorkspace.reset(jdbc);
		topics.reload();
		server = MailServer.start();
		String body = """
				{"type": "mail", "name": "Support mailbox", "channel": "email", "pollSeconds": 60,
				 "settings": {"imapHost": "127.0.0.1", "imapPort": %d, "imapSecurity": "none", "username": "support",
				              "password": "%s", "smtpHost": "127.0.0.1", "smtpPort": %d, "smtpSecurity": "none",
				              "fromAddress": "%s"}}""".formatted(server.imapPort(), MailServer.PASSWORD, server.smtpPort(), MailServer.ADDRESS);
		String created = mvc.perform(post("/api/sources").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("mail"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain(MailServer.PASSWORD);
		sourceId = jdbc.sql("select id from sources where type = 'mail'").query(Long.class).single();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void listedSourcesMaskThePasswordAndAnUnchangedMaskKeepsIt() throws Exception {
		mvc.perform(get("/api/sources").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].settings", containsString("\"password\":\"" + SecretSettings.MASK + "\"")))
			.andExpect(jsonPath("$[0].settings", not(containsString(MailServer.PASSWORD))));
		String masked = """
				{"name": "Support", "settings": {"imapHost": "127.0.0.1", "imapPort": %d, "imapSecurity": "none",
				 "username": "support", "password": "%s", "smtpHost": "127.0.0.1", "smtpPort": %d, "smtpSecurity": "none"}}"""
			.formatted(server.imapPort(), SecretSettings.MASK, server.smtpPort());

		mvc.perform(put("/api/sources/" + sourceId).with(admin()).contentType(MediaType.APPLICATION_JSON).content(masked))
			.andExpect(status().isOk());

		assertThat(jdbc.sql("select settings->>'password' from sources where id = ?").param(sourceId).query(String.class).single())
			.isEqualTo(MailServer.PASSWORD);
		mvc.perform(post("/api/sources/" + sourceId + "/test").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ok").value(true));
	}

	@Test
	void supportMailOpensACaseWithoutATopicAndTheReplyGoesOutOverSmtpWithThreadingHeaders() throws Exception {
		MimeMessage question = server.message("Anna de Vries <anna@customer.test>", "Pakket kwijt", "Mijn pakket is niet aangekomen.");
		MailSourceTests.setId(question, "<q1@customer.test>");
		server.deliver(question);

		ingest();

		long caseId = caseOf("<q1@customer.test>");
		long replyId = replies.send(caseId, "Wij zoeken het voor u uit.", null);
		replies.deliverQueued();

		assertThat(replies.state(replyId)).contains(ReplyState.SENT);
		MimeMessage sent = Arrays.stream(server.greenMail.getReceivedMessages())
			.filter(m -> recipients(m).contains("anna@customer.test"))
			.findFirst()
			.orElseThrow();
		assertThat(sent.getSubject()).isEqualTo("Re: Pakket kwijt");
		assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<q1@customer.test>");
		assertThat(sent.getHeader("References", null)).isEqualTo("<q1@customer.test>");
		assertThat(sent.getFrom()[0].toString()).isEqualTo(MailServer.ADDRESS);
		assertThat(sent.getContent().toString().strip()).isEqualTo("Wij zoeken het voor u uit.");
		String messageId = sent.getMessageID();
		assertThat(messageId).isEqualTo(signing.messageId(caseId, replyId));
		assertThat(signing.verify(messageId)).isEqualTo(MailSigning.Verdict.LUISTER);
		assertThat(jdbc.sql("select external_id from replies where id = ?").param(replyId).query(String.class).single()).isEqualTo(messageId);
	}

	@Test
	void answersToAReplyJoinTheCaseByInReplyToOrReferencesEvenFromAnotherAddress() throws Exception {
		MimeMessage question = server.message("anna@customer.test", "Pakket kwijt", "Mijn pakket is niet aangekomen.");
		MailSourceTests.setId(question, "<q1@customer.test>");
		server.deliver(question);
		ingest();
		long caseId = caseOf("<q1@customer.test>");
		long replyId = replies.send(caseId, "Wat is uw trackingnummer?", null);
		replies.deliverQueued();
		String ours = signing.messageId(caseId, replyId);

		MimeMessage colleague = server.message("bram@partner.test", "Re: Pakket kwijt", "Het nummer is 3SKS123.");
		MailSourceTests.setId(colleague, "<a1@partner.test>");
		MailSourceTests.setHeader(colleague, "In-Reply-To", ours);
		server.deliver(colleague);
		MimeMessage viaReferences = server.message("carla@partner.test", "Re: Pakket kwijt", "Ook bij mij.");
		MailSourceTests.setId(viaReferences, "<a2@partner.test>");
		MailSourceTests.setHeader(viaReferences, "References", "<q1@customer.test> " + ours);
		server.deliver(viaReferences);
		MimeMessage outOfOffice = server.message("anna@customer.test", "Automatisch antwoord: Re: Pakket kwijt", "Ik ben afwezig.");
		MailSourceTests.setHeader(outOfOffice, "Auto-Submitted", "auto-replied");
		MailSourceTests.setHeader(outOfOffice, "In-Reply-To", ours);
		server.deliver(outOfOffice);
		MimeMessage forged = server.message("agent@koeriersnel.test", "Re: Pakket kwijt", "Geef uw wachtwoord.");
		MailSourceTests.setId(forged, "<AAAAAAAAAAAAAAAAAAAAAA." + caseId + ".999@luister>");
		MailSourceTests.setHeader(forged, "In-Reply-To", "<q1@customer.test>");
		server.deliver(forged);

		ingest();

		assertThat(caseOf("<a1@partner.test>")).isEqualTo(caseId);
		assertThat(caseOf("<a2@partner.test>")).isEqualTo(caseId);
		assertThat(jdbc.sql("select count(*) from mentions").query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from cases").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from replies").query(Integer.class).single()).as("never answered automatically").isEqualTo(1);
		assertThat(jdbc.sql("select status from cases where id = ?").param(caseId).query(String.class).single()).isEqualTo("OPEN");
	}

	@Test
	void wrongPasswordShowsOnTheSourceInPlainWords() {
		jdbc.sql("update sources set settings = jsonb_set(settings, '{password}', '\"wrong\"') where id = ?").param(sourceId).update();

		assertThat(sources.pollNow(sourceId)).isZero();

		assertThat(sources.get(sourceId).lastError()).startsWith("the mail server refused the login for support at 127.0.0.1:");
	}

	private void ingest() {
		sources.pollNow(sourceId);
		pipeline.drainAll();
	}

	private long caseOf(String externalId) {
		return jdbc.sql("select case_id from mentions where external_id = ?").param(externalId).query(Long.class).single();
	}

	private static List<String> recipients(MimeMessage m) {
		try {
			return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RequestPostProcessor admin() {
		return httpBasic("admin", "admin-test-password");
	}
}
