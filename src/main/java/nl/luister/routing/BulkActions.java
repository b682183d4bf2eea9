package nl.luister.routing;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseNotFound;
import nl.luister.cases.CaseStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions on a selection of cases from the inbox or the API: assign to an agent, move to a team (routed within it),
 * tag, resolve. All or nothing: one transaction; a missing case fails the whole action ({@link CaseNotFound}).
 * Every case gets its own history line, as if the action had been taken on it alone.
 */
@Service
public class BulkActions {

	/** The most cases one action takes. */
	public static final int MAX = 500;

	/** What to do to the selection. */
	public enum Action {
		ASSIGN, TEAM, TAG, RESOLVE;

		public static Action parse(String value) {
			if (value != null) {
				for (Action a : values()) if (a.name().equalsIgnoreCase(value.strip())) return a;
			}
			throw new IllegalArgumentException("unknown bulk action '" + value + "' (expected assign, team, tag or resolve)");
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private final CaseManagement cases;
	private final Routing routing;

	BulkActions(CaseManagement cases, Routing routing) {
		this.cases = cases;
		this.routing = routing;
	}

	/**
	 * Carries out the action on every case.
	 * @param assignee the user for {@link Action#ASSIGN} ({@code null}: unassign)
	 * @param teamId   the team for {@link Action#TEAM}
	 * @param tag      the tag for {@link Action#TAG} (1–40 characters)
	 * @return how many cases the action was applied to
	 * @throws IllegalArgumentException when the selection is empty or too large, or the action lacks its argument
	 */
	@Transactional
	public int apply(Collection<Long> caseIds, Action action, Long assignee, Long teamId, String tag, Long actorId) {
		List<Long> ids = caseIds.stream().distinct().toList();
		if (ids.isEmpty()) throw new IllegalArgumentException("select at least one case");
		if (ids.size() > MAX) throw new IllegalArgumentException("at most " + MAX + " cases at once, not " + ids.size());
		for (long id : ids) cases.summary(id);
		switch (action) {
			case ASSIGN -> {
				if (assignee == null) ids.forEach(id -> cases.assign(id, null, null, actorId));
				else routing.assignTo(ids, assignee, actorId);
			}
			case TEAM -> {
				if (teamId == null) throw new IllegalArgumentException("moving cases to a team needs the team");
				routing.moveToTeam(ids, teamId, actorId);
			}
			case TAG -> {
				String t = tag == null ? "" : tag.strip();
				if (t.isEmpty() || t.length() > 40) throw new IllegalArgumentException("a tag has 1 to 40 characters");
				cases.addTag(ids, t, actorId);
			}
			case RESOLVE -> ids.forEach(id -> cases.changeStatus(id, CaseStatus.RESOLVED, actorId));
		}
		return ids.size();
	}
}
