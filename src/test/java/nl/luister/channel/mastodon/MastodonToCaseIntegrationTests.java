package nl.luister.channel.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

/** A Mastodon source configured through SourceAdmin: polled, threaded into cases, answered through the outbox. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.sources.scheduling=false", "luister.outbox.tick=PT24H" })
class MastodonToCaseIntegrationTests {

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

	MastodonServer mastodon;

	@BeforeEach
	void clean() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		mastodon = new MastodonServer();
	}

	@AfterEach
	void stop() {
		mastodon.close();
	}

	@Test
	void aDirectMessageOpensACaseWithoutTopicAndIsAnsweredDirectly() {
		mastodon.notifications.add(MastodonServer.mention("501", MastodonServer.status("102", "bram@other.example", "<p>Mijn pakket is kwijt</p>", "direct", null)));
		mastodon.tag("koeriersnel", MastodonServer.status("110", "carla", "<p>Mooi weer</p>", "public", null));
		mastodon.handle("/api/v1/statuses/102", 200, MastodonServer.statusJson("102", "bram@other.example", "<p>Mijn pakket is kwijt</p>", "direct", null));
		mastodon.handle("/api/v1/statuses", 200, MastodonServer.statusJson("900", "koeriersnel", "<p>reply</p>", "direct", "102"));
		SourceRecord source = admin.create("koeriersnel-mastodon", "mastodon", "KoerierSnel op Mastodon", Channel.MASTODON,
				"{\"instance\": \"" + mastodon.url() + "\", \"accessToken\": \"token-123\", \"account\": \"koeriersnel\", \"hashtags\": [\"koeriersnel\"]}", 60);

		assertThat(admin.pollNow(source.id())).isEqualTo(2);
		pipeline.drainAll();

		var inbox = cases.inbox(InboxFilter.openCases());
		assertThat(inbox).as("the overheard post matches no topic").singleElement().satisfies(c -> assertThat(c.authorHandle()).isEqualTo("bram@other.example"));
		long reply = replies.send(inbox.getFirst().id(), "We zoeken het uit.", null);
		replies.deliverQueued();

		assertThat(replies.state(reply)).contains(ReplyState.SENT);
		assertThat(jdbc.sql("select external_id from replies where id = ?").param(reply).query(String.class).single()).isEqualTo("900");
		MastodonServer.Received post = mastodon.received("/api/v1/statuses").getFirst();
		assertThat(post.headers()).containsEntry("idempotency-key", "luister-reply-" + reply);
		JsonNode body = JsonMapper.builder().build().readTree(post.body());
		assertThat(body.path("in_reply_to_id").asString()).isEqualTo("102");
		assertThat(body.path("visibility").asString()).isEqualTo("direct");
		assertThat(admin.get(source.id()).cursor()).startsWith("mastodon1.");
	}
}
