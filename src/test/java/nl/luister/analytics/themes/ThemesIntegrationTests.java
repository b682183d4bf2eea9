package nl.luister.analytics.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.monitor.TopicManagement;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class ThemesIntegrationTests {

	static final GreenMail SMTP = nl.luister.notice.NoticeSmtp.SMTP;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		nl.luister.notice.NoticeSmtp.register(registry);
	}


	static final Instant NOW = Instant.now();
	static final String[] USUAL = { "Mijn pakket is te laat bezorgd", "Pakket kwijt, waar blijft het", "De bezorger was erg vriendelijk",
			"Waarom duurt de levering zo lang", "Pakket bij de buren afgeleverd", "Track and trace werkt niet goed" };

	@Autowired
	Themes themes;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	long source;
	long topic;

	@BeforeEach
	void workspace() throws Exception {
		TestWorkspace.reset(jdbc);
		topics.reload();
		SMTP.purgeEmailFromAllMailboxes();
		source = sources.importSource("themes", Channel.TWITTER);
		topic = topics.create("Bezorging", "pakket").id();
		int n = 0;
		// the four weeks before: the usual talk
		for (int i = 0; i < 200; i++) mention("b" + n++, USUAL[i % USUAL.length] + " " + i, NOW.minus(Duration.ofDays(8 + i % 27)));
		// this week: the usual, and a new complaint about the app
		for (int i = 0; i < 40; i++) mention("f" + n++, USUAL[i % USUAL.length], NOW.minus(Duration.ofHours(1 + i * 3)));
		for (int i = 0; i < 12; i++) mention("a" + n++, "Sinds de update: de app crasht bij het openen <script>alert(" + i + ")</script>", NOW.minus(Duration.ofHours(2 + i * 5)));
	}

	private void mention(String id, String text, Instant at) {
		long m = jdbc.sql("insert into mentions (source_id, external_id, channel, author_handle, text, published_at) values (?, ?, 'twitter', ?, ?, ?) returning id")
			.params(source, id, "klant_" + id, text, Timestamp.from(at)).query(Long.class).single();
		jdbc.sql("insert into mention_topics (mention_id, topic_id) values (?, ?)").params(m, topic).update();
	}

	@Test
	void aNewComplaintIsATopThemeAndTheUsualTalkIsNot() {
		Themes.Result r = themes.themes(topic, NOW.minus(Duration.ofDays(7)), NOW, 10);
		assertThat(r.mentions()).isEqualTo(52);
		assertThat(r.baselineMentions()).isEqualTo(200);
		assertThat(r.workspaceBaseline()).isFalse();
		assertThat(r.themes()).extracting(Themes.Theme::term).contains("app crasht").doesNotContain("pakket", "bezorgd", "app", "crasht", "het", "de");
		Themes.Theme crash = r.themes().stream().filter(t -> t.term().equals("app crasht")).findFirst().orElseThrow();
		assertThat(crash.mentions()).isEqualTo(12);
		assertThat(crash.baselineMentions()).isZero();
		assertThat(crash.examples()).hasSize(3).allSatisfy(e -> assertThat(e.text()).contains("app crasht"));
	}

	@Test
	void aQuietTopicHasNoThemes() {
		long other = topics.create("Leeg", "leeg").id();
		Themes.Result r = themes.themes(other, NOW.minus(Duration.ofDays(7)), NOW, 10);
		assertThat(r.mentions()).isZero();
		assertThat(r.themes()).isEmpty();
	}

	@Test
	void thePageShowsThemesSafelyAndSendsOneToAColleague() throws Exception {
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(get("/themes").param("topic", String.valueOf(topic)).param("days", "7").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("app crasht")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(")));
		mvc.perform(get("/themes").header("Accept-Language", "nl").with(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Stuur naar een collega")));

		mvc.perform(post("/themes/send").with(admin).with(csrf()).param("topic", String.valueOf(topic)).param("days", "7")
				.param("term", "app crasht").param("to", "product@example.org").param("note", "Kijk hier even naar <b>graag</b>"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "themes.send.done"));
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		var message = SMTP.getReceivedMessages()[0];
		assertThat(message.getSubject()).contains("app crasht").contains("Bezorging");
		String raw = GreenMailUtil.getWholeMessage(message);
		assertThat(raw).contains("&lt;script&gt;alert(").contains("&lt;b&gt;graag&lt;/b&gt;").doesNotContain("<li>Sinds de update: de app crasht bij het openen <script>");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'theme.sent'").query(Long.class).single()).isEqualTo(1);

		mvc.perform(post("/themes/send").with(admin).with(csrf()).param("topic", String.valueOf(topic)).param("term", "app crasht")
				.param("to", "geen adres\r\nBcc: x@y.z"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "themes.send.badAddress"));
		mvc.perform(post("/themes/send").with(admin).with(csrf()).param("topic", String.valueOf(topic)).param("term", "verzonnen thema")
				.param("to", "product@example.org"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "themes.send.gone"));
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
	}
}
