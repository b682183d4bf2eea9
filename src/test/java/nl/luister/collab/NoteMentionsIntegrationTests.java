package nl.luister.collab;

import org.junit.jupiter.api.Test;

import nl.luister.triage.Notifications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

class NoteMentionsIntegrationTests extends CollabFixture {

	@Autowired
	Notifications notifications;

	@Autowired
	NoteMentions mentions;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void aMentionedColleagueIsNotifiedWithALinkToTheCaseAndUnknownNamesAreIgnored() throws Exception {
		mvc.perform(post("/cases/{id}/notes", caseId).with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
			.param("text", "@Bram kun jij dit oppakken? @niemand weet het. @admin ook"));

		assertThat(notifications.recent(bram.id().value(), 10)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("mention");
			assertThat(n.caseId()).isEqualTo(caseId);
			assertThat(n.detail()).isEqualTo(admin.displayName());
		});
		assertThat(notifications.recent(admin.id().value(), 10)).noneMatch(n -> n.kind().equals("mention"));
		mvc.perform(get("/notifications").with(user(userDetails.loadUserByUsername("bram"))))
			.andExpect(content().string(containsString("href=\"/cases/" + caseId + "\"")))
			.andExpect(content().string(containsString(admin.displayName() + " mentioned you in a note")));
	}

	@Test
	void mentionsAreHighlightedAndHostileTextStaysText() throws Exception {
		cases.addNote(caseId, "<script>alert(1)</script>@bram <b>kijk</b> @nobody", admin.id().value());
		String html = mvc.perform(get("/cases/{id}", caseId).with(user(userDetails.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;<mark class=\"mention\" title=\"Bram\">@bram</mark> &lt;b&gt;kijk&lt;/b&gt; @nobody")
			.doesNotContain("<script>alert(1)");
		assertThat(notifications.recent(bram.id().value(), 10)).hasSize(1);
	}

	@Test
	void segmentsKeepEveryCharacterOfTheNote() {
		String note = "cc @bram, @BRAM. en mail bram@example.org of @onbekend";
		var segments = mentions.segments(note);
		assertThat(String.join("", segments.stream().map(NoteMentions.Segment::text).toList())).isEqualTo(note);
		assertThat(segments.stream().filter(NoteMentions.Segment::mention).map(NoteMentions.Segment::text)).containsExactly("@bram", "@BRAM");
	}

	@Test
	void aNoteWithoutAuthorNotifiesInLuistersName() {
		cases.addNote(caseId, "@bram", null);
		assertThat(notifications.recent(bram.id().value(), 10)).singleElement()
			.satisfies(n -> assertThat(n.detail()).isEqualTo("Luister"));
	}
}
