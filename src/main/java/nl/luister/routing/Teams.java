package nl.luister.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams and their members, managed by team leads. A change of skills or members moves the queues
 * ({@link Routing#drain}); deleting a team sends the cases waiting in its queue back to routing. Thread-safe.
 */
@Service
public class Teams {

	private final RoutingStore store;
	private final Routing routing;

	Teams(RoutingStore store, Routing routing) {
		this.store = store;
		this.routing = routing;
	}

	/** All teams, oldest first. */
	public List<Team> list() {
		return store.teams();
	}

	public Optional<Team> find(long id) {
		return store.team(id);
	}

	/** The brands a team can be limited to, id → name, by name. */
	public Map<Long, String> brands() {
		return store.brands();
	}

	/** The id of the team a case belongs to (set by routing, a rule or by hand), if any. */
	public Optional<Long> teamOf(long caseId) {
		return store.teamOf(caseId);
	}

	/** How many cases wait in each team's queue; teams without waiting cases are absent. */
	public Map<Long, Integer> queueSizes() {
		return store.queueSizes();
	}

	/**
	 * Creates a team (its {@code id} is ignored).
	 * @throws InvalidTeam when the name is taken
	 */
	@Transactional
	public Team create(Team team) {
		store.lock();
		long id = store.save(new Team(0, team.name(), team.languages(), team.channels(), team.brandIds(), team.memberIds()))
			.orElseThrow(() -> new InvalidTeam("name", "routing.error.nameTaken"));
		routing.drain();
		return store.team(id).orElseThrow();
	}

	/**
	 * Replaces a team's name, skills and members; cases already with an agent stay with them.
	 * @throws TeamNotFound when the team does not exist
	 * @throws InvalidTeam when the name is taken by another team
	 */
	@Transactional
	public Team update(Team team) {
		store.lock();
		store.team(team.id()).orElseThrow(() -> new TeamNotFound(team.id()));
		store.save(team).orElseThrow(() -> new InvalidTeam("name", "routing.error.nameTaken"));
		routing.drain();
		return store.team(team.id()).orElseThrow();
	}

	/**
	 * Deletes a team; the cases waiting in its queue are routed again (to another team that fits, or none).
	 * @throws TeamNotFound when the team does not exist
	 */
	@Transactional
	public void delete(long id) {
		store.lock();
		List<Long> waiting = store.queueOf(id);
		if (!store.deleteTeam(id)) throw new TeamNotFound(id);
		routing.route(waiting);
	}
}
