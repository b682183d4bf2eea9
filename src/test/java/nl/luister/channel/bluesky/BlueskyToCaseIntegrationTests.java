package nl.luister.channel.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import nl.luister.TestWorkspace;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.Replies;
import nl.luister.reply.ReplyState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A Bluesky source configured through SourceAdmin: a mention opens a case, a topic decides for search results, the reply threads. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false", "luister.outbox.tick=PT24H" })
class BlueskyToCaseIntegrationTests {

	@Autowired
	SourceAdmin admin;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	CaseManagement cases;

	@Autowired
	Replies replies;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	BlueskyServer bluesky;

	@BeforeEach
	void clean() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		bluesky = new BlueskyServer();
	}

	@AfterEach
	void stop() {
		bluesky.close();
	}

	@Test
	void aMentionOpensACaseAndTheReplyReferencesItsThread() {
		topics.create("Vertraging", "vertraging");
		BlueskyServer.Post mention = BlueskyServer.post("anna.bsky.social", "3la1", "@koeriersnel.bsky.social waar is mijn pakket?", "2026-11-20T10:00:00.000Z", null, null);
		bluesky.notifications.add(mention);
		bluesky.posts.put(mention.uri(), mention);
		bluesky.searches.put("koeriersnel", new CopyOnWriteArrayList<>(List.of(
				BlueskyServer.post("dirk.bsky.social", "3lc1", "koeriersnel heeft vertraging", "2026-11-20T11:00:00.000Z", null, null),
				BlueskyServer.post("eva.bsky.social", "3lc2", "koeriersnel is top", "2026-11-20T11:05:00.000Z", null, null))));
		SourceRecord source = admin.create("koeriersnel-bluesky", "bluesky", "KoerierSnel op Bluesky", Channel.BLUESKY,
				"{\"service\": \"" + bluesky.url() + "\", \"handle\": \"koeriersnel.bsky.social\", \"appPassword\": \"app-pass-1234\", \"searchTerms\": [\"koeriersnel\"]}", 60);

		assertThat(admin.pollNow(source.id())).isEqualTo(3);
		pipeline.drainAll();

		var inbox = cases.inbox(InboxFilter.openCases());
		assertThat(inbox).extracting(c -> c.authorHandle()).containsExactlyInAnyOrder("anna.bsky.social", "dirk.bsky.social");
		long caseId = inbox.stream().filter(c -> c.authorHandle().equals("anna.bsky.social")).findFirst().orElseThrow().id();
		long reply = replies.send(caseId, "Hoi Anna, we kijken het na.", null);
		replies.deliverQueued();

		assertThat(replies.state(reply)).contains(ReplyState.SENT);
		JsonNode record = bluesky.creates.getFirst().path("record");
		assertThat(record.path("reply").path("parent").path("uri").asString()).isEqualTo(mention.uri());
		assertThat(record.path("reply").path("root").path("uri").asString()).isEqualTo(mention.uri());
		assertThat(jdbc.sql("select external_id from replies where id = ?").param(reply).query(String.class).single())
			.startsWith("at://" + BlueskyServer.BRAND_DID + "/app.bsky.feed.post/");
	}
}
