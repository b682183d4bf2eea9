package nl.luister.routing;

import java.util.List;
import java.util.Optional;

import nl.luister.account.LuisterUser;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' presence and capacity. Signing in on the web sets the agent online, and signing out or a session that
 * ends (it expired: the agent closed the browser or walked away) offline, so routing never hands cases to someone who
 * is gone (API calls with HTTP Basic change nothing); an agent coming online or getting more room moves the queues at once
 * ({@link Routing#drain}). Thread-safe; every method runs in its own transaction or joins the caller's.
 */
@Service
public class Agents {

	private final RoutingStore store;
	private final Routing routing;

	Agents(RoutingStore store, Routing routing) {
		this.store = store;
		this.routing = routing;
	}

	/** Every enabled user as an agent, by name. */
	public List<AgentStatus> list() {
		return store.agentStatuses();
	}

	public Optional<AgentStatus> status(long userId) {
		return store.agentStatus(userId);
	}

	/** The user's presence; {@link Presence#OFFLINE} when never set. */
	public Presence presence(long userId) {
		return store.presence(userId);
	}

	/** Sets a user's presence; coming online gives them waiting cases of their teams. */
	@Transactional
	public void setPresence(long userId, Presence presence) {
		// routing's lock before any row: a drain after this must not wait for the pipeline while holding the agent's row
		store.lock();
		Presence before = store.setPresence(userId, presence);
		if (presence == Presence.ONLINE && before != Presence.ONLINE) routing.drain();
	}

	/**
	 * Sets how many unresolved cases routing gives the user at most (0–1000); more room gives them waiting cases.
	 * @throws InvalidTeam when the capacity is out of range
	 */
	@Transactional
	public void setCapacity(long userId, int capacity) {
		if (capacity < 0 || capacity > 1000) throw new InvalidTeam("capacity", "routing.error.capacity");
		store.lock();
		store.setCapacity(userId, capacity);
		routing.drain();
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof LuisterUser user) setPresence(user.id().value(), Presence.ONLINE);
	}

	/** A web session ended without signing out (it timed out): its agent is gone. */
	@EventListener
	void sessionEnded(HttpSessionDestroyedEvent event) {
		for (SecurityContext context : event.getSecurityContexts()) {
			if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof LuisterUser user
					&& presence(user.id().value()) != Presence.OFFLINE) {
				setPresence(user.id().value(), Presence.OFFLINE);
			}
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof LuisterUser user) {
			setPresence(user.id().value(), Presence.OFFLINE);
		}
	}
}
