package nl.luister.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;
import nl.luister.TestWorkspace;
import nl.luister.analytics.spike.SpikeWatch;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.monitor.TopicManagement;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class AlertsIntegrationTests {

	static final GreenMail SMTP = nl.luister.notice.NoticeSmtp.SMTP;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		nl.luister.notice.NoticeSmtp.register(registry);
		registry.add("luister.notify.mail.from", () -> "alerts@luister.test");
	}


	// the watch evaluates complete five-minute buckets: "now" is just after a bucket boundary
	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(10);

	@Autowired
	SpikeWatch watch;

	@Autowired
	Alerts alerts;

	@Autowired
	AlertDeliveries deliveries;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	nl.luister.analytics.rollup.Rollups rollups;

	@Autowired
	nl.luister.analytics.dashboard.Dashboards dashboards;

	@Autowired
	MockMvc mvc;

	@Autowired
	nl.luister.customer.PersonPrivacy privacy;

	@Autowired
	UserDetailsService users;

	long source;
	long topic;

	@BeforeEach
	void workspace() throws Exception {
		TestWorkspace.reset(jdbc);
		topics.reload();
		SMTP.purgeEmailFromAllMailboxes();
		source = sources.importSource("alerts", Channel.TWITTER);
		topic = topics.create("Bezorging <script>alert(1)</script>", "pakket").id();
	}

	/** One neutral mention every 30 minutes over the eight days before {@code NOW}. */
	void background() {
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, sentiment)
				select ?, 'bg' || g, 'twitter', 'klant' || (g % 40), 'mijn pakket ' || g, ?::timestamptz - g * interval '30 minutes', 'NEUTRAL'
				from generate_series(1, 384) g""").params(source, Timestamp.from(NOW)).update();
		tagAll();
	}

	/** {@code n} negative mentions in the {@code minutes} minutes before {@code end}, one author with many followers among them. */
	void storm(int n, int minutes, Instant end, String prefix) {
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, author_followers, text, published_at, sentiment)
				select ?, ? || g, 'twitter', case when g = 1 then 'bekende_nl' else 'boos' || g end, case when g = 1 then 250000 else 10 end,
				       'pakket weer kwijt <img src=x onerror=alert(1)> ' || g, ?::timestamptz - (g * ? / ?) * interval '1 minute' - interval '5 seconds', 'NEGATIVE'
				from generate_series(1, ?) g""")
			.params(source, prefix, Timestamp.from(end), (double) minutes, (double) n, n).update();
		tagAll();
	}

	/** Tags every mention with the topic and recounts the rollups (the pipeline counts as it stores; these rows skip it). */
	void tagAll() {
		jdbc.sql("insert into mention_topics (mention_id, topic_id) select id, ? from mentions on conflict do nothing").param(topic).update();
		java.time.LocalDate day = java.time.LocalDate.ofInstant(NOW, rollups.zone());
		rollups.rebuild(day.minusDays(10), day.plusDays(1));
	}

	@Test
	void aQuietPeriodRaisesNothing() {
		assertThat(watch.tick(NOW)).isZero();
		background();
		assertThat(watch.tick(NOW)).isZero();
		assertThat(alerts.recent(10)).isEmpty();
	}

	@Test
	void aStormIsOneAlertPerWindowWithItsEvidenceUntilItIsOver() {
		background();
		storm(40, 20, NOW.minusSeconds(10), "s");
		assertThat(watch.tick(NOW)).isEqualTo(2);
		Alert hour = alerts.recent(10).stream().filter(a -> "hour".equals(a.window())).findFirst().orElseThrow();
		assertThat(hour.kind()).isEqualTo(Alert.Kind.VOLUME_NEGATIVE);
		assertThat(hour.topicId()).isEqualTo(topic);
		assertThat(hour.figure("count")).isEqualTo(42);
		assertThat(hour.figure("expected")).isEqualTo(2);
		assertThat(hour.severity()).isBetween(6, 10);
		assertThat(hour.open()).isTrue();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> top = (List<Map<String, Object>>) hour.summary().get("topMentions");
		assertThat(top).hasSize(5).first().satisfies(m -> assertThat(m.get("author")).isEqualTo("bekende_nl"));
		assertThat(hour.summary().get("topAuthors")).asList().isNotEmpty();

		// the same storm a few minutes on: the episode goes on, no second alert
		assertThat(watch.tick(NOW.plus(Duration.ofMinutes(5)))).isZero();
		assertThat(alerts.recent(10)).hasSize(2);

		// three hours on, the hour window is quiet again: the episode is over
		watch.tick(NOW.plus(Duration.ofHours(3)));
		assertThat(alerts.find(hour.id()).orElseThrow().open()).isFalse();

		// a new storm later is a new alert
		storm(60, 15, NOW.plus(Duration.ofHours(5)).minusSeconds(10), "t");
		assertThat(watch.tick(NOW.plus(Duration.ofHours(5)))).isGreaterThanOrEqualTo(1);
		assertThat(alerts.recent(10).stream().filter(a -> "hour".equals(a.window()))).hasSize(2);
	}

	@Test
	void aTopicWithMillionsOfMentionsInOneHourIsCountedExactlyAndRaisesOneAlertWithBoundedEvidence() {
		background();
		// 1,000 of the storm's mentions are stored (the evidence an alert shows) ...
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, author_followers, text, published_at, sentiment)
				select ?, 'big' || g, 'twitter', 'boos' || (g % 300), g, 'pakket kwijt ' || g, ?::timestamptz - g * interval '3 seconds', 'NEGATIVE'
				from generate_series(1, 1000) g""").params(source, Timestamp.from(NOW.minusSeconds(10))).update();
		jdbc.sql("insert into mention_topics (mention_id, topic_id) select id, ? from mentions where external_id like 'big%'").param(topic).update();
		// ... and the pipeline counts 3,000,000 in the last hour as it stores them, in batches of 100,000
		int perBatch = 100_000, batches = 30;
		Instant hourStart = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		for (int b = 0; b < batches; b++) {
			List<nl.luister.analytics.rollup.Rollups.Fact> facts = new java.util.ArrayList<>(perBatch);
			for (int i = 0; i < perBatch; i++) {
				Instant at = hourStart.plusMillis((long) (b * perBatch + i) * 3_600_000L / (perBatch * batches));
				facts.add(new nl.luister.analytics.rollup.Rollups.Fact(at, "twitter", "nl", i % 4 == 0 ? "NEUTRAL" : "NEGATIVE", true, null,
						"boos" + (i % 5_000), 10, Set.of(topic)));
			}
			rollups.add(facts);
		}

		// counted exactly, no overflow, no sampling: the storm and the hour's two background mentions
		assertThat(jdbc.sql("select sum(mentions) from rollup_5m where topic_id = ? and bucket >= ? and bucket < ?")
			.params(topic, Timestamp.from(hourStart), Timestamp.from(hourStart.plus(Duration.ofHours(1)))).query(Long.class).single())
			.isEqualTo(3_000_002L);
		var hours = nl.luister.analytics.dashboard.Period.lastDays(1, nl.luister.analytics.dashboard.Period.Bucket.HOUR, rollups.zone(), NOW);
		double[] volume = dashboards.volume(new nl.luister.analytics.dashboard.Dashboards.Filter(topic, null, null), hours).values().get("mentions");
		assertThat(Arrays.stream(volume).max().orElseThrow()).isGreaterThanOrEqualTo(3_000_000);

		// one alert per window, a severity on the scale, evidence of five mentions and five authors
		assertThat(watch.tick(NOW)).isEqualTo(2);
		Alert hour = alerts.recent(10).stream().filter(a -> "hour".equals(a.window())).findFirst().orElseThrow();
		assertThat(hour.severity()).isBetween(8, 10);
		assertThat(hour.figure("count")).isGreaterThanOrEqualTo(3_000_000);
		assertThat(hour.summary().get("topMentions")).asList().hasSize(5);
		assertThat(hour.summary().get("topAuthors")).asList().hasSize(5);
		assertThat(watch.tick(NOW.plus(Duration.ofMinutes(5)))).isZero();
	}

	@Test
	void aSwitchedOffRuleOrAHighMinimumRaisesNothing() {
		background();
		storm(40, 20, NOW.minusSeconds(10), "s");
		AlertRule d = AlertRule.defaults(topic);
		alerts.save(new AlertRule(topic, false, true, true, d.minVolume(), d.persistence(), 1, List.of(), null, null, null, null, d.quietZone()));
		assertThat(watch.tick(NOW)).isZero();
		alerts.save(new AlertRule(topic, true, true, true, 500, d.persistence(), 1, List.of(), null, null, null, null, d.quietZone()));
		assertThat(watch.tick(NOW)).isZero();
	}

	@Test
	void alertsAreMailedAndPostedToAWebhookThatFailsFirstAndIsRetried() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		List<Map<String, String>> received = new CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> seen = new ConcurrentHashMap<>();
			seen.put("body", new String(body, StandardCharsets.UTF_8));
			seen.put("id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
			seen.put("ts", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")));
			seen.put("sig", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")));
			received.add(seen);
			int status = calls.incrementAndGet() == 1 ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		try {
			String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
			AlertRule d = AlertRule.defaults(topic);
			alerts.save(new AlertRule(topic, true, true, false, d.minVolume(), d.persistence(), 1, List.of("team@example.org", "lead@example.org"),
					hook, "whsec_" + java.util.Base64.getEncoder().encodeToString("sekrit".getBytes()), null, null, d.quietZone()));
			background();
			storm(40, 20, NOW.minusSeconds(10), "s");
			assertThat(watch.tick(NOW)).isEqualTo(1);
			long alertId = alerts.recent(1).getFirst().id();

			assertThat(deliveries.deliverDue(NOW)).isEqualTo(2);
			MimeMessage[] mail = SMTP.getReceivedMessages();
			assertThat(mail).hasSize(2);
			assertThat(mail[0].getSubject()).startsWith("[Luister] Negative volume spike: Bezorging <script>alert(1)</script> (severity");
			String raw = GreenMailUtil.getWholeMessage(mail[0]);
			assertThat(raw).contains("Bezorging &lt;script&gt;").doesNotContain("<h1>Negative volume spike: Bezorging <script>")
				.contains("&lt;img src=x onerror=alert(1)&gt;").contains("/alerts/" + alertId).contains("Auto-Submitted: auto-generated");

			var webhook = alerts.deliveries(alertId).stream().filter(x -> x.channel().equals("WEBHOOK")).findFirst().orElseThrow();
			assertThat(webhook.state()).isEqualTo("QUEUED");
			assertThat(webhook.attempts()).isEqualTo(1);
			assertThat(webhook.lastError()).contains("500");
			assertThat(webhook.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));

			assertThat(deliveries.deliverDue(NOW.plusSeconds(10))).as("not due yet").isZero();
			assertThat(deliveries.deliverDue(NOW.plusSeconds(31))).isEqualTo(1);
			assertThat(alerts.deliveries(alertId)).allSatisfy(x -> assertThat(x.state()).isEqualTo("SENT"));
			Map<String, String> last = received.getLast();
			assertThat(last.get("body")).contains("\"type\":\"luister.alert\"").contains("\"severity\"");
			String expected = AlertDeliveries.sign("whsec_" + java.util.Base64.getEncoder().encodeToString("sekrit".getBytes()), last.get("id"),
					last.get("ts"), last.get("body").getBytes(StandardCharsets.UTF_8));
			assertThat(last.get("sig")).isEqualTo("v1," + expected);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anUnreachableWebhookIsRetriedAndFinallyFailsWithItsReason() throws IOException {
		int closedPort;
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		AlertRule d = AlertRule.defaults(topic);
		alerts.save(new AlertRule(topic, true, true, false, d.minVolume(), d.persistence(), 1, List.of(), "http://127.0.0.1:" + closedPort + "/x",
				null, null, null, d.quietZone()));
		background();
		storm(40, 20, NOW.minusSeconds(10), "s");
		watch.tick(NOW);
		long alertId = alerts.recent(1).getFirst().id();
		Instant t = NOW;
		for (int i = 0; i < AlertDeliveries.MAX_ATTEMPTS; i++) {
			deliveries.deliverDue(t);
			t = t.plus(Duration.ofHours(2));
		}
		var webhook = alerts.deliveries(alertId).getFirst();
		assertThat(webhook.state()).isEqualTo("FAILED");
		assertThat(webhook.attempts()).isEqualTo(AlertDeliveries.MAX_ATTEMPTS);
		assertThat(webhook.lastError()).isNotBlank();
	}

	@Test
	void quietHoursHoldTheMailOfAModerateAlertUntilTheyEnd() {
		ZoneId utc = ZoneId.of("UTC");
		LocalTime from = LocalTime.ofInstant(NOW.minus(Duration.ofHours(1)), utc);
		LocalTime to = LocalTime.ofInstant(NOW.plus(Duration.ofHours(2)), utc);
		alerts.save(new AlertRule(topic, true, true, false, 10, 2, 1, List.of("team@example.org"), null, null, from, to, utc));
		background();
		storm(12, 20, NOW.minusSeconds(10), "s");
		assertThat(watch.tick(NOW)).isEqualTo(1);
		Alert alert = alerts.recent(1).getFirst();
		assertThat(alert.severity()).isLessThan(AlertRule.URGENT);
		assertThat(alerts.deliveries(alert.id()).getFirst().nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		assertThat(deliveries.deliverDue(NOW)).isZero();
		assertThat(SMTP.getReceivedMessages()).isEmpty();
	}

	@Test
	void aNegativeMentionByATierFivePersonIsAnEarlyWarningOnce() {
		long person = jdbc.sql("insert into persons (display_name, tier) values ('Bekende Nederlander', 5) returning id").query(Long.class).single();
		long identity = jdbc.sql("""
				insert into identities (channel, handle, display_name, followers, first_seen, last_seen, person_id)
				values ('twitter', 'bekende_nl', 'Bekende Nederlander', 250000, now(), now(), ?) returning id""").param(person).query(Long.class).single();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, author_name, text, published_at, sentiment, identity_id)
				values (?, 'vip1', 'twitter', 'bekende_nl', 'Bekende Nederlander', 'Mijn pakket is alweer kwijt, schandalig', ?, 'NEGATIVE', ?)""")
			.params(source, Timestamp.from(NOW), identity).update();
		tagAll();
		assertThat(watch.tick(NOW)).isEqualTo(1);
		Alert warning = alerts.recent(1).getFirst();
		assertThat(warning.kind()).isEqualTo(Alert.Kind.INFLUENTIAL);
		assertThat(warning.topicId()).isEqualTo(topic);
		assertThat(warning.window()).isNull();
		assertThat(warning.summary().get("reason").toString()).contains("Bekende Nederlander", "tier 5");
		assertThat(watch.tick(NOW.plusSeconds(60))).isZero();

		// erasing the person takes them out of the alert's evidence too
		privacy.erase(person, null);
		Alert erased = alerts.find(warning.id()).orElseThrow();
		assertThat(erased.summary().toString()).doesNotContain("Bekende Nederlander", "bekende_nl", "schandalig");
		assertThat(erased.summary().get("topMentions")).asList().isEmpty();
	}

	@Test
	void aMentionDrawingManyRepliesFastIsAnEarlyWarning() {
		jdbc.sql("insert into mentions (source_id, external_id, channel, author_handle, text, published_at, sentiment) values (?, 'root', 'twitter', 'iemand', 'pakket kwijt', ?, 'NEGATIVE')")
			.params(source, Timestamp.from(NOW.minus(Duration.ofMinutes(12)))).update();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, in_reply_to, sentiment)
				select ?, 'r' || g, 'twitter', 'fan' || g, 'ik ook!', ?::timestamptz - g * interval '30 seconds', 'root', 'NEGATIVE'
				from generate_series(1, 10) g""").params(source, Timestamp.from(NOW)).update();
		assertThat(watch.tick(NOW)).isEqualTo(1);
		Alert warning = alerts.recent(1).getFirst();
		assertThat(warning.kind()).isEqualTo(Alert.Kind.SPREADING);
		assertThat(warning.topicId()).isNull();
		assertThat(warning.figure("replies")).isEqualTo(10);
	}

	@Test
	void theBannerShowsOnEveryPageUntilAcknowledged() throws Exception {
		background();
		storm(40, 20, NOW.minusSeconds(10), "s");
		watch.tick(NOW);
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(get("/topics").with(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"alert-banner\"")))
			.andExpect(content().string(containsString("Bezorging &lt;script&gt;alert(1)&lt;/script&gt;")));
		for (Alert a : alerts.unacknowledged(10))
			mvc.perform(post("/alerts/{id}/acknowledge", a.id()).param("back", "/topics").with(admin).with(csrf()))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/topics").with(admin)).andExpect(content().string(not(containsString("class=\"alert-banner\""))));
		mvc.perform(get("/alerts").with(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("Negative volume spike")));
		long id = alerts.recent(1).getFirst().id();
		mvc.perform(get("/alerts/{id}", id).with(admin).header("Accept-Language", "nl")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Negatieve volumepiek")))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
		mvc.perform(post("/alerts/{id}/acknowledge", id).param("back", "//evil.example/").with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/alerts/" + id));
		mvc.perform(get("/alerts/99999").with(admin)).andExpect(status().isNotFound());
	}

	@Test
	void theRuleFormKeepsWhatWasTypedAndNamesEveryProblem() throws Exception {
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(post("/topics/{id}/alerts", topic).with(admin).with(csrf()).param("enabled", "true").param("hourWindow", "true")
				.param("emails", "team@example.org, geen-adres").param("quietFrom", "25:99").param("quietZone", "Mars/Olympus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;geen-adres&#39; is not an e-mail address")))
			.andExpect(content().string(containsString("&#39;25:99&#39; is not a time of day")))
			.andExpect(content().string(containsString("&#39;Mars/Olympus&#39; is not a time zone")))
			.andExpect(content().string(containsString("value=\"team@example.org, geen-adres\"")));
		mvc.perform(post("/topics/{id}/alerts", topic).with(admin).with(csrf()).param("enabled", "true").param("hourWindow", "true")
				.param("emails", "team@example.org").param("quietFrom", "22:00").param("quietTo", "07:00"))
			.andExpect(status().is3xxRedirection());
		AlertRule saved = alerts.rule(topic);
		assertThat(saved.dayWindow()).isFalse();
		assertThat(saved.emails()).containsExactly("team@example.org");
		assertThat(saved.quietFrom()).isEqualTo(LocalTime.of(22, 0));

		mvc.perform(get("/api/topics/{id}/alert-rule", topic).with(httpBasic("admin", "admin-test-password")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.quietTo").value("07:00")).andExpect(jsonPath("$.webhookSigned").value(false));
		mvc.perform(put("/api/topics/{id}/alert-rule", topic).with(httpBasic("admin", "admin-test-password")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"minVolume\": 0, \"emails\": [\"x\"]}"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("minimum volume")));
		mvc.perform(put("/api/topics/{id}/alert-rule", topic).with(httpBasic("admin", "admin-test-password")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"minVolume\": 25, \"webhookUrl\": \"https://hooks.example.org/luister\", \"webhookSecret\": \"whsec_c2Vrcml0\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.minVolume").value(25)).andExpect(jsonPath("$.webhookSigned").value(true))
			.andExpect(content().string(not(containsString("whsec_"))));
		mvc.perform(get("/api/alerts").with(httpBasic("admin", "admin-test-password"))).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
	}
}
