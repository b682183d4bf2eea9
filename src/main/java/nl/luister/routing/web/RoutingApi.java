package nl.luister.routing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.account.LuisterUser;
import nl.luister.account.User;
import nl.luister.account.Users;
import nl.luister.channel.Channel;
import nl.luister.routing.AgentStatus;
import nl.luister.routing.Agents;
import nl.luister.routing.BulkActions;
import nl.luister.routing.Presence;
import nl.luister.routing.Routing;
import nl.luister.routing.Team;
import nl.luister.routing.TeamNotFound;
import nl.luister.routing.Teams;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code /api/teams} (reading open to every user, changes for team leads and admins), {@code /api/agents} (presence
 * and capacity; an agent sets their own presence, leads anyone's), {@code /api/cases/{id}/route} (re-assign to a team
 * or an agent, or route now) and {@code /api/cases/bulk}. Invalid input answers 400, a missing team 404.
 */
@ApiController
class RoutingApi {

	private final Teams teams;
	private final Agents agents;
	private final Routing routing;
	private final BulkActions bulk;
	private final Users users;

	RoutingApi(Teams teams, Agents agents, Routing routing, BulkActions bulk, Users users) {
		this.teams = teams;
		this.agents = agents;
		this.routing = routing;
		this.bulk = bulk;
		this.users = users;
	}

	@GetMapping("/api/teams")
	List<TeamJson> teams() {
		Map<Long, Integer> queues = teams.queueSizes();
		return teams.list().stream().map(t -> TeamJson.of(t, queues.getOrDefault(t.id(), 0))).toList();
	}

	@GetMapping("/api/teams/{id}")
	TeamJson team(@PathVariable long id) {
		return TeamJson.of(teams.find(id).orElseThrow(() -> new TeamNotFound(id)), teams.queueSizes().getOrDefault(id, 0));
	}

	@PostMapping("/api/teams")
	ResponseEntity<TeamJson> create(@RequestBody TeamBody body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		Team t = teams.create(body.toTeam(0, this::userId));
		return ResponseEntity.created(URI.create("/api/teams/" + t.id())).body(TeamJson.of(t, 0));
	}

	@PutMapping("/api/teams/{id}")
	TeamJson update(@PathVariable long id, @RequestBody TeamBody body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		Team t = teams.update(body.toTeam(id, this::userId));
		return TeamJson.of(t, teams.queueSizes().getOrDefault(id, 0));
	}

	@DeleteMapping("/api/teams/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		teams.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/agents")
	List<AgentStatus> agents() {
		return agents.list();
	}

	/** {@code {"presence": "online", "capacity": 8}}, both optional; {@code me} or a user id (team leads only for others and for capacity). */
	@PatchMapping("/api/agents/{who}")
	AgentStatus agent(@PathVariable String who, @RequestBody AgentBody body, @AuthenticationPrincipal LuisterUser me) {
		long id = "me".equals(who) ? me.id().value() : Long.parseLong(who);
		if (id != me.id().value() || body.capacity() != null) lead(me);
		users.findById(new nl.luister.account.UserId(id)).filter(User::enabled)
			.orElseThrow(() -> new IllegalArgumentException("no enabled user with id " + id));
		if (body.capacity() != null) agents.setCapacity(id, body.capacity());
		if (body.presence() != null) agents.setPresence(id, Presence.parse(body.presence()));
		return agents.status(id).orElseThrow();
	}

	/**
	 * {@code {"team": 3}} moves the case to a team and routes it there; {@code {"agent": "anna"}} assigns it to an agent;
	 * {@code {}} routes an unassigned case now.
	 */
	@PostMapping("/api/cases/{id}/route")
	Map<String, Object> route(@PathVariable long id, @RequestBody(required = false) RouteBody body, @AuthenticationPrincipal LuisterUser me) {
		RouteBody b = body == null ? new RouteBody(null, null) : body;
		if (b.team() != null && b.agent() != null) throw new IllegalArgumentException("give a team or an agent, not both");
		Set<Long> assigned;
		if (b.agent() != null) {
			routing.assignTo(List.of(id), userId(b.agent()), me.id().value());
			assigned = Set.of(id);
		}
		else if (b.team() != null) assigned = routing.moveToTeam(List.of(id), b.team(), me.id().value());
		else assigned = routing.route(List.of(id));
		return Map.of("case", id, "assigned", assigned.contains(id));
	}

	/** {@code {"cases": [1, 2], "action": "assign|team|tag|resolve", "agent": "anna", "team": 3, "tag": "pers"}}. */
	@PostMapping("/api/cases/bulk")
	Map<String, Object> bulk(@RequestBody BulkBody body, @AuthenticationPrincipal LuisterUser me) {
		BulkActions.Action action = BulkActions.Action.parse(body.action());
		Long agent = body.agent() == null || body.agent().isBlank() ? null : userId(body.agent());
		int n = bulk.apply(body.cases() == null ? List.of() : body.cases(), action, agent, body.team(), body.tag(), me.id().value());
		return Map.of("action", action.key(), "cases", n);
	}

	private long userId(String username) {
		return users.findByUsername(username.strip()).orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"))
			.id().value();
	}

	private static void lead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("teams and capacity are managed by team leads");
	}

	record TeamBody(String name, List<String> languages, List<String> channels, List<Long> brands, List<String> members) {

		Team toTeam(long id, java.util.function.ToLongFunction<String> userId) {
			Set<Channel> ch = new java.util.LinkedHashSet<>();
			if (channels != null) for (String c : channels) ch.add(Channel.parse(c));
			return new Team(id, name, languages == null ? Set.of() : new java.util.LinkedHashSet<>(languages), ch,
					brands == null ? Set.of() : Set.copyOf(brands), members == null ? List.of() : members.stream().map(m -> m.strip().matches("\\d+") ? Long.parseLong(m.strip()) : userId.applyAsLong(m)).toList());
		}
	}

	record TeamJson(long id, String name, List<String> languages, List<String> channels, List<Long> brands, List<Long> members, int waiting) {

		static TeamJson of(Team t, int waiting) {
			return new TeamJson(t.id(), t.name(), t.languages().stream().sorted().toList(), t.channels().stream().map(Channel::key).sorted().toList(),
					t.brandIds().stream().sorted().toList(), t.memberIds(), waiting);
		}
	}

	record AgentBody(String presence, Integer capacity) {
	}

	record RouteBody(Long team, String agent) {
	}

	record BulkBody(List<Long> cases, String action, String agent, Long team, String tag) {
	}
}
