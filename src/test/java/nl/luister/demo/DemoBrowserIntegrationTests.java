package nl.luister.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer sees after {@code ./luister run --luister.demo=true}, in headless Chromium; takes the
 * screenshots the README shows ({@code docs/screenshots}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "luister.demo=true")
class DemoBrowserIntegrationTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
	static final Path SCREENSHOTS = Paths.get("docs/screenshots");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Playwright playwright;
	Browser browser;

	@BeforeEach
	void startBrowser() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"no Chromium at /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests");
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mentions").query(Long.class).single() >= 300
				&& jdbc.sql("select count(*) from mention_log where failed_at is null").query(Long.class).single() == 0);
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
	void newcomerSeesAFullInboxAThreadedCaseAndTheTopics() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("nl-NL")).newPage();
		page.navigate(url("/"));
		page.locator("#username").fill("admin");
		page.locator("#password").fill("admin-test-password");
		page.locator("form.form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*:" + port + "/(\\?continue)?$"));

		Locator rows = page.locator("[data-row]");
		assertThat(rows.nth(49)).isVisible();
		assertThat(page.locator(".pane-views")).containsText("Forum");
		assertThat(page.locator(".pane-views")).containsText("E-mail");

		// the busiest conversation: a complaint with follow-ups
		long busiest = jdbc.sql("select id from cases order by mention_count desc, id limit 1").query(Long.class).single();
		page.navigate(url("/cases/" + busiest));
		assertThat(page.locator("#case .message-text").nth(1)).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("inbox.png")));

		page.navigate(url("/topics"));
		assertThat(page.locator("main")).containsText("SnelBox");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("topics.png")));

		long brand = jdbc.sql("select id from topics where name = 'Merk KoerierSnel'").query(Long.class).single();
		page.navigate(url("/insights?days=30&topic=" + brand));
		assertThat(page.locator("main table").first()).containsText(".example");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("insights.png")));

		page.navigate(url("/search?q=pakket+kwijt"));
		assertThat(page.locator("main")).containsText("kwijt");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("search.png")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
