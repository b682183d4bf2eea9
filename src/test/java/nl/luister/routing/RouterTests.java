package nl.luister.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTests {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	final Team dutch = new Team(1, "Dutch", Set.of("nl"), Set.of(), Set.of(), List.of());
	final Team dutchForum = new Team(2, "Dutch forum", Set.of("nl"), Set.of(Channel.FORUM), Set.of(), List.of());
	final Team brandX = new Team(3, "Brand X", Set.of(), Set.of(), Set.of(9L), List.of());
	final Team anything = new Team(4, "Anything", Set.of(), Set.of(), Set.of(), List.of());

	@Test
	void aTeamFitsWhenEverySkillItSetsMatchesAndMoreMatchingSkillsFitBetter() {
		assertThat(dutch.fit("nl", Channel.MASTODON, null)).isEqualTo(1);
		assertThat(dutchForum.fit("nl", Channel.FORUM, null)).isEqualTo(2);
		assertThat(dutchForum.fit("nl", Channel.EMAIL, null)).isEqualTo(-1);
		assertThat(dutch.fit("en", Channel.FORUM, null)).isEqualTo(-1);
		assertThat(brandX.fit("en", Channel.FORUM, 9L)).isEqualTo(1);
		assertThat(brandX.fit("en", Channel.FORUM, 8L)).isEqualTo(-1);
		assertThat(anything.fit(null, Channel.OTHER, null)).isZero();
		assertThat(dutch.fit(null, Channel.FORUM, null)).as("an unknown language rules nothing out").isZero();
	}

	@Test
	void theBestFittingTeamTakesTheCase() {
		Map<Long, Router.Agent> agents = agents(agent(10, "Ann", 0, null, 1), agent(11, "Bo", 0, null, 2), agent(12, "Cy", 0, null, 4));
		Router router = new Router(List.of(dutch, dutchForum, anything), agents, NOW);

		assertThat(router.decide(candidate(1, Channel.FORUM, "nl", null)).agentId()).isEqualTo(11);
		assertThat(router.decide(candidate(2, Channel.EMAIL, "nl", null)).agentId()).isEqualTo(10);
		assertThat(router.decide(candidate(3, Channel.EMAIL, "en", null)).agentId()).isEqualTo(12);
	}

	@Test
	void onEqualFitATeamWithSomeoneAvailableIsPreferred() {
		Team other = new Team(5, "Dutch too", Set.of("nl"), Set.of(), Set.of(), List.of());
		Router router = new Router(List.of(dutch, other), agents(agent(10, "Ann", 0, null, 5)), NOW);

		Router.Decision d = router.decide(candidate(1, Channel.EMAIL, "nl", null));

		assertThat(d.teamId()).isEqualTo(5);
		assertThat(d.agentId()).isEqualTo(10);
	}

	@Test
	void fewestOpenCasesThenLongestIdleAndEachAssignmentCountsAtOnce() {
		Router.Agent ann = agent(10, "Ann", 2, NOW.minusSeconds(60), 1);
		Router.Agent bo = agent(11, "Bo", 1, NOW.minusSeconds(30), 1);
		Router.Agent cy = agent(12, "Cy", 1, NOW.minusSeconds(600), 1);
		Router router = new Router(List.of(dutch), agents(ann, bo, cy), NOW);

		List<Router.Decision> decisions = router.decide(List.of(candidate(1, Channel.EMAIL, "nl", null),
				candidate(2, Channel.EMAIL, "nl", null), candidate(3, Channel.EMAIL, "nl", null)));

		assertThat(decisions).extracting(Router.Decision::agentId).containsExactly(12L, 11L, 10L);
		assertThat(decisions.getFirst().reason()).isEqualTo("to Cy: fewest open cases in team Dutch, idle longest");
		assertThat(ann.open).isEqualTo(3);
	}

	@Test
	void capacityPresenceAndMembershipDecideWhoIsAvailable() {
		Router.Agent full = new Router.Agent(10, "Full", Presence.ONLINE, 2, 2, null, Set.of(1L));
		Router.Agent away = new Router.Agent(11, "Away", Presence.AWAY, 5, 0, null, Set.of(1L));
		Router.Agent elsewhere = new Router.Agent(12, "Elsewhere", Presence.ONLINE, 5, 0, null, Set.of(4L));
		Router router = new Router(List.of(dutch), agents(full, away, elsewhere), NOW);

		Router.Decision d = router.decide(candidate(1, Channel.EMAIL, "nl", null));

		assertThat(d.agentId()).isNull();
		assertThat(d.teamId()).isEqualTo(1);
		assertThat(d.state()).isEqualTo("queue:1");
	}

	@Test
	void theLastAgentWhoHelpedIsPreferredOnlyWhenAvailableInTheTeam() {
		Router.Agent busy = agent(10, "Busy", 4, null, 1);
		Router.Agent idle = agent(11, "Idle", 0, null, 1);
		Router router = new Router(List.of(dutch), agents(busy, idle), NOW);

		assertThat(router.decide(candidate(1, Channel.EMAIL, "nl", 10L)).agentId()).isEqualTo(10);
		Router.Agent elsewhere = agent(12, "Elsewhere", 0, null, 4);
		Router other = new Router(List.of(dutch), agents(busy, idle, elsewhere), NOW);
		assertThat(other.decide(candidate(2, Channel.EMAIL, "nl", 12L)).agentId()).as("not in the case's team").isEqualTo(11);
	}

	@Test
	void aTeamAlreadyOnTheCaseWinsOverTheSkills() {
		Router router = new Router(List.of(dutch, anything), agents(agent(10, "Ann", 0, null, 1), agent(12, "Cy", 0, null, 4)), NOW);

		Router.Decision d = router.decide(new Router.Candidate(1, Channel.EMAIL, "nl", null, 4L, null, 1, false, NOW, null));

		assertThat(d.agentId()).isEqualTo(12);
	}

	@Test
	void urgentCasesGetScarceAgentsFirst() {
		Router router = new Router(List.of(dutch), agents(new Router.Agent(10, "Ann", Presence.ONLINE, 1, 0, null, Set.of(1L))), NOW);
		Router.Candidate old = new Router.Candidate(1, Channel.EMAIL, "nl", null, null, null, 3, false, NOW.minusSeconds(600), null);
		Router.Candidate escalated = new Router.Candidate(2, Channel.EMAIL, "nl", null, null, null, 5, true, NOW, null);

		List<Router.Decision> decisions = router.decide(List.of(old, escalated));

		assertThat(decisions).extracting(Router.Decision::caseId, Router.Decision::agentId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 10L), org.assertj.core.groups.Tuple.tuple(1L, null));
	}

	@Test
	void invalidTeamsAreRefusedNamingTheField() {
		assertThatThrownBy(() -> new Team(0, " ", null, null, null, null)).isInstanceOf(InvalidTeam.class).extracting("field").isEqualTo("name");
		assertThatThrownBy(() -> new Team(0, "x".repeat(101), null, null, null, null)).isInstanceOf(InvalidTeam.class);
		assertThatThrownBy(() -> new Team(0, "T", Set.of("<nl>"), null, null, null)).isInstanceOf(InvalidTeam.class)
			.extracting("field").isEqualTo("languages");
		assertThat(new Team(0, " <b>T</b> ", Set.of("NL", " en "), null, null, List.of(3L, 1L, 3L)))
			.satisfies(t -> {
				assertThat(t.name()).isEqualTo("<b>T</b>");
				assertThat(t.languages()).containsExactlyInAnyOrder("nl", "en");
				assertThat(t.memberIds()).containsExactly(1L, 3L);
			});
	}

	static Router.Candidate candidate(long id, Channel channel, String language, Long lastAgent) {
		return new Router.Candidate(id, channel, language, null, null, lastAgent, 3, false, NOW, null);
	}

	static Router.Agent agent(long id, String name, int open, Instant lastAssigned, long team) {
		return new Router.Agent(id, name, Presence.ONLINE, 10, open, lastAssigned, Set.of(team));
	}

	static Map<Long, Router.Agent> agents(Router.Agent... agents) {
		Map<Long, Router.Agent> map = new LinkedHashMap<>();
		for (Router.Agent a : agents) map.put(a.id, a);
		return map;
	}
}
