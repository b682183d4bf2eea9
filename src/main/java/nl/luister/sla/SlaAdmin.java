package nl.luister.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.luister.channel.Channel;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages calendars, holidays and policies (team leads and admins; the controllers check the role). Every change
 * brings the clocks of the open cases up to date in the same transaction, so the inbox never shows a due time of a
 * policy or calendar that no longer holds. Errors: {@link InvalidSla} for input that cannot be saved (with the field and
 * the message), {@link SlaNotFound} for an unknown id.
 */
@Service
public class SlaAdmin {

	private final SlaStore store;
	private final SlaPolicies policies;
	private final SlaClocks clocks;

	SlaAdmin(SlaStore store, SlaPolicies policies, SlaClocks clocks) {
		this.store = store;
		this.policies = policies;
		this.clocks = clocks;
	}

	public List<BusinessCalendar> calendars() {
		return store.calendars();
	}

	public BusinessCalendar calendar(long id) {
		return store.calendars().stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> new SlaNotFound("calendar", id));
	}

	public List<SlaPolicy> policies() {
		return store.policies();
	}

	public SlaPolicy policy(long id) {
		return store.policy(id).orElseThrow(() -> new SlaNotFound("policy", id));
	}

	@Transactional
	public BusinessCalendar createCalendar(String name, String zone, boolean alwaysOpen, List<Opening> hours) {
		BusinessCalendar c = new BusinessCalendar(null, name, zone, alwaysOpen, hours, List.of());
		uniqueName(c.name(), null);
		return calendar(store.insertCalendar(c));
	}

	@Transactional
	public BusinessCalendar updateCalendar(long id, String name, String zone, boolean alwaysOpen, List<Opening> hours) {
		BusinessCalendar old = calendar(id);
		BusinessCalendar c = new BusinessCalendar(id, name, zone, alwaysOpen, hours, old.holidays());
		uniqueName(c.name(), id);
		store.updateCalendar(id, c);
		clocks.refreshOpen(Instant.now());
		return calendar(id);
	}

	/** Deletes a calendar no policy uses. */
	@Transactional
	public void deleteCalendar(long id) {
		BusinessCalendar c = calendar(id);
		List<String> using = store.policiesUsing(id);
		if (!using.isEmpty())
			throw new InvalidSla("calendar", "sla.error.calendarInUse", "calendar '" + c.name() + "' is used by policy " + String.join(", ", using),
					c.name(), String.join(", ", using));
		store.deleteCalendar(id);
		// a team that had it falls back to its policies' calendars
		clocks.refreshOpen(Instant.now());
	}

	/** The teams with their own calendars, if any. */
	public List<TeamCalendar> teamCalendars() {
		return store.teamCalendars();
	}

	/** Gives a team its own calendar ({@code null}: its cases are timed by their policy's calendar) and re-times open cases. */
	@Transactional
	public void setTeamCalendar(long teamId, Long calendarId) {
		if (calendarId != null) calendar(calendarId);
		if (!store.setTeamCalendar(teamId, calendarId)) throw new SlaNotFound("team", teamId);
		clocks.refreshOpen(Instant.now());
	}

	@Transactional
	public Holiday addHoliday(long calendarId, Holiday holiday) {
		calendar(calendarId);
		long id = store.insertHoliday(calendarId, holiday);
		store.touchCalendar(calendarId);
		clocks.refreshOpen(Instant.now());
		return new Holiday(id, holiday.day(), holiday.name(), holiday.yearly());
	}

	@Transactional
	public void removeHoliday(long calendarId, long holidayId) {
		if (!store.deleteHoliday(calendarId, holidayId)) throw new SlaNotFound("holiday", holidayId);
		clocks.refreshOpen(Instant.now());
	}

	@Transactional
	public SlaPolicy createPolicy(SlaPolicy p) {
		knownCalendar(p.calendarId());
		long id = store.insertPolicy(p);
		clocks.refreshOpen(Instant.now());
		return policy(id);
	}

	@Transactional
	public SlaPolicy updatePolicy(long id, SlaPolicy p) {
		policy(id);
		knownCalendar(p.calendarId());
		store.updatePolicy(id, p);
		clocks.refreshOpen(Instant.now());
		return policy(id);
	}

	@Transactional
	public void deletePolicy(long id) {
		if (!store.deletePolicy(id)) throw new SlaNotFound("policy", id);
		clocks.refreshOpen(Instant.now());
	}

	/** Moves a policy up ({@code by} < 0) or down among the policies of the same order; positions stay 1..n. */
	@Transactional
	public void move(long id, int by) {
		List<SlaPolicy> all = new ArrayList<>(store.policies());
		int i = -1;
		for (int k = 0; k < all.size(); k++) if (all.get(k).id() == id) i = k;
		if (i < 0) throw new SlaNotFound("policy", id);
		int j = Math.max(0, Math.min(all.size() - 1, i + by));
		all.add(j, all.remove(i));
		for (int k = 0; k < all.size(); k++) store.setPosition(all.get(k).id(), k + 1);
		clocks.refreshOpen(Instant.now());
	}

	/** A policy as entered: {@code channel} and {@code severity} blank or {@code any} mean any. */
	public static SlaPolicy policyOf(String name, String channel, String severity, long calendarId, Integer firstResponse, Integer nextResponse,
			Integer resolution, boolean escalate) {
		Channel ch = channel == null || channel.isBlank() || channel.equalsIgnoreCase("any") ? null : channel(channel);
		Integer sev;
		if (severity == null || severity.isBlank() || severity.equalsIgnoreCase("any")) sev = null;
		else {
			try {
				sev = Integer.valueOf(severity.strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidSla("severity", "sla.error.severity", "severity must be 1 to 5 (or any), not '" + severity + "'", severity);
			}
		}
		return new SlaPolicy(null, name, ch, sev, 0, calendarId, firstResponse, nextResponse, resolution, escalate);
	}

	private static Channel channel(String channel) {
		try {
			return Channel.parse(channel);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidSla("channel", "sla.error.channel", e.getMessage(), channel);
		}
	}

	private void knownCalendar(long id) {
		if (!store.calendarExists(id)) throw new InvalidSla("calendar", "sla.error.calendar", "no calendar with id " + id + " (create one first)", id);
	}

	private void uniqueName(String name, Long exceptId) {
		if (store.calendarNameTaken(name, exceptId))
			throw new InvalidSla("name", "sla.error.calendarNameTaken", "a calendar named '" + name + "' exists already", name);
	}

	/** The snapshot the clocks use now. */
	public SlaPolicies.Settings settings() {
		return policies.settings();
	}
}
