package nl.luister.triage;

import java.util.List;

/**
 * The proportional response to a case: who handles it, who must be informed and who need not be. Roles are
 * the codes {@code agent}, {@code senior}, {@code lead}, {@code communications} and {@code management}, shown through
 * {@code triage.role.<code>}.
 */
public record Recommendation(String handler, List<String> inform, List<String> notNeeded) {

	public Recommendation {
		inform = List.copyOf(inform);
		notNeeded = List.copyOf(notNeeded);
	}
}
