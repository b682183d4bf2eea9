package nl.luister.channel.mail;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A mail with attachments, read over IMAP, shown in its case with download links that never render anything. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false" })
@AutoConfigureMockMvc
class AttachmentDownloadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceAdmin sources;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	MailServer server;

	@BeforeEach
	void start() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		server = MailServer.start();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void attachmentsAreDownloadedAsFilesWithSafeNamesAndNeverShownInline() throws Exception {
		MimeMessage m = server.message("anna@example.test", "Bijlagen", "");
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Zie bijlagen.", "UTF-8");
		mixed.addBodyPart(text);
		mixed.addBodyPart(MailSourceTests.attachment(".htaccess", "text/html", "<script>alert(1)</script>".getBytes()));
		mixed.addBodyPart(MailSourceTests.attachment("bom.zip", "application/zip", MailSourceTests.zipLike()));
		m.setContent(mixed);
		server.deliver(m);
		SourceRecord mailbox = sources.create(null, "mail", "Support", Channel.EMAIL, "{\"imapHost\": \"127.0.0.1\", \"imapPort\": "
				+ server.imapPort() + ", \"imapSecurity\": \"none\", \"username\": \"" + MailServer.LOGIN + "\", \"password\": \""
				+ MailServer.PASSWORD + "\", \"fromAddress\": \"" + MailServer.ADDRESS + "\"}", 86_400);
		sources.pollNow(mailbox.id());
		pipeline.drainAll();
		long caseId = jdbc.sql("select id from cases").query(Long.class).single();
		LuisterUser admin = (LuisterUser) userDetails.loadUserByUsername("admin");

		String page = mvc.perform(get("/cases/{id}", caseId).with(user(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/attachments/[0-9a-f]{64}\\?name=\\.htaccess)\"").matcher(page);
		assertThat(link.find()).as("a download link for the attachment").isTrue();
		assertThat(page).contains("bom.zip");

		mvc.perform(get(link.group(1)).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/octet-stream"))
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"htaccess.bin\"")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(content().string("<script>alert(1)</script>"));

		java.util.regex.Matcher zipLink = java.util.regex.Pattern.compile("href=\"/attachments/([0-9a-f]{64})\\?name=bom\\.zip\"").matcher(page);
		assertThat(zipLink.find()).isTrue();
		byte[] zip = mvc.perform(get("/attachments/{hash}", zipLink.group(1)).param("name", "../../bom.zip").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename=\"bom.zip\"")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(zip).as("stored as it came, never unpacked").startsWith(0x50, 0x4b, 0x03, 0x04);
		assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(zip))).isEqualTo(zipLink.group(1));
	}

	@Test
	void anythingButAStoredHashIsNotFoundAndStrangersAreSentToSignIn() throws Exception {
		LuisterUser admin = (LuisterUser) userDetails.loadUserByUsername("admin");
		mvc.perform(get("/attachments/{hash}", "..%2F..%2Fetc%2Fpasswd").with(user(admin))).andExpect(status().is4xxClientError());
		mvc.perform(get("/attachments/{hash}", "ab".repeat(32)).with(user(admin))).andExpect(status().isNotFound());
		mvc.perform(get("/attachments/{hash}", "ab".repeat(32))).andExpect(status().is3xxRedirection());
	}
}
