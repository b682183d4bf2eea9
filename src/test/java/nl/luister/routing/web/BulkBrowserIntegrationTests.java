package nl.luister.routing.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.KeyboardModifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.log.MentionPipeline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Bulk selection in the inbox as an agent uses it, in the system's headless Chromium: x, Shift-click, Resolve. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BulkBrowserIntegrationTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	JdbcClient jdbc;

	Playwright playwright;
	Browser browser;

	@BeforeEach
	void startBrowserAndSeedCases() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"no Chromium at /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests");
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('bulk-forum', 'import', 'forum', 'forum') returning id")
			.query(Long.class).single();
		for (String handle : List.of("anna_v", "bram", "carla", "dirk")) {
			jdbc.sql("""
					insert into cases (status, channel, source_id, author_handle, snippet, mention_count, last_activity_at)
					values ('NEW', 'forum', ?, ?, 'Waar blijft mijn pakket?', 1, now() - (? || ' minutes')::interval)""")
				.params(source, handle, String.valueOf(handle.length())).update();
		}
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
	void agentSelectsCasesWithTheKeyboardAndAShiftClickRangeAndResolvesThem() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
		page.navigate(url("/"));
		page.locator("#username").fill("admin");
		page.locator("#password").fill("admin-test-password");
		page.locator("form.form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*:" + port + "/(\\?continue)?$"));
		Locator rows = page.locator("[data-row]");
		assertThat(rows).hasCount(4);
		Locator bar = page.locator("form[data-bulk]");
		assertThat(bar).isHidden();

		page.keyboard().press("j");
		page.keyboard().press("x");
		assertThat(bar).isVisible();
		assertThat(page.locator("[data-bulk-count]")).hasText("1 case selected");

		page.locator("[data-bulk-select]").nth(2).click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
		assertThat(page.locator("[data-bulk-count]")).hasText("3 cases selected");
		assertThat(page.locator("[data-bulk-select]").nth(3)).not().isChecked();
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/bulk-selection.png")));

		page.locator("[data-bulk-resolve]").click();

		// any flash first, so a failure shows what the page said instead
		try {
			assertThat(page.locator(".flash")).hasText("3 cases resolved.");
		}
		catch (AssertionError e) {
			page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/bulk-failure.png")));
			throw new AssertionError("no flash after Resolve; the page is at " + page.url() + " and says: "
					+ page.locator("main, body").first().innerText().lines().limit(15).toList(), e);
		}
		assertThat(page.locator(".flash-ok")).hasText("3 cases resolved.");
		assertThat(rows).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from cases where status = 'RESOLVED'").query(Long.class).single())
			.isEqualTo(3);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
