package nl.luister.collab;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.notice.NoticeSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Spring context for the collaboration tests (they extend this class, so the context is shared): the pipeline
 * run by hand, notices to GreenMail, at most three valid forwards per case. Each test starts with an empty workspace,
 * a Mastodon source that can send (its instance is a closed loopback port, so deliveries fail harmlessly), one case
 * and the agents admin and bram.
 */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.collab.forwards-per-case=3",
		"luister.base-url=http://luister.test" })
@AutoConfigureMockMvc
abstract class CollabFixture {

	static final String BRAM_PASSWORD = "bram-test-password";

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		NoticeSmtp.register(registry);
	}

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
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	long source;
	long caseId;
	User admin;
	User bram;

	@BeforeEach
	void oneCaseTwoAgents() throws Exception {
		TestWorkspace.reset(jdbc);
		NoticeSmtp.SMTP.purgeEmailFromAllMailboxes();
		admin = users.findByUsername("admin").orElseThrow();
		bram = users.findByUsername("bram").orElseGet(() -> users.create("bram", BRAM_PASSWORD, Role.AGENT, "Bram"));
		source = sources.create(null, "mastodon", "KoerierSnel op Mastodon", Channel.MASTODON,
				"{\"instance\": \"http://127.0.0.1:9\", \"accessToken\": \"t\"}", 86_400).id();
		sources.pause(source, true);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		ingestion.ingestPushed(source, List.of(new RawMention("m1", Channel.MASTODON, new RawMention.Author("anna_v", "Anna Visser", 120), null,
				"KoerierSnel waar blijft mijn pakket? <script>alert(1)</script> <img src=x onerror=alert(2)>", null, Instant.now(), null)));
		pipeline.drainAll();
		caseId = cases.inbox(InboxFilter.openCases()).getFirst().id();
	}
}
