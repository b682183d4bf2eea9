package nl.luister.sla.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.luister.account.LuisterUser;
import nl.luister.sla.BusinessCalendar;
import nl.luister.sla.CaseClock;
import nl.luister.sla.Holiday;
import nl.luister.sla.InvalidSla;
import nl.luister.sla.Opening;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaClocks;
import nl.luister.sla.SlaFigures;
import nl.luister.sla.SlaPolicy;
import nl.luister.sla.TeamCalendar;
import nl.luister.sla.SlaWatch;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/sla}: calendars with their hours and holidays, policies, the clock of a case, its breaches, and the
 * compliance figures. Reading is open to every user; changes are for team leads and admins. Input that cannot be saved
 * answers 400 with the reason (overlapping hours, an unknown time zone, a negative target ...), an unknown id 404.
 */
@ApiController
class SlaApi {

	private final SlaAdmin sla;
	private final SlaClocks clocks;
	private final SlaFigures figures;
	private final SlaWatch watch;

	SlaApi(SlaAdmin sla, SlaClocks clocks, SlaFigures figures, SlaWatch watch) {
		this.sla = sla;
		this.clocks = clocks;
		this.figures = figures;
		this.watch = watch;
	}

	/** Opening hours as posted: {@code {"day": "MONDAY", "from": "09:00", "to": "17:00"}}. */
	record HoursJson(String day, String from, String to) {
	}

	record HolidayJson(Long id, LocalDate day, String name, Boolean yearly) {
	}

	record CalendarJson(Long id, String name, String zone, Boolean alwaysOpen, List<HoursJson> hours, List<HolidayJson> holidays) {
		static CalendarJson of(BusinessCalendar c) {
			return new CalendarJson(c.id(), c.name(), c.zone().getId(), c.alwaysOpen(),
					c.alwaysOpen() ? List.of() : c.hours().stream().map(o -> new HoursJson(o.day().name(), o.fromText(), o.toText())).toList(),
					c.holidays().stream().map(h -> new HolidayJson(h.id(), h.day(), h.name(), h.yearly())).toList());
		}

		List<Opening> openings() {
			List<Opening> out = new ArrayList<>();
			if (hours != null) for (HoursJson h : hours) out.add(Opening.of(day(h.day()), h.from(), h.to()));
			return out;
		}
	}

	/** A policy: {@code channel} and {@code severity} null for any; targets in business minutes, null for none. */
	record PolicyJson(Long id, String name, String channel, Integer severity, Integer position, Long calendarId, Integer firstResponseMinutes,
			Integer nextResponseMinutes, Integer resolutionMinutes, Boolean escalate) {
		static PolicyJson of(SlaPolicy p) {
			return new PolicyJson(p.id(), p.name(), p.channel() == null ? null : p.channel().key(), p.severity(), p.position(), p.calendarId(),
					p.firstResponseMinutes(), p.nextResponseMinutes(), p.resolutionMinutes(), p.escalate());
		}

		SlaPolicy policy() {
			if (calendarId == null) throw new InvalidSla("calendar", "sla.error.calendarMissing", "a policy needs a calendar (calendarId)");
			return SlaAdmin.policyOf(name, channel, severity == null ? null : severity.toString(), calendarId, firstResponseMinutes,
					nextResponseMinutes, resolutionMinutes, Boolean.TRUE.equals(escalate));
		}
	}

	record ClockJson(long caseId, String kind, Instant due, Instant warnAt, int targetMinutes, String state, long secondsLeft) {
		static ClockJson of(CaseClock k) {
			return new ClockJson(k.caseId(), k.kind().name(), k.due(), k.warn(), k.targetMinutes(), k.state().name(), k.left().toSeconds());
		}
	}

	record BreachJson(long id, long caseId, String kind, Instant dueAt, Instant breachedAt, Long policyId, boolean escalated) {
	}

	@GetMapping("/api/sla/calendars")
	List<CalendarJson> calendars() {
		return sla.calendars().stream().map(CalendarJson::of).toList();
	}

	@GetMapping("/api/sla/calendars/{id}")
	CalendarJson calendar(@PathVariable long id) {
		return CalendarJson.of(sla.calendar(id));
	}

	@PostMapping("/api/sla/calendars")
	ResponseEntity<CalendarJson> createCalendar(@RequestBody CalendarJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		BusinessCalendar c = sla.createCalendar(body.name(), body.zone(), Boolean.TRUE.equals(body.alwaysOpen()), body.openings());
		return ResponseEntity.created(URI.create("/api/sla/calendars/" + c.id())).body(CalendarJson.of(c));
	}

