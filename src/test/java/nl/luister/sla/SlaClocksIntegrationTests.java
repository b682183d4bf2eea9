package nl.luister.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.analytics.report.Reports;
import nl.luister.analytics.report.WeeklyReport;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.Replies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
@AutoConfigureMockMvc
class SlaClocksIntegrationTests {

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	CaseManagement cases;

	@Autowired
	Replies replies;

	@Autowired
	SlaAdmin admin;

	@Autowired
	SlaClocks clocks;

	@Autowired
	SlaWatch watch;

	@Autowired
	SlaFigures figures;

	@Autowired
	nl.luister.analytics.rollup.CaseRollups caseRollups;

	@Autowired
	Reports reports;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	long source;
	long calendar;
	int messages;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		source = sources.importSource("sla-mastodon", Channel.MASTODON);
		calendar = admin.createCalendar("Around the clock", "Europe/Amsterdam", true, List.of()).id();
	}

	private SlaPolicy policy(Integer first, Integer next, Integer resolution, boolean escalate) {
		return admin.createPolicy(new SlaPolicy(null, "Webcare", null, null, 0, calendar, first, next, resolution, escalate));
	}

	/** A message addressed to the organisation: opens a case (or joins the author's case). Returns the case id. */
	private long message(String author) {
		String id = "m" + (++messages);
		ingestion.ingestPushed(source, List.of(new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 10), null,
				"Waar blijft mijn pakket? " + id, null, Instant.now(), null, true)));
		pipeline.drainAll();
		return jdbc.sql("select case_id from mentions where external_id = ?").param(id).query(Long.class).single();
	}

	private Instant opened(long caseId) {
		return jdbc.sql("select opened_at from cases where id = ?").param(caseId).query(Timestamp.class).single().toInstant();
	}

	private Instant column(long caseId, String column) {
		Timestamp t = jdbc.sql("select " + column + " from cases where id = ?").param(caseId).query(Timestamp.class).optional().orElse(null);
		return t == null ? null : t.toInstant();
	}

	/** Moves a case's opening (and its messages' arrival) back in time, as if it had been waiting that long. */
	private Instant age(long caseId, Duration by) {
		jdbc.sql("update cases set opened_at = opened_at - ? * interval '1 second', sla_res_used = null, sla_res_since = null where id = ?")
			.params(by.toSeconds(), caseId).update();
		jdbc.sql("update mentions set ingested_at = ingested_at - ? * interval '1 second' where case_id = ?").params(by.toSeconds(), caseId).update();
		Instant opened = opened(caseId);
		clocks.refresh(List.of(caseId), Instant.now());
		return opened;
	}

	@Test
	void firstResponseClockRunsFromTheOpeningUntilOurReply() {
		policy(60, null, null, false);
		long id = message("anna_v");
		Instant t0 = opened(id);

		assertThat(column(id, "sla_first_due")).isEqualTo(t0.plus(Duration.ofMinutes(60)));
		assertThat(clocks.clock(id, t0.plus(Duration.ofMinutes(10)))).get().satisfies(k -> {
			assertThat(k.kind()).isEqualTo(SlaKind.FIRST_RESPONSE);
			assertThat(k.state()).isEqualTo(CaseClock.State.OK);
			assertThat(k.wordsKey()).isEqualTo("sla.left.minutes");
			assertThat(k.wordsMajor()).isEqualTo(50);
		});

		replies.markAnsweredOnSite(id, "We kijken ernaar", null);

		assertThat(column(id, "sla_first_due")).isNull();
		assertThat(column(id, "sla_first_done_at")).isNotNull();
		assertThat(clocks.clock(id)).isEmpty();
	}

	@Test
	void theClockTurnsOrangeAtEightyPercentAndRedOnBreach() {
		policy(60, null, null, false);
		long id = message("anna_v");
		Instant t0 = opened(id);

		assertThat(clocks.clock(id, t0.plus(Duration.ofMinutes(47))).orElseThrow().state()).isEqualTo(CaseClock.State.OK);
		assertThat(clocks.clock(id, t0.plus(Duration.ofMinutes(48))).orElseThrow().state()).isEqualTo(CaseClock.State.WARNING);
		CaseClock late = clocks.clock(id, t0.plus(Duration.ofMinutes(135))).orElseThrow();
		assertThat(late.state()).isEqualTo(CaseClock.State.BREACHED);
		assertThat(late.wordsKey()).isEqualTo("sla.over.hours");
		assertThat(late.wordsMajor()).isEqualTo(1);
		assertThat(late.wordsMinor()).isEqualTo(15);
	}

	@Test
	void nextResponseClockStartsWithACustomerMessageAfterOurReply() {
		policy(60, 30, null, false);
		long id = message("anna_v");
		replies.markAnsweredOnSite(id, "We kijken ernaar", null);
		assertThat(column(id, "sla_next_due")).isNull();

		assertThat(message("anna_v")).isEqualTo(id);

		Instant arrived = jdbc.sql("select max(ingested_at) from mentions where case_id = ?").param(id).query(Timestamp.class).single().toInstant();
		assertThat(column(id, "sla_next_due")).isEqualTo(arrived.plus(Duration.ofMinutes(30)));
		assertThat(clocks.clock(id).orElseThrow().kind()).isEqualTo(SlaKind.NEXT_RESPONSE);

		replies.markAnsweredOnSite(id, "Het pakket komt morgen", null);
		assertThat(column(id, "sla_next_due")).isNull();
	}

	@Test
	void resolutionClockPausesWhileTheCaseWaitsOnTheCustomer() {
		policy(null, null, 240, false);
		long id = message("anna_v");
		Instant t0 = opened(id);
		clocks.refresh(List.of(id), t0.plus(Duration.ofMinutes(30)));
		assertThat(column(id, "sla_res_due")).isEqualTo(t0.plus(Duration.ofMinutes(240)));

		jdbc.sql("update cases set status = 'PENDING' where id = ?").param(id).update();
		clocks.refresh(List.of(id), t0.plus(Duration.ofMinutes(30)));
		assertThat(column(id, "sla_res_due")).isNull();
		clocks.refresh(List.of(id), t0.plus(Duration.ofHours(5)));
		assertThat(jdbc.sql("select sla_res_used from cases where id = ?").param(id).query(Long.class).single()).isEqualTo(30 * 60);

		jdbc.sql("update cases set status = 'OPEN' where id = ?").param(id).update();
		clocks.refresh(List.of(id), t0.plus(Duration.ofHours(5)));
		// 30 minutes used before the pause: 210 minutes left from the moment it opened again
		assertThat(column(id, "sla_res_due")).isEqualTo(t0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(210)));
		assertThat(column(id, "sla_res_warn")).isEqualTo(t0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(162)));

		cases.changeStatus(id, CaseStatus.RESOLVED, null);
		assertThat(column(id, "sla_res_due")).isNull();
		assertThat(clocks.clock(id)).isEmpty();
	}

	@Test
	void anAgentsReplyPausesTheResolutionClockThroughTheCaseStatus() {
		policy(null, null, 240, false);
		long id = message("anna_v");
		assertThat(column(id, "sla_res_due")).isNotNull();

		replies.markAnsweredOnSite(id, "We kijken ernaar", null);

		assertThat(cases.summary(id).status()).isEqualTo(CaseStatus.PENDING);
		assertThat(column(id, "sla_res_due")).isNull();
		assertThat(column(id, "sla_res_since")).isNull();
	}

	@Test
	void aBreachNotifiesTheAssigneeAndTheLeadsOnce() {
		policy(60, null, null, false);
		User lead = users.create("sla-lead", "lead-password-123", Role.LEAD, "Lea");
		User agent = users.create("sla-agent", "agent-password-123", Role.AGENT, "Aart");
		long id = message("anna_v");
		cases.assign(id, agent.id().value(), "Aart", null);
		Instant t0 = opened(id);

		assertThat(watch.check(t0.plus(Duration.ofMinutes(59)))).isEmpty();
		List<SlaWatch.Breach> found = watch.check(t0.plus(Duration.ofMinutes(61)));

		assertThat(found).singleElement().satisfies(b -> {
			assertThat(b.kind()).isEqualTo(SlaKind.FIRST_RESPONSE);
			assertThat(b.due()).isEqualTo(t0.plus(Duration.ofMinutes(60)));
			assertThat(b.escalated()).isFalse();
		});
		List<Long> leads = jdbc.sql("select id from users where role = 'LEAD' and enabled").query(Long.class).list();
		assertThat(notified(id)).contains(lead.id().value(), agent.id().value()).doesNotHaveDuplicates()
			.hasSize(leads.size() + 1).containsAll(leads);
		assertThat(watch.check(t0.plus(Duration.ofMinutes(62)))).isEmpty();
		assertThat(watch.check(t0.plus(Duration.ofHours(3)))).isEmpty();
		assertThat(notified(id)).hasSize(leads.size() + 1);
		assertThat(jdbc.sql("select count(*) from sla_breaches where case_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select escalated from cases where id = ?").param(id).query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select detail from case_events where case_id = ? and kind = 'sla'").param(id).query(String.class).single())
			.startsWith("first response overdue since");
	}

	@Test
	void aBreachEscalatesTheCaseWhenThePolicySaysSo() {
		policy(60, null, null, true);
		users.create("sla-lead2", "lead-password-123", Role.LEAD, "Lea");
		long id = message("anna_v");
		Instant t0 = opened(id);

		assertThat(watch.check(t0.plus(Duration.ofMinutes(61)))).singleElement().extracting(SlaWatch.Breach::escalated).isEqualTo(true);

		assertThat(jdbc.sql("select escalated from cases where id = ?").param(id).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select severity from cases where id = ?").param(id).query(Integer.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select detail from case_events where case_id = ? and kind = 'escalated'").param(id).query(String.class).list())
			.containsExactly("SLA breached: highest severity");
		assertThat(jdbc.sql("select escalated from sla_breaches where case_id = ?").param(id).query(Boolean.class).single()).isTrue();
		assertThat(watch.check(t0.plus(Duration.ofMinutes(70)))).isEmpty();
		assertThat(jdbc.sql("select count(*) from case_events where case_id = ? and kind = 'escalated'").param(id).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aReplyAfterTheDueTimeIsABreachEvenWhenNoCheckSawIt() {
		policy(60, null, null, false);
		users.create("sla-lead3", "lead-password-123", Role.LEAD, "Lea");
		long id = message("anna_v");
		age(id, Duration.ofHours(2));

		replies.markAnsweredOnSite(id, "Sorry voor het wachten", null);

		assertThat(jdbc.sql("select kind from sla_breaches where case_id = ?").param(id).query(String.class).list()).containsExactly("FIRST_RESPONSE");
		assertThat(notified(id)).isEmpty();
	}

	@Test
	void businessHoursMoveTheDueTimePastTheWeekend() {
		var office = admin.createCalendar("Office", "Europe/Amsterdam", false,
				Opening.parseDay(java.time.DayOfWeek.MONDAY, "09:00-17:00"));
		admin.createPolicy(new SlaPolicy(null, "Office hours", null, null, 0, office.id(), 120, null, null, false));
		long id = message("anna_v");
		Instant t0 = opened(id);

		assertThat(column(id, "sla_first_due")).isEqualTo(office.plus(t0, Duration.ofMinutes(120)));
		assertThat(office.isOpen(column(id, "sla_first_due").minusSeconds(1))).isTrue();
		assertThat(amsterdam(column(id, "sla_first_due")).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
	}

	@Test
	void aTeamsOwnCalendarTimesItsCasesInsteadOfThePolicys() {
		policy(120, null, null, false);
		var office = admin.createCalendar("Office", "Europe/Amsterdam", false, Opening.parseDay(java.time.DayOfWeek.MONDAY, "09:00-17:00"));
		long team = jdbc.sql("insert into teams (name) values ('Dutch webcare') returning id").query(Long.class).single();
		long id = message("anna_v");
		jdbc.sql("update cases set team_id = ? where id = ?").params(team, id).update();
		clocks.refresh(List.of(id), Instant.now());
		Instant t0 = opened(id);
		assertThat(column(id, "sla_first_due")).isEqualTo(t0.plus(Duration.ofMinutes(120)));

		admin.setTeamCalendar(team, office.id());
		assertThat(admin.teamCalendars()).containsExactly(new TeamCalendar(team, "Dutch webcare", office.id()));
		assertThat(column(id, "sla_first_due")).isEqualTo(office.plus(t0, Duration.ofMinutes(120)));
		assertThat(amsterdam(column(id, "sla_first_due")).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		// a case without a team (routing gave it this one, the only team: taken off again) keeps the policy's calendar
		long other = message("bram");
		assertThat(column(other, "sla_first_due")).isEqualTo(office.plus(opened(other), Duration.ofMinutes(120)));
		jdbc.sql("update cases set team_id = null where id = ?").param(other).update();
		clocks.refresh(List.of(other), Instant.now());
		assertThat(column(other, "sla_first_due")).isEqualTo(opened(other).plus(Duration.ofMinutes(120)));

		admin.deleteCalendar(office.id());
		assertThat(admin.teamCalendars()).containsExactly(new TeamCalendar(team, "Dutch webcare", null));
		assertThat(column(id, "sla_first_due")).isEqualTo(t0.plus(Duration.ofMinutes(120)));
		assertThatThrownBy(() -> admin.setTeamCalendar(team + 99, null)).isInstanceOf(SlaNotFound.class);
	}

	private static java.time.LocalDateTime amsterdam(Instant t) {
		return java.time.LocalDateTime.ofInstant(t, ZoneId.of("Europe/Amsterdam"));
	}

	@Test
	void aChangedPolicyMovesTheClocksOfOpenCases() {
		SlaPolicy p = policy(60, null, null, false);
		long id = message("anna_v");
		Instant t0 = opened(id);

		admin.updatePolicy(p.id(), new SlaPolicy(null, "Webcare", null, null, 0, calendar, 15, null, null, false));

		assertThat(column(id, "sla_first_due")).isEqualTo(t0.plus(Duration.ofMinutes(15)));
		admin.deletePolicy(p.id());
		assertThat(column(id, "sla_first_due")).isNull();
	}

	@Test
	void complianceAndBreachesReachTheFiguresTheDashboardAndTheWeeklyReport() throws Exception {
		policy(60, null, 600, false);
		users.create("sla-lead4", "lead-password-123", Role.LEAD, "Lea");
		long late = message("anna_v");
		age(late, Duration.ofHours(2));
		watch.check(Instant.now());
		long onTime = message("bram");
		replies.markAnsweredOnSite(onTime, "Komt eraan", null);
		replies.markAnsweredOnSite(late, "Sorry", null);
		cases.changeStatus(onTime, CaseStatus.RESOLVED, null);

		Instant now = Instant.now();
		List<SlaFigures.ChannelSla> direct = figures.of(now.minus(Duration.ofDays(1)), now.plusSeconds(60));
		assertThat(direct.getFirst().channel()).isNull();
		assertThat(direct).extracting(SlaFigures.ChannelSla::channel).containsExactly(null, "mastodon");
		SlaFigures.ChannelSla all = direct.getFirst();
		assertThat(all.firstTotal()).isEqualTo(2);
		assertThat(all.firstMet()).isEqualTo(1);
		assertThat(all.firstShare()).isEqualTo(0.5);
		assertThat(all.resolutionTotal()).isEqualTo(1);
		assertThat(all.resolutionMet()).isEqualTo(1);
		assertThat(all.breachesFirst()).isEqualTo(1);

		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		LocalDate today = LocalDate.now(zone);
		figures.refresh(today.minusDays(1), today);
		List<SlaFigures.ChannelSla> fromRollup = figures.of(today.minusDays(1).atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
		assertThat(fromRollup).isEqualTo(direct);
		// recounting the webcare rollups recounts the SLA rollup for the same days
		jdbc.sql("delete from rollup_sla_day").update();
		caseRollups.refresh(today.minusDays(1), today);
		assertThat(figures.of(today.minusDays(1).atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant()))
			.isEqualTo(direct);

		String dashboard = mvc.perform(get("/dashboards").param("days", "7").with(user(accounts.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(dashboard).contains("SLA compliance", "50% (1 of 2)", "100% (1 of 1)");
		String csv = mvc.perform(get("/dashboards/export.csv").param("chart", "sla").param("days", "7").with(user(accounts.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("channel,first_response_total,first_response_within_target").contains("all,2,1,0.5000,1,1,1,1,0,0", "mastodon,2,1,0.5000,1,1,1,1,0,0");

		WeeklyReport report = reports.build(null, today.with(java.time.DayOfWeek.MONDAY));
		assertThat(report.sla().breaches()).isEqualTo(1);
		assertThat(reports.html(report, Locale.ENGLISH, "cid:chart")).contains("SLA: 50% of 2 first responses within target, 100% of 1 resolutions within target; 1 breaches.");
		assertThat(reports.html(report, Locale.forLanguageTag("nl"), "cid:chart")).contains("SLA: 50% van 2 eerste reacties binnen doel");
		assertThat(reports.pdf(report, Locale.ENGLISH)).isNotEmpty();
	}

	private List<Long> notified(long caseId) {
		return jdbc.sql("select user_id from notifications where case_id = ? and kind like 'sla%'").param(caseId).query(Long.class).list();
	}
}
