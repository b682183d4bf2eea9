package nl.luister.collab;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import nl.luister.notice.NoticeSmtp;
import nl.luister.reply.Replies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ForwardsIntegrationTests extends CollabFixture {

	static final Pattern LINK = Pattern.compile("http://luister\\.test(/shared/cases/[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]+)");

	@Autowired
	Forwards forwards;

	@Autowired
	Replies replies;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void theLinkInTheMailOpensAReadOnlyViewWithoutSigningIn() throws Exception {
		long sent = replies.send(caseId, "Sorry Anna, we zoeken het uit.", admin.id().value());
		jdbc.sql("update replies set state = 'SENT' where id = ?").param(sent).update();
		replies.send(caseId, "Nog in de wachtrij", admin.id().value());
		cases.addNote(caseId, "Intern: klant is een bekende klager", admin.id().value());

		var f = forwards.forward(caseId, "dev@koeriersnel.test", "Kunnen jullie naar de track & trace kijken? <b>dringend</b>",
				admin.id().value(), Locale.ENGLISH);
		assertThat(f.mailError()).isNull();
		String path = linkInMail("dev@koeriersnel.test");

		String html = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", containsString("noindex")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<meta name=\"robots\" content=\"noindex, nofollow, noarchive\">")
			.contains("waar blijft mijn pakket? &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;")
			.doesNotContain("<script>alert", "<img src=x")
			.contains("Sorry Anna, we zoeken het uit.")
			.doesNotContain("Nog in de wachtrij")
			.doesNotContain("bekende klager")
			.contains("track &amp; trace kijken? &lt;b&gt;dringend&lt;/b&gt;")
			.doesNotContain("<script src");
		assertThat(forwards.find(f.id()).orElseThrow().openCount()).isEqualTo(1);
		assertThat(cases.detail(caseId).history()).anySatisfy(h -> {
			assertThat(h.kind()).isEqualTo("forward");
			assertThat(h.detail()).isEqualTo("dev@koeriersnel.test");
		});
	}

	@Test
	void aTamperedLinkIsRefusedWith403AndSaysWhatToDo() throws Exception {
		forwards.forward(caseId, "dev@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH);
		String path = linkInMail("dev@koeriersnel.test");
		Matcher m = Pattern.compile("/shared/cases/(\\d+)\\.(\\d+)\\.(.+)").matcher(path);
		assertThat(m.matches()).isTrue();
		long expiry = Long.parseLong(m.group(2));

		for (String forged : new String[] { "/shared/cases/" + m.group(1) + "." + (expiry + 86_400 * 30) + "." + m.group(3),
				"/shared/cases/" + (Long.parseLong(m.group(1)) + 1) + "." + expiry + "." + m.group(3), "/shared/cases/nonsense",
				"/shared/cases/1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }) {
			mvc.perform(get(forged))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("This link is not valid")))
				.andExpect(content().string(containsString("ask the colleague who sent it")))
				.andExpect(content().string(not(containsString("pakket"))));
		}
	}

	@Test
	void anExpiredOrRevokedLinkIsGoneWith410() throws Exception {
		var expiring = forwards.forward(caseId, "one@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH);
		String expiringPath = linkInMail("one@koeriersnel.test");
		jdbc.sql("update case_forwards set expires_at = now() - interval '1 minute' where id = ?").param(expiring.id()).update();
		mvc.perform(get(expiringPath)).andExpect(status().isGone()).andExpect(content().string(containsString("This link has expired")));

		var revoked = forwards.forward(caseId, "two@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH);
		String revokedPath = linkInMail("two@koeriersnel.test");
		mvc.perform(get(revokedPath)).andExpect(status().isOk());
		forwards.revoke(caseId, revoked.id(), bram.id().value());
		mvc.perform(get(revokedPath).header("Accept-Language", "nl"))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Deze link is ingetrokken")));
		var after = forwards.find(revoked.id()).orElseThrow();
		assertThat(after.revokedBy()).isEqualTo("Bram");
		assertThat(after.openCount()).isEqualTo(1);
		assertThat(after.state(java.time.Instant.now())).isEqualTo("revoked");
	}

	@Test
	void forwardsAreCappedPerCaseAndBadAddressesRefused() {
		assertThatThrownBy(() -> forwards.forward(caseId, "dev@koeriersnel.test\r\nBcc: all@example.org", "", admin.id().value(), Locale.ENGLISH))
			.isInstanceOf(ForwardRefused.class)
			.extracting(e -> ((ForwardRefused) e).reason()).isEqualTo(ForwardRefused.Reason.ADDRESS);
		assertThatThrownBy(() -> forwards.forward(caseId, "a@b.test", "x".repeat(2_001), admin.id().value(), Locale.ENGLISH))
			.isInstanceOf(ForwardRefused.class);
		for (int i = 0; i < 3; i++) forwards.forward(caseId, "dev" + i + "@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH);
		assertThatThrownBy(() -> forwards.forward(caseId, "dev9@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH))
			.isInstanceOf(ForwardRefused.class)
			.extracting(e -> ((ForwardRefused) e).tooMany()).isEqualTo(true);

		forwards.revoke(caseId, forwards.of(caseId).getFirst().id(), admin.id().value());
		forwards.forward(caseId, "dev9@koeriersnel.test", "", admin.id().value(), Locale.ENGLISH);
		assertThat(forwards.of(caseId)).hasSize(4);
	}

	@Test
	void theCaseViewForwardsListsAndRevokes() throws Exception {
		var admin = userDetails.loadUserByUsername("admin");
		mvc.perform(post("/cases/{id}/forwards", caseId).header("HX-Request", "true").with(user(admin)).with(csrf())
				.param("to", "rd@koeriersnel.test").param("note", "Zie de klacht"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Forwarded to rd@koeriersnel.test.")))
			.andExpect(content().string(containsString("data-action=\"revoke-forward\"")));
		linkInMail("rd@koeriersnel.test");

		mvc.perform(post("/cases/{id}/forwards", caseId).header("HX-Request", "true").with(user(admin)).with(csrf())
				.param("to", "not an address").param("note", "kept"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("“not an address” is not one e-mail address")))
			.andExpect(content().string(containsString(">kept</textarea>")));

		long id = forwards.of(caseId).getFirst().id();
		mvc.perform(post("/cases/{id}/forwards/{f}/revoke", caseId, id).header("HX-Request", "true").with(user(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("revoked")))
			.andExpect(content().string(not(containsString("data-action=\"revoke-forward\""))));

		mvc.perform(get("/cases/{id}", caseId).with(user(admin)))
			.andExpect(content().string(containsString("rd@koeriersnel.test")))
			.andExpect(content().string(containsString("forwarded the case to")));
	}

	@Test
	void theApiForwardsListsAndRevokesWithoutEverShowingTheLink() throws Exception {
		String created = mvc.perform(post("/api/cases/{id}/forwards", caseId).with(httpBasic("admin", "admin-test-password"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"api@koeriersnel.test\", \"note\": \"via de API\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("active"))
			.andExpect(jsonPath("$.to").value("api@koeriersnel.test"))
			.andReturn().getResponse().getContentAsString();
		assertThat(created).doesNotContain("/shared/");
		long id = forwards.of(caseId).getFirst().id();
		String path = linkInMail("api@koeriersnel.test");
		mvc.perform(get(path)).andExpect(status().isOk());

		mvc.perform(get("/api/cases/{id}/forwards", caseId).with(httpBasic("admin", "admin-test-password")))
			.andExpect(jsonPath("$[0].opened").value(1))
			.andExpect(jsonPath("$[0].forwardedBy").value(admin.displayName()));
		mvc.perform(post("/api/cases/{id}/forwards/{f}/revoke", caseId, id).with(httpBasic("bram", BRAM_PASSWORD)))
			.andExpect(jsonPath("$.state").value("revoked"));
		mvc.perform(post("/api/cases/{id}/forwards", caseId).with(httpBasic("admin", "admin-test-password"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"nope\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theSharedPathTakesNoOtherMethodAndNoSession() throws Exception {
		mvc.perform(post("/shared/cases/1.1.x")).andExpect(status().isForbidden());
		mvc.perform(get("/shared/cases/1.1.x")).andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	private String linkInMail(String to) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> received(to) != null);
		MimeMessage mail = received(to);
		assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		assertThat(mail.getSubject()).contains("forwarded case #" + caseId);
		String text = (String) mail.getContent();
		Matcher m = LINK.matcher(text);
		assertThat(m.find()).as("a forward link in %s", text).isTrue();
		return m.group(1);
	}

	private static MimeMessage received(String to) throws Exception {
		for (MimeMessage m : NoticeSmtp.SMTP.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(to)) return m;
		}
		return null;
	}
}
