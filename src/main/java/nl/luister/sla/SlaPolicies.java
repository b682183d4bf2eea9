package nl.luister.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.luister.channel.Channel;

import org.springframework.stereotype.Service;

/**
 * Which policy and which calendar apply to a case. Reads the (small) policy and calendar tables into a {@link Settings}
 * snapshot per batch of work, so a change made on another node counts from the next batch and nothing is cached
 * between requests. Thread-safe.
 */
@Service
public class SlaPolicies {

	private final SlaStore store;

	SlaPolicies(SlaStore store) {
		this.store = store;
	}

	/** The policies (in position order) and calendars as they are now. */
	public Settings settings() {
		List<BusinessCalendar> calendars = store.calendars();
		Map<Long, Long> teamCalendars = new java.util.HashMap<>();
		for (TeamCalendar t : store.teamCalendars()) if (t.calendarId() != null) teamCalendars.put(t.teamId(), t.calendarId());
		return new Settings(store.policies(), calendars.stream().collect(Collectors.toUnmodifiableMap(BusinessCalendar::id, Function.identity())),
				teamCalendars);
	}

	/** What decides a case's policy and calendar: its channel and severity ({@code null} before triage), and its team ({@code null}: none). */
	public record CaseKey(long caseId, Channel channel, Integer severity, Long teamId) {
	}

	/** Policies in position order, calendars by id and the teams' own calendars (team id to calendar id); immutable. */
	public record Settings(List<SlaPolicy> policies, Map<Long, BusinessCalendar> calendars, Map<Long, Long> teamCalendars) {

		public Settings {
			policies = List.copyOf(policies);
			calendars = Map.copyOf(calendars);
			teamCalendars = Map.copyOf(teamCalendars);
		}

		/** Settings without team calendars. */
		public Settings(List<SlaPolicy> policies, Map<Long, BusinessCalendar> calendars) {
			this(policies, calendars, Map.of());
		}

		/** The policy for a case of this channel and severity: the most specific match, then the lowest position. */
		public Optional<SlaPolicy> policyFor(Channel channel, Integer severity) {
			return policies.stream()
				.filter(p -> p.matches(channel, severity))
				.min(Comparator.comparingInt((SlaPolicy p) -> -p.specificity()).thenComparingInt(SlaPolicy::position)
					.thenComparing(p -> p.id() == null ? Long.MAX_VALUE : p.id()));
		}
	}

	/**
	 * The calendar that times a case's clocks. Every decision about a case's calendar goes through here: the calendar
	 * of the case's team when the team has its own (business hours and holidays per team), else the policy's.
	 *
	 * @param kase     the case as the clocks see it
	 * @param policy   the policy that applies to the case
	 * @param settings the snapshot the caller works with
	 * @return the calendar; never null
	 * @throws IllegalStateException when the policy's calendar no longer exists (the schema forbids it)
	 */
	public BusinessCalendar calendarFor(CaseKey kase, SlaPolicy policy, Settings settings) {
		Long team = kase.teamId() == null ? null : settings.teamCalendars().get(kase.teamId());
		if (team != null && settings.calendars().containsKey(team)) return settings.calendars().get(team);
		BusinessCalendar c = settings.calendars().get(policy.calendarId());
		if (c == null) throw new IllegalStateException("policy '" + policy.name() + "' names calendar " + policy.calendarId() + ", which does not exist");
		return c;
	}
}
