package nl.luister.routing;

import java.time.Instant;
import java.util.List;

/**
 * An agent as routing sees them now. Immutable snapshot.
 *
 * @param userId         the user
 * @param username       their sign-in name
 * @param name           their display name
 * @param presence       online, away or offline (offline when never set)
 * @param capacity       how many unresolved cases they take at most
 * @param open           how many unresolved cases they hold
 * @param lastAssignedAt when routing (or a manual pick through routing) last gave them a case; {@code null} if never
 * @param teamIds        the teams they are in
 */
public record AgentStatus(long userId, String username, String name, Presence presence, int capacity, int open, Instant lastAssignedAt,
		List<Long> teamIds) {

	/** Whether routing would give them a case of one of their teams now. */
	public boolean available() {
		return presence == Presence.ONLINE && open < capacity && !teamIds.isEmpty();
	}
}
