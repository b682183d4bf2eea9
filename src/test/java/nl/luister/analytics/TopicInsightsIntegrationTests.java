package nl.luister.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class TopicInsightsIntegrationTests {

	static final Instant NOW = Instant.now();

	@Autowired
	TopicInsights insights;

	@Autowired
	MockMvc mvc;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	long brand;
	long rival;

	@BeforeEach
	void mentions() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		brand = topics.create("KoerierSnel", "KoerierSnel").id();
		rival = topics.create("PakketPiet", "PakketPiet").id();
		long src = sources.importSource("insights", Channel.FORUM);
		ingestion.ingestPushed(src, List.of(
				post("1", Channel.FORUM, "anna", "KoerierSnel kwijt", "https://www.forum.example.nl/t/1", 2),
				post("2", Channel.FORUM, "anna", "KoerierSnel weer", "https://forum.example.nl/t/2", 3),
				post("3", Channel.BLOG, "<b>bram</b>", "KoerierSnel review", "https://blog.example.com/post?x=1", 4),
				post("4", Channel.TWITTER, "carla", "KoerierSnel en PakketPiet", null, 5),
				post("5", Channel.TWITTER, "dirk", "PakketPiet is sneller", "https://x.example/dirk/5", 6),
				post("6", Channel.TWITTER, "old", "KoerierSnel in the past", "https://old.example/1", 24 * 40)));
		pipeline.drainAll();
	}

	@Test
	void showsWhereATopicIsTalkedAboutInThePeriod() {
		TopicInsights.Where where = insights.where(brand, NOW.minus(Duration.ofDays(30)), NOW.plusSeconds(60), 10);

		assertThat(where.total()).isEqualTo(4);
		assertThat(where.sites()).extracting(TopicInsights.Count::name).containsExactly("forum.example.nl", "blog.example.com");
		assertThat(where.sites().getFirst().count()).isEqualTo(2);
		assertThat(where.sites().getFirst().percent()).isEqualTo(50);
		assertThat(where.authors().getFirst().handle()).isEqualTo("anna");
		assertThat(where.channels()).extracting(TopicInsights.Count::name).containsExactly("forum", "blog", "twitter");
	}

	@Test
	void sharesTheVoiceBetweenTopicsCountingOverlapsForBoth() {
		var share = insights.shareOfVoice(List.of(brand, rival), NOW.minus(Duration.ofDays(7)), NOW.plusSeconds(60));

		assertThat(share).extracting(TopicInsights.Count::name).containsExactly("KoerierSnel", "PakketPiet");
		assertThat(share).extracting(TopicInsights.Count::count).containsExactly(4L, 2L);
		assertThat(share.getFirst().percent()).isEqualTo(67);
	}

	@Test
	void thePageShowsSitesAndShareInDutchAndEscapesNames() throws Exception {
		mvc.perform(get("/insights").param("topic", String.valueOf(brand)).param("days", "30").header("Accept-Language", "nl")
				.with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waar mensen praten over KoerierSnel (4 vermeldingen)")))
			.andExpect(content().string(containsString("forum.example.nl")))
			.andExpect(content().string(containsString("&lt;b&gt;bram&lt;/b&gt;")))
			.andExpect(content().string(not(containsString("<b>bram</b>"))));
	}

	@Test
	void theApiAnswersJsonAndRefusesNonsense() throws Exception {
		mvc.perform(get("/api/topics/{id}/where", brand).with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.sites[0].name").value("forum.example.nl"));
		mvc.perform(get("/api/share-of-voice").param("topics", brand + "," + rival).with(httpBasic("admin", "admin-test-password")))
			.andExpect(jsonPath("$[1].count").value(2));
		mvc.perform(get("/api/topics/999/where").with(httpBasic("admin", "admin-test-password"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/share-of-voice").param("topics", "1").param("days", "0").with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isBadRequest());
	}

	private static RawMention post(String id, Channel channel, String author, String text, String url, int hoursAgo) {
		return new RawMention(id, channel, new RawMention.Author(author, null, 100), null, text, url,
				NOW.minus(Duration.ofHours(hoursAgo)), null);
	}
}
