package nl.luister.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.channel.Channel;

/**
 * The routing decisions for one batch, in memory: the team by skills (a team already on the case wins: a rule's or
 * an earlier decision's), then the agent: the last agent who helped the customer when available, else the available
 * team member with the fewest open cases, ties by longest idle. Available: online, enabled, in the team, fewer open
 * cases than their capacity. Each assignment counts against the agent at once, so one batch never overloads anyone.
 * Not thread-safe: one instance per batch.
 */
final class Router {

	/** A case as routing sees it. {@code teamId} is the team already on the case; {@code lastAgentId} who last helped the customer. */
	record Candidate(long caseId, Channel channel, String language, Long brandId, Long teamId, Long lastAgentId, int severity,
			boolean escalated, Instant openedAt, String state) {
	}

	/** An agent's load during the batch; {@code open} and {@code lastAssignedAt} change as the batch assigns. */
	static final class Agent {
		final long id;
		final String name;
		final Presence presence;
		final int capacity;
		final Set<Long> teams;
		int open;
		Instant lastAssignedAt;

		Agent(long id, String name, Presence presence, int capacity, int open, Instant lastAssignedAt, Set<Long> teams) {
			this.id = id;
			this.name = name;
			this.presence = presence;
			this.capacity = capacity;
			this.open = open;
			this.lastAssignedAt = lastAssignedAt;
			this.teams = teams;
		}

		boolean availableIn(long teamId) {
			return presence == Presence.ONLINE && open < capacity && teams.contains(teamId);
		}
	}

	/**
	 * What routing does to a case: {@code teamId} (may be {@code null}: no team fits), {@code agentId} ({@code null}: it
	 * waits), {@code state} a short key of the outcome (only a changed state is logged again), {@code reason} the line
	 * for the case's history.
	 */
	record Decision(long caseId, Long teamId, Long agentId, String state, String reason) {
	}

	static final Comparator<Candidate> URGENT_FIRST = Comparator.comparing(Candidate::escalated).reversed()
		.thenComparing(Comparator.comparingInt(Candidate::severity).reversed())
		.thenComparing(Candidate::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(Candidate::caseId);

	private static final Comparator<Agent> LEAST_LOADED = Comparator.<Agent> comparingInt(a -> a.open)
		.thenComparing(a -> a.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparingLong(a -> a.id);

	private final List<Team> teams;
	private final Map<Long, Team> teamsById;
	private final Map<Long, Agent> agents;
	private final Instant now;

	Router(List<Team> teams, Map<Long, Agent> agents, Instant now) {
		this.teams = teams;
		this.teamsById = new java.util.HashMap<>();
		for (Team t : teams) teamsById.put(t.id(), t);
		this.agents = agents;
		this.now = now;
	}

	/** Decides for each case, most urgent first (so the scarce agents go to those). */
	List<Decision> decide(List<Candidate> candidates) {
		List<Candidate> ordered = new ArrayList<>(candidates);
		ordered.sort(URGENT_FIRST);
		List<Decision> decisions = new ArrayList<>(ordered.size());
		for (Candidate c : ordered) decisions.add(decide(c));
		return decisions;
	}

	Decision decide(Candidate c) {
		Team team = c.teamId() == null ? null : teamsById.get(c.teamId());
		if (team == null) team = bestTeam(c);
		if (team == null) {
			return new Decision(c.caseId(), null, null, "none",
					"no team has the skills for this case (language " + (c.language() == null ? "unknown" : c.language()) + ", channel "
							+ c.channel().key() + ")");
		}
		long teamId = team.id();
		Agent last = c.lastAgentId() == null ? null : agents.get(c.lastAgentId());
		if (last != null && last.availableIn(teamId)) {
			return assign(c, team, last, "last agent who helped this customer, in team " + team.name());
		}
		Agent best = null;
		int available = 0;
		for (Agent a : agents.values()) {
			if (!a.availableIn(teamId)) continue;
			available++;
			if (best == null || LEAST_LOADED.compare(a, best) < 0) best = a;
		}
		if (best == null) {
			return new Decision(c.caseId(), teamId, null, "queue:" + teamId,
					"waits in the queue of team " + team.name() + ": no agent is online with room for another case");
		}
		boolean tie = false;
		for (Agent a : agents.values()) {
			if (a != best && a.availableIn(teamId) && a.open == best.open) tie = true;
		}
		return assign(c, team, best, "fewest open cases in team " + team.name() + (tie ? ", idle longest" : "")
				+ (available == 1 ? " (the only one available)" : ""));
	}

	private Decision assign(Candidate c, Team team, Agent agent, String why) {
		agent.open++;
		agent.lastAssignedAt = now;
		return new Decision(c.caseId(), team.id(), agent.id, "agent:" + agent.id, "to " + agent.name + ": " + why);
	}

	/** The team that fits best; on a tie the one with an agent available, then the oldest team. */
	private Team bestTeam(Candidate c) {
		Team best = null;
		int bestFit = -1;
		boolean bestAvailable = false;
		for (Team t : teams) {
			int fit = t.fit(c.language(), c.channel(), c.brandId());
			if (fit < 0 || fit < bestFit) continue;
			boolean available = hasAvailable(t.id());
			if (fit > bestFit || (available && !bestAvailable)) {
				best = t;
				bestFit = fit;
				bestAvailable = available;
			}
		}
		return best;
	}

	private boolean hasAvailable(long teamId) {
		for (Agent a : agents.values()) if (a.availableIn(teamId)) return true;
		return false;
	}
}
