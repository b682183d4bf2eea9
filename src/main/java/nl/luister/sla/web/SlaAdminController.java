package nl.luister.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.sla.BusinessCalendar;
import nl.luister.sla.Holiday;
import nl.luister.sla.InvalidSla;
import nl.luister.sla.SlaAdmin;
import nl.luister.sla.SlaPolicy;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/sla}: calendars (zone, opening hours per weekday, holidays) and policies (targets per channel and
 * severity, order, escalation), for team leads and admins. Input that cannot be saved is shown again with the reason at
 * its form (status 400).
 */
@Controller
@RequestMapping("/admin/sla")
class SlaAdminController {

	static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());

	private final SlaAdmin sla;
	private final MessageSource messages;

	SlaAdminController(SlaAdmin sla, MessageSource messages) {
		this.sla = sla;
		this.messages = messages;
	}

	@ModelAttribute
	void onlyLeads(@AuthenticationPrincipal LuisterUser me) {
		if (me == null || !me.isTeamLead()) throw new AccessDeniedException("SLA settings are for team leads and admins");
	}

	@GetMapping
	String page(@RequestParam(required = false) Long policy, Model model) {
		return page(model, policy == null ? null : policy, policy == null ? PolicyForm.empty() : PolicyForm.of(sla.policy(policy)), null, null, null);
	}

	@PostMapping("/calendars")
	String createCalendar(@ModelAttribute CalendarForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			BusinessCalendar c = sla.createCalendar(form.name(), form.zone(), form.open247(), form.hours());
			return saved(redirect, "sla.calendar.saved", c.name());
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, null, PolicyForm.empty(), "new", form, e);
		}
	}

	@PostMapping("/calendars/{id}")
	String updateCalendar(@PathVariable long id, @ModelAttribute CalendarForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			BusinessCalendar c = sla.updateCalendar(id, form.name(), form.zone(), form.open247(), form.hours());
			return saved(redirect, "sla.calendar.saved", c.name());
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, null, PolicyForm.empty(), Long.toString(id), form, e);
		}
	}

	@PostMapping("/calendars/{id}/delete")
	String deleteCalendar(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			sla.deleteCalendar(id);
			return saved(redirect, "sla.calendar.deleted", null);
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, null, PolicyForm.empty(), Long.toString(id), null, e);
		}
	}

	@PostMapping("/calendars/{id}/holidays")
	String addHoliday(@PathVariable long id, @RequestParam(required = false) String day, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "false") boolean yearly, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			sla.addHoliday(id, new Holiday(null, date(day), name, yearly));
			return saved(redirect, "sla.holiday.saved", name);
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, null, PolicyForm.empty(), "holiday-" + id, null, e);
		}
	}

	@PostMapping("/calendars/{id}/holidays/{holiday}/delete")
	String removeHoliday(@PathVariable long id, @PathVariable long holiday, RedirectAttributes redirect) {
		sla.removeHoliday(id, holiday);
		return saved(redirect, "sla.holiday.deleted", null);
	}

	@PostMapping("/policies")
	String createPolicy(@ModelAttribute PolicyForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			SlaPolicy p = sla.createPolicy(form.policy());
			return saved(redirect, "sla.policy.saved", p.name());
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, null, form, "policy", null, e);
		}
	}

	@PostMapping("/policies/{id}")
	String updatePolicy(@PathVariable long id, @ModelAttribute PolicyForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			SlaPolicy p = sla.updatePolicy(id, form.policy());
			return saved(redirect, "sla.policy.saved", p.name());
		}
		catch (InvalidSla e) {
			response.setStatus(400);
			return page(model, id, form, "policy", null, e);
		}
	}

	@PostMapping("/policies/{id}/delete")
	String deletePolicy(@PathVariable long id, RedirectAttributes redirect) {
		sla.deletePolicy(id);
		return saved(redirect, "sla.policy.deleted", null);
	}

	@PostMapping("/policies/{id}/move")
	String move(@PathVariable long id, @RequestParam int by) {
		sla.move(id, by);
		return "redirect:/admin/sla";
	}

	private static LocalDate date(String day) {
		if (day == null || day.isBlank()) return null;
		try {
			return LocalDate.parse(day.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidSla("holiday", "sla.error.date", "'" + day.strip() + "' is not a date (write it as 2026-12-25)", day.strip());
		}
	}

	/** A team's own calendar; a blank {@code calendar} means "the policy's calendar". */
	@PostMapping("/teams/{team}/calendar")
	String teamCalendar(@PathVariable long team, @RequestParam(defaultValue = "") String calendar, RedirectAttributes redirect) {
		sla.setTeamCalendar(team, calendar.isBlank() ? null : Long.valueOf(calendar.strip()));
		return saved(redirect, "sla.team.saved", null);
	}

	private static String saved(RedirectAttributes redirect, String key, String argument) {
		redirect.addFlashAttribute("flash", key);
		if (argument != null) redirect.addFlashAttribute("flashArgument", argument);
		return "redirect:/admin/sla";
	}

	/**
	 * The page; {@code errorAt} names the form an error belongs to ({@code new}, a calendar id, {@code holiday-<id>} or
	 * {@code policy}) and {@code calendarForm} what was entered there.
	 */
	private String page(Model model, Long editing, PolicyForm policyForm, String errorAt, CalendarForm calendarForm, InvalidSla error) {
		List<BusinessCalendar> calendars = sla.calendars();
		model.addAttribute("calendars", calendars);
		model.addAttribute("calendarForms", calendars.stream().map(c -> errorAt != null && errorAt.equals(String.valueOf(c.id())) && calendarForm != null
				? calendarForm : CalendarForm.of(c)).toList());
		model.addAttribute("newCalendar", "new".equals(errorAt) && calendarForm != null ? calendarForm : CalendarForm.empty());
		model.addAttribute("policies", sla.policies());
		model.addAttribute("teams", sla.teamCalendars());
		model.addAttribute("editing", editing);
		model.addAttribute("policyForm", policyForm);
		model.addAttribute("days", DAYS);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("errorAt", errorAt);
		model.addAttribute("error", error == null ? null
				: messages.getMessage(error.messageKey(), error.args(), error.getMessage(), LocaleContextHolder.getLocale()));
		return "sla/admin";
	}
}
