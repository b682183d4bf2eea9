package nl.luister.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.account.Role;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;
import nl.luister.reply.Replies;
import nl.luister.rules.RuleActions;
import nl.luister.rules.RuleConditions;
import nl.luister.rules.RuleManagement;
import nl.luister.rules.RuleRun;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
@AutoConfigureMockMvc
class RoutingIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
	static final String DUTCH = "@KoerierSnel mijn pakket is nog steeds niet bezorgd. Al vijf dagen! Waardeloos.";
	static final String ENGLISH = "@KoerierSnel my parcel has still not been delivered after five days. This is terrible service.";

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	TopicManagement topics;

	@Autowired
	CaseManagement cases;

	@Autowired
	Users users;

	@Autowired
	Teams teams;

	@Autowired
	Agents agents;

	@Autowired
	Routing routing;

	@Autowired
	RuleManagement rules;

	@Autowired
	Replies replies;

	@Autowired
	JdbcClient jdbc;

	long webcare;
	long ann;
	long bob;
	long eve;
	Team dutch;
	Team english;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		webcare = jdbc.sql("""
				insert into sources (source_key, type, name, channel, account_role, paused)
				values ('routing-webcare', 'mastodon', '@KoerierSnel_help', 'mastodon', 'WEBCARE', true) returning id""")
			.query(Long.class).single();
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		ann = user("ann", "Ann");
		bob = user("bob", "Bob");
		eve = user("eve", "Eve");
		dutch = teams.create(new Team(0, "Dutch webcare", Set.of("nl"), Set.of(), Set.of(), List.of(ann, bob)));
		english = teams.create(new Team(0, "English webcare", Set.of("en"), Set.of(), Set.of(), List.of(eve)));
	}

	@Test
	void routesToTheAvailableTeamMemberWithTheFewestOpenCasesByLanguage() {
		online(ann, bob, eve);
		long busy = ingest(toot("0", "someone", DUTCH, T0));
		routing.assignTo(List.of(busy), ann, null);

		long nl = ingest(toot("1", "anna_v", DUTCH, T0.plusSeconds(60)));
		long en = ingest(toot("2", "john_b", ENGLISH, T0.plusSeconds(120)));

		assertThat(cases.summary(nl).assigneeId()).isEqualTo(bob);
		assertThat(history(nl, "routed")).containsExactly("to Bob: fewest open cases in team Dutch webcare");
		assertThat(cases.summary(en).assigneeId()).isEqualTo(eve);
		assertThat(history(en, "routed")).singleElement().asString().contains("team English webcare", "the only one available");
		assertThat(teamOf(nl)).isEqualTo(dutch.id());
		assertThat(cases.summary(nl).status()).isEqualTo(CaseStatus.OPEN);
	}

	@Test
	void onATieTheAgentIdleLongestGetsTheCase() {
		online(ann, bob);
		long first = ingest(toot("1", "anna_v", DUTCH, T0));
		long second = ingest(toot("2", "bram", DUTCH, T0.plusSeconds(60)));
		cases.changeStatus(first, CaseStatus.RESOLVED, null);
		cases.changeStatus(second, CaseStatus.RESOLVED, null);
		long firstAgent = jdbc.sql("select assignee_id from cases where id = ?").param(first).query(Long.class).single();

		long third = ingest(toot("3", "carla", DUTCH, T0.plusSeconds(120)));

		assertThat(cases.summary(second).assigneeId()).isNotEqualTo(firstAgent);
		assertThat(cases.summary(third).assigneeId()).as("both have no open case; the one given a case earlier waited longest")
			.isEqualTo(firstAgent);
		assertThat(history(third, "routed")).singleElement().asString().contains("idle longest");
	}

	@Test
	void awayOfflineAndFullAgentsGetNothingAndTheCaseWaitsInItsTeamsQueue() {
		agents.setPresence(ann, Presence.AWAY);
		agents.setPresence(bob, Presence.ONLINE);
		agents.setCapacity(bob, 0);
		agents.setPresence(eve, Presence.ONLINE);

		long id = ingest(toot("1", "anna_v", DUTCH, T0));

		assertThat(cases.summary(id).assigneeId()).isNull();
		assertThat(teamOf(id)).isEqualTo(dutch.id());
		assertThat(history(id, "queued")).containsExactly("waits in the queue of team Dutch webcare: no agent is online with room for another case");
		assertThat(teams.queueSizes()).containsEntry(dutch.id(), 1);

		ingest(new RawMention("2", Channel.MASTODON, new RawMention.Author("anna_v", null, 100), null, DUTCH + " Hallo?", null,
				T0.plusSeconds(300), "1", true));
		assertThat(history(id, "queued")).as("still waiting where it waited: not logged again").hasSize(1);
	}

	@Test
	void anAgentComingOnlineTakesTheQueueMostUrgentFirstUpToTheirCapacity() {
		long calm = ingest(toot("1", "anna_v", DUTCH, T0));
		long urgent = ingest(toot("2", "bram", DUTCH, T0.plusSeconds(60)));
		jdbc.sql("update cases set escalated = true, severity = 5 where id = ?").param(urgent).update();
		long third = ingest(toot("3", "carla", DUTCH, T0.plusSeconds(120)));
		assertThat(teams.queueSizes()).containsEntry(dutch.id(), 3);
		agents.setCapacity(ann, 2);

		agents.setPresence(ann, Presence.ONLINE);

		assertThat(cases.summary(urgent).assigneeId()).isEqualTo(ann);
		assertThat(cases.summary(calm).assigneeId()).as("then the oldest").isEqualTo(ann);
		assertThat(cases.summary(third).assigneeId()).as("ann is full").isNull();
		assertThat(teams.queueSizes()).containsEntry(dutch.id(), 1);
	}

	@Test
	void resolvingACaseFreesCapacityAndTheQueueMovesOn() {
		online(ann);
		agents.setCapacity(ann, 1);
		long first = ingest(toot("1", "anna_v", DUTCH, T0));
		long second = ingest(toot("2", "bram", DUTCH, T0.plusSeconds(60)));
		assertThat(cases.summary(first).assigneeId()).isEqualTo(ann);
		assertThat(cases.summary(second).assigneeId()).isNull();

		cases.changeStatus(first, CaseStatus.RESOLVED, ann);

		await().atMost(Duration.ofSeconds(10)).until(() -> ann == (cases.summary(second).assigneeId() == null ? 0 : cases.summary(second).assigneeId()));
	}

	@Test
	void theLastAgentWhoHelpedTheCustomerGetsTheirNewCaseWhenAvailable() {
		online(ann, bob);
		long earlier = ingest(toot("1", "anna_v", DUTCH, T0));
		routing.assignTo(List.of(earlier), bob, bob);
		replies.send(earlier, "Sorry Anna, we zoeken het uit.", bob);
		cases.changeStatus(earlier, CaseStatus.RESOLVED, bob);
		for (String other : List.of("x1", "x2")) routing.assignTo(List.of(ingest(toot(other, "other-" + other, DUTCH, T0))), bob, null);
		// resolving touched the case now; the customer writes again long after, as far as threading is concerned
		jdbc.sql("update cases set last_activity_at = ? where id = ?").params(java.sql.Timestamp.from(T0), earlier).update();

		long later = ingest(toot("9", "anna_v", DUTCH, T0.plus(Duration.ofDays(5))));

		assertThat(later).isNotEqualTo(earlier);
		assertThat(cases.summary(later).assigneeId()).as("bob has more open cases, but helped Anna before").isEqualTo(bob);
		assertThat(history(later, "routed")).containsExactly("to Bob: last agent who helped this customer, in team Dutch webcare");

		agents.setPresence(bob, Presence.AWAY);
		cases.changeStatus(later, CaseStatus.RESOLVED, bob);
		jdbc.sql("update cases set last_activity_at = ? where id = ?").params(java.sql.Timestamp.from(T0), later).update();
		long third = ingest(toot("10", "anna_v", DUTCH, T0.plus(Duration.ofDays(10))));
		assertThat(cases.summary(third).assigneeId()).as("bob is away: the usual choice").isEqualTo(ann);
	}

	@Test
	void aDisabledAgentsOpenCasesGoBackToRoutingAndAreLogged() {
		long rita = user("rita-" + System.nanoTime(), "Rita");
		teams.update(dutch.withMembers(List.of(ann, rita)));
		online(rita);
		long a = ingest(toot("1", "anna_v", DUTCH, T0));
		long b = ingest(toot("2", "bram", DUTCH, T0.plusSeconds(60)));
		assertThat(List.of(cases.summary(a).assigneeId(), cases.summary(b).assigneeId())).containsOnly(rita);
		online(ann);
		agents.setCapacity(ann, 1);

		users.setEnabled(new UserId(rita), false);

		assertThat(jdbc.sql("select count(*) from cases where assignee_id = ?").param(rita).query(Long.class).single()).isZero();
		assertThat(java.util.Arrays.asList(cases.summary(a).assigneeId(), cases.summary(b).assigneeId())).containsExactlyInAnyOrder(ann, null);
		for (long id : List.of(a, b)) assertThat(history(id, "released")).containsExactly("Rita was disabled: the case goes back to routing");
		assertThat(teams.queueSizes()).containsEntry(dutch.id(), 1);
		assertThat(agents.presence(rita)).isEqualTo(Presence.OFFLINE);
	}

	@Test
	void aDeletedAgentsCasesAreNeverLostNorLeftPointingAtTheMissingUser() {
		long rita = user("rita-" + System.nanoTime(), "Rita");
		teams.update(dutch.withMembers(List.of(rita)));
		online(rita);
		long open = ingest(toot("1", "anna_v", DUTCH, T0));
		long done = ingest(toot("2", "bram", DUTCH, T0.plusSeconds(60)));
		cases.addNote(open, "Klant belt morgen terug", rita);
		replies.send(done, "Opgelost!", rita);
		cases.changeStatus(done, CaseStatus.RESOLVED, rita);

		assertThat(users.delete(new UserId(rita))).isTrue();

		assertThat(users.findById(new UserId(rita))).isEmpty();
		assertThat(cases.summary(open).assigneeId()).isNull();
		assertThat(teamOf(open)).as("nobody else in the team: it waits in the queue").isEqualTo(dutch.id());
		assertThat(history(open, "released")).containsExactly("Rita was deleted: the case goes back to routing");
		assertThat(history(open, "queued")).hasSize(1);
		assertThat(cases.summary(done).status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(cases.detail(open).notes()).singleElement().satisfies(n -> assertThat(n.text()).isEqualTo("Klant belt morgen terug"));
		assertThat(teams.find(dutch.id()).orElseThrow().memberIds()).isEmpty();
	}

	@Test
	void aRulesTeamAssignmentWinsOverTheSkillsAndNeverTakesACaseFromAnAgent() {
		online(ann, bob, eve);
		var rule = rules.create("Complaints to English", new RuleConditions(null, null, null, null, Set.of("complaint"), null, null, null, null, null),
				new RuleActions(null, null, false, false, null, english.id(), false, null), null);
		rules.setEnabled(rule.id(), true);

		long id = ingest(toot("1", "anna_v", DUTCH, T0));

		assertThat(cases.summary(id).assigneeId()).isEqualTo(eve);
		assertThat(teamOf(id)).isEqualTo(english.id());
		assertThat(rules.logOf(id)).extracting(RuleRun::action, RuleRun::detail).containsExactly(org.assertj.core.groups.Tuple.tuple("team", "English webcare"));

		routing.assignTo(List.of(id), ann, ann);
		ingest(new RawMention("2", Channel.MASTODON, new RawMention.Author("anna_v", null, 100), null, DUTCH + " Nog steeds niets.", null,
				T0.plusSeconds(300), "1", true));
		assertThat(cases.summary(id).assigneeId()).as("the rule ran again but ann keeps the case").isEqualTo(ann);
		assertThat(rules.logOf(id)).hasSize(1);
	}

	@Test
	void aRuleCannotNameATeamThatDoesNotExist() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.create("Nowhere", RuleConditions.any(),
				new RuleActions(null, null, false, false, null, 999_999L, false, null), null))
			.isInstanceOf(nl.luister.rules.InvalidRule.class).extracting("field").isEqualTo("assignToTeam");
	}

	@Test
	void aCaseMovedToATeamByHandLeavesItsAgentAndIsRoutedThere() {
		online(ann, eve);
		long id = ingest(toot("1", "anna_v", DUTCH, T0));
		assertThat(cases.summary(id).assigneeId()).isEqualTo(ann);

		routing.moveToTeam(List.of(id), english.id(), ann);

		assertThat(cases.summary(id).assigneeId()).isEqualTo(eve);
		assertThat(history(id, "team")).containsExactly("to team English webcare");
	}

	@Test
	void withoutAnyTeamRoutingLeavesCasesAlone() {
		teams.delete(dutch.id());
		teams.delete(english.id());
		online(ann);

		long id = ingest(toot("1", "anna_v", DUTCH, T0));

		assertThat(cases.summary(id).assigneeId()).isNull();
		assertThat(history(id, "routed")).isEmpty();
		assertThat(history(id, "unrouted")).isEmpty();
	}

	@Test
	void aCaseNoTeamFitsStaysUnassignedAndSaysWhyOnce() {
		teams.delete(english.id());
		online(ann, bob);

		long id = ingest(toot("1", "john_b", ENGLISH, T0));

		assertThat(cases.summary(id).assigneeId()).isNull();
		assertThat(history(id, "unrouted")).containsExactly("no team has the skills for this case (language en, channel mastodon)");
	}

	private void online(long... ids) {
		for (long id : ids) agents.setPresence(id, Presence.ONLINE);
	}

	private long user(String username, String name) {
		return users.findByUsername(username).orElseGet(() -> users.create(username, "routing-test-password", Role.AGENT, name)).id().value();
	}

	private Long teamOf(long caseId) {
		return jdbc.sql("select team_id from cases where id = ?").param(caseId).query(Long.class).optional().orElse(null);
	}

	private List<String> history(long caseId, String kind) {
		return jdbc.sql("select detail from case_events where case_id = ? and kind = ? order by id").params(caseId, kind).query(String.class).list();
	}

	private long ingest(RawMention item) {
		ingestion.ingestPushed(webcare, List.of(item));
		pipeline.drainAll();
		return jdbc.sql("select case_id from mentions where external_id = ? and source_id = ?").params(item.externalId(), webcare)
			.query(Long.class).single();
	}

	static RawMention toot(String id, String author, String text, Instant at) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(author, null, 100), null, text, null, at, null, true);
	}
}
