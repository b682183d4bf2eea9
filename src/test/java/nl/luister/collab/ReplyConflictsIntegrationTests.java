package nl.luister.collab;

import org.junit.jupiter.api.Test;

import nl.luister.reply.Replies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReplyConflictsIntegrationTests extends CollabFixture {

	@Autowired
	ReplyConflicts conflicts;

	@Autowired
	Replies replies;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void aReplyBySomeoneElseSinceTheAgentLookedIsAConflict() {
		long seen = conflicts.latestReplyId(caseId);
		long adminReply = replies.send(caseId, "We zoeken het uit!", admin.id().value());

		var conflict = conflicts.find(caseId, seen, null, bram.id().value()).orElseThrow();
		assertThat(conflict.replies()).singleElement().satisfies(r -> {
			assertThat(r.id()).isEqualTo(adminReply);
			assertThat(r.author()).isEqualTo(admin.displayName());
			assertThat(r.text()).isEqualTo("We zoeken het uit!");
			assertThat(r.state()).isEqualTo("queued");
		});
		assertThat(conflict.latestReplyId()).isEqualTo(adminReply);
		assertThat(conflicts.find(caseId, adminReply, null, bram.id().value())).isEmpty();
	}

	@Test
	void ownAndCancelledRepliesAreNoConflict() {
		long seen = conflicts.latestReplyId(caseId);
		replies.send(caseId, "Mijn eigen eerdere antwoord", bram.id().value());
		assertThat(conflicts.find(caseId, seen, null, bram.id().value())).isEmpty();

		long adminReply = replies.send(caseId, "Toch niet versturen", admin.id().value());
		jdbc.sql("update replies set state = 'CANCELLED' where id = ?").param(adminReply).update();
		assertThat(conflicts.find(caseId, seen, null, bram.id().value())).isEmpty();
	}

	@Test
	void aCaseTakenBySomeoneElseIsAConflictButOneTakenByMeIsNot() {
		cases.assign(caseId, admin.id().value(), admin.displayName(), admin.id().value());
		var conflict = conflicts.find(caseId, 0, "none", bram.id().value()).orElseThrow();
		assertThat(conflict.replies()).isEmpty();
		assertThat(conflict.reassignedTo()).isEqualTo(admin.displayName());

		assertThat(conflicts.find(caseId, 0, String.valueOf(admin.id().value()), bram.id().value())).isEmpty();
		cases.assign(caseId, bram.id().value(), "Bram", admin.id().value());
		assertThat(conflicts.find(caseId, 0, "none", bram.id().value())).isEmpty();
		assertThat(conflicts.find(caseId, 0, null, admin.id().value())).isEmpty();
	}

	@Test
	void theApiAnswers409WithTheNewerRepliesUntilTheClientHasSeenThemOrForces() throws Exception {
		long adminReply = replies.send(caseId, "Al beantwoord <b>door</b> admin", admin.id().value());

		mvc.perform(post("/api/cases/{id}/replies", caseId).with(httpBasic("bram", BRAM_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Ook van mij een antwoord\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.replies[0].id").value(adminReply))
			.andExpect(jsonPath("$.replies[0].text").value("Al beantwoord <b>door</b> admin"))
			.andExpect(jsonPath("$.latestReply").value(adminReply));
		assertThat(replyCount()).isEqualTo(1);

		mvc.perform(post("/api/cases/{id}/replies", caseId).param("seenReply", String.valueOf(adminReply)).with(httpBasic("bram", BRAM_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Gezien, toch aanvullen\"}"))
			.andExpect(status().isCreated());
		replies.send(caseId, "Nog een", admin.id().value());
		mvc.perform(post("/api/cases/{id}/replies", caseId).param("force", "true").with(httpBasic("bram", BRAM_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Hoe dan ook\"}"))
			.andExpect(status().isCreated());
		assertThat(replyCount()).isEqualTo(4);
	}

	@Test
	void twoAgentsSendingAtTheSameInstantAreTakenOneAfterTheOtherAndTheSecondIsHeldBack() throws Exception {
		// both had seen no reply; whichever gets the case's row first sends, the other then sees that reply
		var start = new java.util.concurrent.CyclicBarrier(2);
		java.util.function.Function<String, java.util.concurrent.Callable<Integer>> send = who -> () -> {
			start.await();
			var login = who.equals("admin") ? httpBasic("admin", "admin-test-password") : httpBasic("bram", BRAM_PASSWORD);
			return mvc.perform(post("/api/cases/{id}/replies", caseId).param("seenReply", "0").with(login)
					.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Tegelijk van " + who + "\"}")).andReturn().getResponse().getStatus();
		};
		var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
		for (int round = 0; round < 5; round++) {
			jdbc.sql("delete from replies where case_id = ?").param(caseId).update();
			var a = pool.submit(send.apply("admin"));
			var b = pool.submit(send.apply("bram"));
			assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
			assertThat(replyCount()).isEqualTo(1);
		}
		pool.shutdown();
	}

	@Test
	void theReplyFormShowsTheReviewPanelKeepsTheDraftAndSendsAnywayOnRequest() throws Exception {
		var bramUser = userDetails.loadUserByUsername("bram");
		long seen = conflicts.latestReplyId(caseId);
		replies.send(caseId, "Antwoord van admin <i>net verstuurd</i>", admin.id().value());

		mvc.perform(post("/cases/{id}/replies", caseId).header("HX-Request", "true").with(user(bramUser)).with(csrf())
				.param("text", "Mijn concept").param("seenReply", String.valueOf(seen)).param("seenAssignee", "none"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-action=\"send-anyway\"")))
			.andExpect(content().string(containsString("Antwoord van admin &lt;i&gt;net verstuurd&lt;/i&gt;")))
			.andExpect(content().string(containsString(">Mijn concept</textarea>")))
			.andExpect(content().string(containsString("Not sent yet")));
		assertThat(replyCount()).isEqualTo(1);

		mvc.perform(post("/cases/{id}/replies", caseId).header("HX-Request", "true").with(user(bramUser)).with(csrf())
				.param("text", "Mijn concept").param("seenReply", String.valueOf(seen)).param("force", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-action=\"send-anyway\""))));
		assertThat(replyCount()).isEqualTo(2);
	}

	@Test
	void aFormRenderedAfterTheLatestReplySendsWithoutReview() throws Exception {
		replies.send(caseId, "Eerder antwoord", admin.id().value());
		var bramUser = userDetails.loadUserByUsername("bram");
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/{id}", caseId).with(user(bramUser)))
			.andReturn().getResponse().getContentAsString();
		var seen = java.util.regex.Pattern.compile("name=\"seenReply\" value=\"(\\d+)\"").matcher(page);
		assertThat(seen.find()).isTrue();
		assertThat(Long.parseLong(seen.group(1))).isEqualTo(conflicts.latestReplyId(caseId));

		mvc.perform(post("/cases/{id}/replies", caseId).with(user(bramUser)).with(csrf())
				.param("text", "Aanvulling").param("seenReply", seen.group(1)).param("seenAssignee", "none"))
			.andExpect(status().is3xxRedirection());
		assertThat(replyCount()).isEqualTo(2);
	}

	private long replyCount() {
		return jdbc.sql("select count(*) from replies where case_id = ?").param(caseId).query(Long.class).single();
	}
}
