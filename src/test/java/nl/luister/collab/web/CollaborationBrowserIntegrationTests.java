package nl.luister.collab.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two agents on one case, each in their own browser context (own session) of the system's headless Chromium: they
 * see each other viewing and typing, and the second reply is held back for review until its agent sends it anyway.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CollaborationBrowserIntegrationTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
	static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

	@LocalServerPort
	int port;

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

	Playwright playwright;
	Browser browser;
	long caseId;
	String adminName;

	@BeforeEach
	void startBrowserAndSeedACase() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"no Chromium at /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests");
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		adminName = users.findByUsername("admin").orElseThrow().displayName();
		if (users.findByUsername("bram").isEmpty()) users.create("bram", "bram-test-password", Role.AGENT, "Bram");
		// Mastodon can send: the instance is a closed loopback port, so the outbox fails quietly in the background.
		long mastodon = sources.create(null, "mastodon", "KoerierSnel op Mastodon", Channel.MASTODON,
				"{\"instance\": \"http://127.0.0.1:9\", \"accessToken\": \"t\"}", 86_400).id();
		sources.pause(mastodon, true);
		topics.reload();
		topics.create("KoerierSnel", "KoerierSnel");
		ingestion.ingestPushed(mastodon, List.of(new RawMention("c1", Channel.MASTODON, new RawMention.Author("anna_v", "Anna Visser", 120),
				null, "@KoerierSnel mijn pakket is al een week onderweg", null, Instant.now().minus(Duration.ofHours(1)), null)));
		await().atMost(Duration.ofSeconds(20)).until(() -> cases.inbox(InboxFilter.openCases()).size() == 1);
		caseId = cases.inbox(InboxFilter.openCases()).getFirst().id();

		playwright = Playwright.create();
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) browser.close();
		if (playwright != null) playwright.close();
	}

	@Test
	void twoAgentsSeeEachOtherAndTheSecondReplyWaitsForReview() throws Exception {
		Page a = signIn("admin", "admin-test-password");
		Page b = signIn("bram", "bram-test-password");
		b.navigate(url("/cases/" + caseId));
		a.navigate(url("/cases/" + caseId));

		Locator bPresence = b.locator("#presence-list");
		assertThat(bPresence).containsText(adminName + " is viewing", LIVE);
		assertThat(a.locator("#presence-list")).containsText("Bram is viewing", LIVE);

		a.locator("#reply-text").fill("Hoi Anna, we kijken het nu na.");
		assertThat(bPresence).containsText(adminName + " is typing a reply", LIVE);
		a.locator("#case form:has(#reply-text) > button[type=submit]").click();
		assertThat(a.locator("#case .message-ours")).containsText("we kijken het nu na");

		// A's heartbeat falls back to viewing once A stops typing.
		assertThat(bPresence).containsText(adminName + " is viewing", LIVE);

		b.locator("#reply-text").fill("Dag Anna, ik zoek het voor je uit!");
		b.locator("#case form:has(#reply-text) > button[type=submit]").click();
		Locator review = b.locator("#case .review");
		assertThat(review).isVisible();
		assertThat(review).containsText("Hoi Anna, we kijken het nu na.");
		assertThat(review).containsText(adminName);
		assertThat(b.locator("#reply-text")).hasValue("Dag Anna, ik zoek het voor je uit!");
		// The pane is rendered anew: the colleague's reply is in the thread now, B's draft is not sent.
		assertThat(b.locator("#case .thread .message-ours")).hasCount(1);
		assertThat(replies()).isEqualTo(1);
		b.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/collision-review.png")));

		b.locator("[data-action=send-anyway]").click();
		assertThat(b.locator("#case .review")).hasCount(0);
		assertThat(b.locator("#case .thread .message-ours")).hasCount(2);
		assertThat(b.locator("#case .thread .message-ours").last()).containsText("ik zoek het voor je uit");
		assertThat(replies()).isEqualTo(2);

		// @mention suggestions in the note box
		b.locator("#note-text").click();
		b.locator("#note-text").pressSequentially("Graag even checken @adm");
		assertThat(b.locator("#mention-suggestions [role=option]").first()).containsText("@admin");
		b.locator("#note-text").press("Enter");
		assertThat(b.locator("#note-text")).hasValue("Graag even checken @admin ");
		b.locator("#case form:has(#note-text) button[type=submit]").click();
		assertThat(b.locator("#case .message-note mark.mention")).hasText("@admin");
		a.navigate(url("/notifications"));
		assertThat(a.locator("main")).containsText("Bram mentioned you in a note");
		assertThat(a).hasURL(Pattern.compile(".*/notifications$"));
	}

	private Page signIn(String username, String password) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB"));
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form.form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*:" + port + "/(\\?continue)?$"));
		return page;
	}

	private long replies() {
		return jdbc.sql("select count(*) from replies where case_id = ?").param(caseId).query(Long.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
