package nl.luister.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

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

import jakarta.mail.Multipart;
import nl.luister.TestWorkspace;
import nl.luister.analytics.rollup.Rollups;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.monitor.TopicManagement;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class ReportsIntegrationTests {

	static final GreenMail SMTP = nl.luister.notice.NoticeSmtp.SMTP;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		nl.luister.notice.NoticeSmtp.register(registry);
	}


	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
	static final LocalDate WEEK = LocalDate.of(2026, 10, 19);

	@Autowired
	Reports reports;

	@Autowired
	ReportSchedules schedules;

	@Autowired
	Rollups rollups;

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

	long topic;

	@BeforeEach
	void workspace() throws Exception {
		TestWorkspace.reset(jdbc);
		topics.reload();
		SMTP.purgeEmailFromAllMailboxes();
		long source = sources.importSource("reports", Channel.TWITTER);
		topic = topics.create("Bezorging <b>", "pakket").id();
		for (int i = 0; i < 30; i++) {
			Instant at = WEEK.plusDays(i % 7).atTime(12, 0).atZone(AMSTERDAM).toInstant();
			long m = jdbc.sql("insert into mentions (source_id, external_id, channel, author_handle, text, published_at, sentiment) values (?, ?, 'twitter', ?, ?, ?, ?) returning id")
				.params(source, "m" + i, "klant" + i, i < 6 ? "pakket kwijt" : "de app crasht bij het openen " + i, Timestamp.from(at), i % 3 == 0 ? "NEGATIVE" : "NEUTRAL")
				.query(Long.class).single();
			jdbc.sql("insert into mention_topics values (?, ?)").params(m, topic).update();
		}
		for (int i = 0; i < 10; i++) {
			Instant at = WEEK.minusDays(1 + i).atTime(12, 0).atZone(AMSTERDAM).toInstant();
			long m = jdbc.sql("insert into mentions (source_id, external_id, channel, author_handle, text, published_at, sentiment) values (?, ?, 'twitter', 'oud', 'pakket kwijt', ?, 'NEUTRAL') returning id")
				.params(source, "p" + i, Timestamp.from(at)).query(Long.class).single();
			jdbc.sql("insert into mention_topics values (?, ?)").params(m, topic).update();
		}
		rollups.rebuild(WEEK.minusWeeks(5), WEEK.plusDays(7));
	}

	@Test
	void theReportHoldsTheWeeksFiguresThemesAndChart() throws Exception {
		WeeklyReport r = reports.build(null, WEEK.plusDays(3));
		assertThat(r.weekStart()).isEqualTo(WEEK);
		assertThat(r.weekEnd()).isEqualTo(WEEK.plusDays(6));
		assertThat(r.mentions()).isEqualTo(30);
		assertThat(r.negative()).isEqualTo(10);
		assertThat(r.previousMentions()).isEqualTo(7);
		assertThat(r.topics()).singleElement().satisfies(t -> {
			assertThat(t.mentions()).isEqualTo(30);
			assertThat(t.themes()).contains("app crasht");
		});
		var image = ImageIO.read(new ByteArrayInputStream(reports.chart(r, Locale.forLanguageTag("nl"))));
		assertThat(image.getWidth()).isEqualTo(720);
		byte[] pdf = reports.pdf(r, Locale.ENGLISH);
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

		WeeklyReport empty = reports.build(null, LocalDate.of(2020, 1, 6));
		assertThat(empty.mentions()).isZero();
		assertThat(empty.change()).isNaN();
		assertThat(reports.pdf(empty, Locale.ENGLISH)).isNotEmpty();
		assertThat(reports.html(empty, Locale.ENGLISH, "cid:chart")).contains("No alerts this week.");
	}

	@Test
	void aDueScheduleSendsLastWeeksReportOnceWithTheChartInlineAndThePdfAttached() throws Exception {
		schedules.save(new ReportSchedules.Schedule(0, null, true, 1, 8, AMSTERDAM, List.of("lead@example.org", "pr@example.org"), "nl", null, null));
		Instant mondayMorning = WEEK.plusWeeks(1).atTime(7, 30).atZone(AMSTERDAM).toInstant();
		assertThat(schedules.sendDue(mondayMorning)).as("before 08:00 nothing is due").isZero();
		Instant due = WEEK.plusWeeks(1).atTime(8, 5).atZone(AMSTERDAM).toInstant();
		assertThat(schedules.sendDue(due)).isEqualTo(1);
		assertThat(schedules.sendDue(due.plusSeconds(600))).as("never twice for one week").isZero();
		var received = SMTP.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(received[0].getSubject()).isEqualTo("Luister-weekrapport, alle topics: 2026-10-19 – 2026-10-25");
		String raw = GreenMailUtil.getWholeMessage(received[0]);
		assertThat(raw).contains("cid:chart").contains("Content-ID: <chart>").contains("luister-report-2026-10-19.pdf")
			.contains("<td>Bezorging &lt;b&gt;</td>").doesNotContain("<td>Bezorging <b>");
		assertThat(((Multipart) received[0].getContent()).getContentType()).startsWith("multipart/mixed");
		assertThat(schedules.of(null).lastSentWeek()).isEqualTo(WEEK);
	}

	@Test
	void aScheduleWithBadValuesIsRefusedWithItsProblems() {
		var bad = new ReportSchedules.Schedule(0, null, true, 9, 25, AMSTERDAM, List.of("geen adres"), "fr", null, null);
		assertThat(bad.problems()).containsExactlyInAnyOrder("'geen adres' is not an e-mail address", "the weekday must be 1 (Monday) to 7 (Sunday)",
				"the hour must be 0 to 23", "the language must be nl or en");
	}

	@Test
	void thePageOffersThePdfAndTheSchedule() throws Exception {
		var admin = user(users.loadUserByUsername("admin"));
		mvc.perform(get("/reports").with(admin)).andExpect(status().isOk()).andExpect(content().string(containsString("Weekly report")));
		mvc.perform(get("/reports/pdf").param("week", WEEK.toString()).with(admin)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"luister-report-2026-10-19.pdf\""));
		mvc.perform(get("/reports/pdf").param("week", "gisteren").with(admin)).andExpect(status().isBadRequest());
		mvc.perform(post("/reports/schedule").with(admin).with(csrf()).param("enabled", "true").param("recipients", "a@example.org, nope")
				.param("zone", "Europe/Amsterdam"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "reports.page.invalid"));
		mvc.perform(post("/reports/send").with(admin).with(csrf())).andExpect(flash().attribute("flashError", "reports.page.noRecipients"));
		mvc.perform(post("/reports/schedule").with(admin).with(csrf()).param("enabled", "true").param("recipients", "a@example.org")
				.param("zone", "Europe/Amsterdam").param("language", "en"))
			.andExpect(flash().attribute("flash", "reports.page.saved"));
		mvc.perform(post("/reports/send").with(admin).with(csrf())).andExpect(flash().attribute("flash", "reports.page.sent"));
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
	}
}