	@PutMapping("/api/sla/calendars/{id}")
	CalendarJson updateCalendar(@PathVariable long id, @RequestBody CalendarJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		return CalendarJson.of(sla.updateCalendar(id, body.name(), body.zone(), Boolean.TRUE.equals(body.alwaysOpen()), body.openings()));
	}

	@DeleteMapping("/api/sla/calendars/{id}")
	ResponseEntity<Void> deleteCalendar(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		sla.deleteCalendar(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/sla/calendars/{id}/holidays")
	ResponseEntity<HolidayJson> addHoliday(@PathVariable long id, @RequestBody HolidayJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		Holiday h = sla.addHoliday(id, new Holiday(null, body.day(), body.name(), Boolean.TRUE.equals(body.yearly())));
		return ResponseEntity.created(URI.create("/api/sla/calendars/" + id)).body(new HolidayJson(h.id(), h.day(), h.name(), h.yearly()));
	}

	@DeleteMapping("/api/sla/calendars/{id}/holidays/{holiday}")
	ResponseEntity<Void> removeHoliday(@PathVariable long id, @PathVariable long holiday, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		sla.removeHoliday(id, holiday);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/sla/policies")
	List<PolicyJson> policies() {
		return sla.policies().stream().map(PolicyJson::of).toList();
	}

	@GetMapping("/api/sla/policies/{id}")
	PolicyJson policy(@PathVariable long id) {
		return PolicyJson.of(sla.policy(id));
	}

	@PostMapping("/api/sla/policies")
	ResponseEntity<PolicyJson> createPolicy(@RequestBody PolicyJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		SlaPolicy p = sla.createPolicy(body.policy());
		return ResponseEntity.created(URI.create("/api/sla/policies/" + p.id())).body(PolicyJson.of(p));
	}

	@PutMapping("/api/sla/policies/{id}")
	PolicyJson updatePolicy(@PathVariable long id, @RequestBody PolicyJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		return PolicyJson.of(sla.updatePolicy(id, body.policy()));
	}

	@DeleteMapping("/api/sla/policies/{id}")
	ResponseEntity<Void> deletePolicy(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		sla.deletePolicy(id);
		return ResponseEntity.noContent().build();
	}

	/** Each team with its own calendar id ({@code null}: the policy's calendar times its cases). */
	@GetMapping("/api/sla/teams")
	List<TeamCalendar> teamCalendars() {
		return sla.teamCalendars();
	}

	/** Sets a team's own calendar: {@code {"calendarId": 3}}, or {@code null} for the policy's. */
	@PutMapping("/api/sla/teams/{team}/calendar")
	ResponseEntity<Void> setTeamCalendar(@PathVariable long team, @RequestBody TeamCalendarJson body, @AuthenticationPrincipal LuisterUser me) {
		lead(me);
		sla.setTeamCalendar(team, body.calendarId());
		return ResponseEntity.noContent().build();
	}

	record TeamCalendarJson(Long calendarId) {
	}

	/** The clock of a case that is due first; 204 when none runs. */
	@GetMapping("/api/sla/cases/{id}")
	ResponseEntity<ClockJson> clock(@PathVariable long id) {
		return clocks.clock(id).map(k -> ResponseEntity.ok(ClockJson.of(k))).orElse(ResponseEntity.noContent().build());
	}

	@GetMapping("/api/sla/cases/{id}/breaches")
	List<BreachJson> breaches(@PathVariable long id) {
		return watch.breachesOf(id).stream().map(r -> new BreachJson(r.breach().id(), r.breach().caseId(), r.breach().kind().name(),
				r.breach().due(), r.breachedAt(), r.breach().policyId(), r.breach().escalated())).toList();
	}

	/** Compliance and breaches per channel from {@code from} to {@code to} (ISO instants; default the last 7 days). */
	@GetMapping("/api/sla/figures")
	List<SlaFigures.ChannelSla> figures(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		Instant end = to == null ? Instant.now() : to;
		Instant start = from == null ? end.minusSeconds(7 * 86400) : from;
		if (!start.isBefore(end)) throw new IllegalArgumentException("'from' must be before 'to'");
		return figures.of(start, end);
	}

	private static DayOfWeek day(String day) {
		try {
			return DayOfWeek.valueOf(day == null ? "" : day.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidSla("hours", "sla.error.day", "unknown weekday '" + day + "' (expected MONDAY to SUNDAY)");
		}
	}

	private static void lead(LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("SLA settings are changed by team leads and admins");
	}
}
