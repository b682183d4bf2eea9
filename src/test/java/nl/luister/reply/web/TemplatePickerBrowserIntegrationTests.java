package nl.luister.reply.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
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
 * The template picker of the reply box, used from the keyboard only, in the system's headless Chromium; leaves the
 * screenshot {@code docs/screenshots/template-picker.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TemplatePickerBrowserIntegrationTests {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	Playwright playwright;
	Browser browser;
	long caseId;

	@BeforeEach
	void caseAndTemplates() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"no Chromium at /usr/bin/chromium: install Debian's chromium (apt-get install chromium) to run the browser tests");
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		topics.reload();
		topics.create("KoerierSnel", "KoerierSnel");
		long source = jdbc.sql("""
				insert into sources (source_key, type, name, channel, account_role, paused)
				values ('picker-webcare', 'mastodon', '@KoerierSnel_help', 'mastodon', 'WEBCARE', true) returning id""")
			.query(Long.class).single();
		ingestion.ingestPushed(source, List.of(new RawMention("p1", Channel.MASTODON, new RawMention.Author("anna_v", "Anna <i>Visser</i>", 10),
				null, "@KoerierSnel waar blijft mijn pakket?", null, Instant.now(), null, true)));
		pipeline.drainAll();
		caseId = await().atMost(Duration.ofSeconds(20)).until(
				() -> jdbc.sql("select case_id from mentions where external_id = 'p1'").query(Long.class).optional().orElse(null), id -> id != null);
		jdbc.sql("""
				insert into reply_templates (language, name, keywords, body) values
				('nl', 'Pakket onderweg', 'pakket laat', 'Hoi {{customer.first_name}}, je pakket (zaak {{case.number}}) is onderweg.'),
				('nl', 'Bedankt', 'dank', 'Dank je wel!')""").update();

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
	void tOpensThePickerAndTheKeyboardInsertsTheRenderedTemplate() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB")).newPage();
		page.navigate("http://127.0.0.1:" + port + "/login");
		page.locator("#username").fill("admin");
		page.locator("#password").fill("admin-test-password");
		page.locator("form.form button[type=submit]").click();
		page.navigate("http://127.0.0.1:" + port + "/cases/" + caseId);
		page.locator("#reply-text").fill("Goedemorgen. ");
		// the reply box's own live check (private-channel hint) answers while the picker is open; it must leave the pane alone
		page.waitForResponse(r -> r.url().endsWith("/private-check"), () -> { });
		// leave the field the way an agent does, so "t" is a shortcut and not a letter
		page.locator("#reply-text").evaluate("field => field.blur()");

		page.keyboard().press("t");
		assertThat(page.locator("#template-picker")).isVisible();
		assertThat(page.locator("#template-search")).isFocused();
		page.keyboard().type("pakket");
		assertThat(page.locator("[data-template-choice]")).hasCount(1);
		assertThat(page.locator("[data-template-choice]")).containsText("Hoi Anna, je pakket (zaak " + caseId + ") is onderweg.");
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs/screenshots/template-picker.png")));
		page.keyboard().press("ArrowDown");
		assertThat(page.locator("[data-template-choice]").first()).isFocused();
		page.keyboard().press("Enter");

		assertThat(page.locator("#template-picker")).not().isVisible();
		assertThat(page.locator("#reply-text")).hasValue(Pattern.compile("^Goedemorgen\\. Hoi Anna, je pakket \\(zaak \\d+\\) is onderweg\\.$"));
		assertThat(page.locator("#reply-text")).isFocused();
		assertThat(page.locator(".flash-error")).hasCount(0);
	}
}
