package nl.luister.cases.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
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
import static org.awaitility.Awaitility.await;

/**
 * The inbox as an agent sees it, in the system's headless Chromium (Debian's {@code chromium} package).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InboxBrowserIntegrationTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

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
	JdbcClient jdbc;

	Playwright playwright;
	Browser browser;
	long forum;
	long mastodon;

	@BeforeEach
	void startBrowserAndSeedCases() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"no Chromium at /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests");
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		forum = sources.importSource("browser-forum", Channel.FORUM);
		mastodon = sources.importSource("browser-mastodon", Channel.MASTODON);
		topics.reload();
		topics.create("KoerierSnel", "KoerierSnel");
		topics.create("Refunds", "geld OR terugbetaling");
		Instant now = Instant.now();
		ingestion.ingestPushed(mastodon, List.of(
				mention("m1", Channel.MASTODON, "anna_v", "Anna Visser", null,
						"@KoerierSnel waar blijft mijn pakket? Al drie dagen 'onderweg'.", null, now.minus(Duration.ofHours(5))),
				mention("m2", Channel.MASTODON, "bram", null, null,
						"KoerierSnel bezorger heeft mijn pakket bij de buren gelegd zonder briefje", null, now.minus(Duration.ofHours(2)))));
		ingestion.ingestPushed(forum, List.of(
				mention("f1", Channel.FORUM, "carla", "Carla", "Geld terug van KoerierSnel?",
						"Ik heb een pakket retour gestuurd via KoerierSnel.\nWanneer krijg ik mijn geld terug?",
						"https://forum.example.nl/t/geld-terug/1", now.minus(Duration.ofMinutes(40)))));
		await().atMost(Duration.ofSeconds(20)).until(() -> cases.inbox(InboxFilter.openCases()).size() == 3);

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
	void agentSeesNewCasesLiveAnswersOnTheSiteAndResolves() throws Exception {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
		page.navigate(url("/"));
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		page.locator("#username").fill("admin");
		page.locator("#password").fill("admin-test-password");
		page.locator("form.form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*:" + port + "/(\\?continue)?$"));
		Locator rows = page.locator("[data-row]");
		assertThat(rows).hasCount(3);
		assertThat(rows.first()).containsText("Carla");

		// The page stays open: the new case must arrive over SSE.
		ingestion.ingestPushed(mastodon, List.of(mention("m3", Channel.MASTODON, "dewi", "Dewi", null,
				"Top service van KoerierSnel vandaag, binnen een uur bezorgd!", null, Instant.now())));
		Locator fresh = page.locator("[data-row]", new Page.LocatorOptions().setHasText("binnen een uur bezorgd"));
		assertThat(fresh).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
		assertThat(rows).hasCount(4);
		assertThat(rows.first()).containsText("Dewi");
		assertThat(page.locator("#inbox-news")).containsText("1 new case");
		assertThat(page.locator(".view[aria-current=page] .count")).hasText("4");

		page.locator("[data-row]", new Page.LocatorOptions().setHasText("Carla")).click();
		assertThat(page.locator("#case .message-text").first()).containsText("Wanneer krijg ik mijn geld terug?");
		assertThat(page).hasURL(Pattern.compile(".*/cases/\\d+$"));
		assertThat(page.locator("[data-row][aria-selected=true]")).containsText("Carla");
		assertThat(page.locator("#case .notice a")).hasAttribute("href", "https://forum.example.nl/t/geld-terug/1");
		page.locator("#note-text").fill("Retour is binnen, terugbetaling loopt.");
		page.locator("#case form:has(#note-text) button[type=submit]").click();
		assertThat(page.locator("#case .message-note")).containsText("terugbetaling loopt");
		page.locator("#answered-text").fill("Answered on the forum: refund is on its way within 5 working days.");
		page.locator("[data-action=answered-on-site]").click();
		Locator ours = page.locator("#case .message-ours");
		assertThat(ours).containsText("refund is on its way");
		assertThat(ours.locator(".badge")).hasText("answered on site");
		assertThat(page.locator("#case .case-title .badge")).hasText("pending");

		page.locator("[data-action=resolve]").click();
		assertThat(page.locator("#case .case-title .badge")).hasText("resolved");
		// The list refreshes over SSE: the resolved case leaves the open view while it stays selected.
		assertThat(rows).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(10_000));

		page.navigate(url("/"));
		assertThat(rows).hasCount(3);
		page.locator("[data-row]", new Page.LocatorOptions().setHasText("Anna Visser")).click();
		assertThat(page.locator("#case .case-title")).containsText("Anna Visser");

		page.navigate(url("/?lang=nl"));
		assertThat(page.locator(".pane-views")).containsText("Niet toegewezen");
		assertThat(page.locator("html")).hasAttribute("lang", "nl");
	}

	@Test
	void whenTheLiveConnectionOpensTheListCatchesUpWithWhatItMissed() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
		// no live connection at all (a proxy that drops it): events sent meanwhile reach nobody
		page.route("**/inbox/events", com.microsoft.playwright.Route::abort);
		page.navigate(url("/login"));
		page.locator("#username").fill("admin");
		page.locator("#password").fill("admin-test-password");
		page.locator("form.form button[type=submit]").click();
		Locator rows = page.locator("[data-row]");
		assertThat(rows).hasCount(3);

		ingestion.ingestPushed(mastodon, List.of(mention("m4", Channel.MASTODON, "evi", "Evi", null,
				"KoerierSnel, mijn pakket is beschadigd aangekomen", null, Instant.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> cases.inbox(InboxFilter.openCases()).size() == 4);
		assertThat(rows).hasCount(3);

		// the connection opens (as htmx's SSE extension announces it): the list refreshes once and marks the new row
		page.evaluate("document.querySelector('[sse-connect]').dispatchEvent(new CustomEvent('htmx:sseOpen', { bubbles: true }))");
		assertThat(page.locator("[data-row]", new Page.LocatorOptions().setHasText("beschadigd aangekomen")))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
		assertThat(rows).hasCount(4);
		assertThat(page.locator("#inbox-news")).containsText("1 new case");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static RawMention mention(String id, Channel channel, String handle, String name, String title, String text, String url,
			Instant at) {
		return new RawMention(id, channel, new RawMention.Author(handle, name, 120), title, text, url, at, null);
	}
}
