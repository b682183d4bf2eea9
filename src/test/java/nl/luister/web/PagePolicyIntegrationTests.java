package nl.luister.web;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page, rendered over the demo workspace in both languages, keeps the rules the Content-Security-Policy
 * relies on (no inline script, event handler or style) and has a text for every message key.
 */
@SpringBootTest(properties = "luister.demo=true")
@AutoConfigureMockMvc
class PagePolicyIntegrationTests {

	static final List<Pattern> FORBIDDEN = List.of(
			Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
			// attributes inside real tags only: customer text mentioning "onerror=" is escaped and fine
			Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<[a-zA-Z][^>]*\\sstyle\\s*=", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<[a-zA-Z][^>]*\\shx-on", Pattern.CASE_INSENSITIVE),
			Pattern.compile("href\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE),
			Pattern.compile("\\?\\?[a-zA-Z0-9._-]+_[a-z]{2}(_[A-Z]{2})?\\?\\?"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	nl.luister.collab.Forwards forwards;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/cases/1", "/search?q=pakket", "/search", "/topics", "/sources", "/import", "/insights",
			"/admin/users", "/about", "/alerts", "/topics/1/alerts", "/dashboards", "/dashboards?topic=1&days=365&bucket=week", "/themes", "/themes?topic=1&days=30", "/reports",
			"/rules", "/rules/new", "/notifications", "/topics/1/edit", "/admin/accounts",
			"/persons", "/persons/import", "/segments", "/segments/1", "/segments/2", "/admin/teams", "/admin/sla", "/shared/cases/1.1.forged",
			"/templates", "/approvals", "/profile/signature" })
	void pageKeepsThePolicyInBothLanguages(String path) throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from cases").query(Long.class).single() > 0);
		for (String language : List.of("en", "nl")) {
			String html = mvc.perform(get(path).header("Accept-Language", language).with(user(users.loadUserByUsername("admin"))))
				.andReturn().getResponse().getContentAsString();
			assertThat(html).as("%s in %s", path, language).contains("</html>");
			for (Pattern p : FORBIDDEN) {
				assertThat(p.matcher(html).find()).as("%s in %s contains %s", path, language, p).isFalse();
			}
		}
	}

	@Test
	void theReadOnlyViewBehindAForwardLinkKeepsThePolicyWithoutSigningIn() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mentions where external_id = 'fo-1020' and case_id is not null")
			.query(Long.class).single() == 1);
		long caseId = jdbc.sql("select case_id from mentions where external_id = 'fo-1020'").query(Long.class).single();
		long id = jdbc.sql("insert into case_forwards (case_id, recipient, note, expires_at) values (?, 'rd@example.org', '<script>alert(3)</script>', "
				+ "date_trunc('second', now()) + interval '1 day') returning id").param(caseId).query(Long.class).single();
		String path = java.net.URI.create(forwards.link(forwards.find(id).orElseThrow())).getPath();
		for (String language : List.of("en", "nl")) {
			String html = mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse().getContentAsString();
			assertThat(html).as("%s in %s", path, language).contains("</html>", "noindex", "&lt;script&gt;alert(3)&lt;/script&gt;")
				.doesNotContain("<script>alert", "<img src=x");
			for (Pattern p : FORBIDDEN) {
				assertThat(p.matcher(html).find()).as("%s in %s contains %s", path, language, p).isFalse();
			}
		}
	}

	@Test
	void hostileTextInTheDemoStaysTextOnItsCaseAndInSearch() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mentions where external_id in ('fo-1020', 'em-1016') and case_id is not null")
			.query(Long.class).single() == 2);
		for (String id : List.of("fo-1020", "em-1016")) {
			long caseId = jdbc.sql("select case_id from mentions where external_id = ?").param(id).query(Long.class).single();
			String html = mvc.perform(get("/cases/" + caseId).with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();
			assertThat(html).containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
				.doesNotContain("<script>alert", "<img src=x");
		}
		String search = mvc.perform(get("/search").param("q", "trackingpagina opmerking").with(user(users.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(search).contains("&lt;script&gt;").doesNotContain("<script>alert");
	}
}
