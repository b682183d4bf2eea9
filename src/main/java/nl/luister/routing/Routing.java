package nl.luister.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.account.User;
import nl.luister.account.UserId;
import nl.luister.account.UserLeaving;
import nl.luister.account.Users;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CasesChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes cases: the pipeline hands it the cases a batch touched ({@link #route}), right after triage and in the
 * batch's transaction; each unassigned, unresolved one gets a team by skills (a team already on the case, set by a
 * rule or an earlier decision, wins) and an available agent of that team, or waits in the team's queue
 * ({@link Router} decides). Set-based: a batch costs four statements plus the writes, whatever its size.
 *
 * <p>Queues move ({@link #drain}) when an agent comes online, gets more capacity or joins a team, and after any case
 * change that can free capacity (a resolved case). An agent who is disabled or deleted hands their unresolved
 * cases back to routing in the same transaction. Every decision is a line in the case's history with its reason;
 * a case that keeps waiting is not logged again.
 *
 * <p>Thread-safe: decisions are made one at a time under a transaction-scoped advisory lock, so the pipeline and a
 * drain never give the same agent more than their capacity. Never takes a case from an agent, except on an explicit
 * re-assignment ({@link #moveToTeam}).
 */
@Service
public class Routing {

	private static final Logger log = LoggerFactory.getLogger(Routing.class);

	private static final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> false);

	private final RoutingStore store;
	private final CaseManagement cases;
	private final Users users;
	private final TransactionTemplate separate;

	Routing(RoutingStore store, CaseManagement cases, Users users, PlatformTransactionManager transactions) {
		this.store = store;
		this.cases = cases;
		this.users = users;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Routes the unassigned, unresolved cases among these (others are left alone); joins the caller's transaction.
	 * Does nothing while no team exists.
	 * @return the ids of the cases given to an agent
	 */
	@Transactional
	public Set<Long> route(Collection<Long> caseIds) {
		return route(caseIds, new long[0]);
	}

	private Set<Long> route(Collection<Long> caseIds, long[] excluded) {
		if (caseIds.isEmpty()) return Set.of();
		List<Team> teams = store.teams();
		if (teams.isEmpty()) return Set.of();
		store.lock();
		List<Router.Candidate> candidates = store.candidates(caseIds);
		if (candidates.isEmpty()) return Set.of();
		Map<Long, Router.Agent> agents = store.onlineAgents(excluded);
		Map<Long, Router.Candidate> byId = new HashMap<>();
		for (Router.Candidate c : candidates) byId.put(c.caseId(), c);
		List<Router.Decision> decisions = new Router(teams, agents, Instant.now()).decide(candidates);
		return carryOut(decisions, byId);
	}

	private Set<Long> carryOut(List<Router.Decision> decisions, Map<Long, Router.Candidate> candidates) {
		Map<Long, Long> toAssign = new LinkedHashMap<>();
		Map<Long, String> reasons = new HashMap<>();
		Map<Long, String> queued = new LinkedHashMap<>();
		Map<Long, String> unrouted = new LinkedHashMap<>();
		for (Router.Decision d : decisions) {
			if (d.agentId() != null) {
				toAssign.put(d.caseId(), d.agentId());
				reasons.put(d.caseId(), d.reason());
				continue;
			}
			// a case that keeps waiting where it waited is not logged again
			if (d.state().equals(candidates.get(d.caseId()).state())) continue;
			(d.teamId() == null ? unrouted : queued).put(d.caseId(), d.reason());
		}
		store.saveDecisions(decisions);
		Set<Long> assigned = cases.routeUnassigned(toAssign, reasons);
		List<Long> busy = new ArrayList<>();
		toAssign.forEach((caseId, agent) -> {
			if (assigned.contains(caseId)) busy.add(agent);
		});
		store.assigned(busy);
		cases.recordAll("queued", queued);
		cases.recordAll("unrouted", unrouted);
		return assigned;
	}

	/**
	 * Gives waiting cases to the agents available now, most urgent first (escalated, severity, then oldest), as many as
	 * they have room for; joins the caller's transaction.
	 * @return the ids of the cases given to an agent
	 */
	@Transactional
	public Set<Long> drain() {
		Set<Long> all = new java.util.LinkedHashSet<>();
		while (true) {
			if (!store.anyQueued()) return all;
			store.lock();
			Map<Long, Router.Agent> agents = store.onlineAgents(new long[0]);
			Map<Long, Integer> room = new HashMap<>();
			for (Router.Agent a : agents.values()) {
				for (long team : a.teams) room.merge(team, Math.max(0, a.capacity - a.open), Integer::sum);
			}
			room.values().removeIf(n -> n == 0);
			if (room.isEmpty()) return all;
			int limit = room.values().stream().mapToInt(Integer::intValue).sum();
			List<Long> waiting = store.queued(room.keySet().stream().mapToLong(Long::longValue).toArray(), Math.min(limit, 500));
			if (waiting.isEmpty()) return all;
			Set<Long> assigned = route(waiting, new long[0]);
			all.addAll(assigned);
			if (assigned.isEmpty() || waiting.size() < 500) return all;
		}
	}

	/**
	 * Re-assigns cases to a team by hand: they leave whoever had them, join the team's queue and are routed within
	 * the team at once. Logged on each case with the acting user.
	 * @throws TeamNotFound when the team does not exist
	 */
	@Transactional
	public Set<Long> moveToTeam(Collection<Long> caseIds, long teamId, Long actorId) {
		Team team = store.team(teamId).orElseThrow(() -> new TeamNotFound(teamId));
		store.lock();
		Map<Long, Long> before = store.moveToTeam(caseIds.stream().mapToLong(Long::longValue).toArray(), teamId);
		for (long caseId : before.keySet()) cases.record(caseId, actorId, "team", "to team " + team.name());
		return route(before.keySet());
	}

	/**
	 * Assigns cases to an agent by hand (the manual pick): each is logged like any assignment, and the agent counts as
	 * just assigned for "longest idle". Capacity and presence do not stop a person's choice.
	 * @throws IllegalArgumentException when the user does not exist or is disabled
	 */
	@Transactional
	public void assignTo(Collection<Long> caseIds, long userId, Long actorId) {
		User user = users.findById(new UserId(userId)).filter(User::enabled)
			.orElseThrow(() -> new IllegalArgumentException("no enabled user with id " + userId));
		for (long caseId : caseIds) cases.assign(caseId, user.id().value(), user.displayName(), actorId);
		store.assigned(List.of(userId));
	}

	/**
	 * Sets the team of cases nobody has yet (a rule's team assignment); a case with an assignee keeps everything.
	 * @return the ids of the cases whose team was set
	 */
	@Transactional
	public Set<Long> setTeamOfUnassigned(Map<Long, Long> teamByCase) {
		if (teamByCase.isEmpty()) return Set.of();
		return store.setTeamOfUnassigned(teamByCase);
	}

	/** A user who is disabled or deleted hands back their unresolved cases: each is logged and routed again without them. */
	@EventListener
	void userLeaving(UserLeaving leaving) {
		long id = leaving.id().value();
		// routing's lock before touching their cases: the pipeline may hold it and wait for those rows
		store.lock();
		store.setPresence(id, Presence.OFFLINE);
		List<Long> released = cases.releaseAll(id, leaving.displayName() + (leaving.deleted() ? " was deleted" : " was disabled")
				+ ": the case goes back to routing");
		if (released.isEmpty()) return;
		Set<Long> assigned = route(released, new long[] { id });
		log.info("User {} left holding {} unresolved cases: {} routed to other agents, the rest wait", id, released.size(), assigned.size());
	}

	/** After a change that may free an agent's capacity (a case resolved, moved or unassigned), the queues move. */
	@TransactionalEventListener(fallbackExecution = true)
	void casesChanged(CasesChanged changed) {
		if (changed.changed().isEmpty() || draining.get()) return;
		draining.set(true);
		try {
			separate.executeWithoutResult(status -> drain());
		}
		finally {
			draining.set(false);
		}
	}
}
