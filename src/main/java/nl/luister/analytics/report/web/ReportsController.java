package nl.luister.analytics.report.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.luister.analytics.report.ReportSchedules;
import nl.luister.analytics.report.Reports;

/** The reports page: a PDF of any week, and per brand (or the workspace) the e-mail schedule and "send now". */
@Controller
class ReportsController {

	private final Reports reports;
	private final ReportSchedules schedules;

	ReportsController(Reports reports, ReportSchedules schedules) {
		this.reports = reports;
		this.schedules = schedules;
	}

	@GetMapping("/reports")
	String page(Model model) {
		Map<String, ReportSchedules.Schedule> all = new LinkedHashMap<>();
		all.put("", schedules.of(null));
		Map<Long, String> brands = reports.brands();
		for (Long id : brands.keySet()) all.put(String.valueOf(id), schedules.of(id));
		model.addAttribute("schedules", all);
		model.addAttribute("brands", brands);
		model.addAttribute("lastWeek", Reports.previousWeek(LocalDate.now(reports.zone())));
		return "reports/reports";
	}

	@GetMapping("/reports/pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Long brand, @RequestParam(required = false) String week) {
		LocalDate start;
		try {
			start = week == null || week.isBlank() ? Reports.previousWeek(LocalDate.now(reports.zone())) : LocalDate.parse(week.strip());
		}
		catch (DateTimeParseException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + week + "' is not a date (yyyy-mm-dd)");
		}
		if (brand != null && !reports.brands().containsKey(brand)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no brand " + brand);
		var report = reports.build(brand, start);
		byte[] pdf = reports.pdf(report, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"luister-report-" + report.weekStart() + ".pdf\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf);
	}

	@PostMapping("/reports/schedule")
	String save(@RequestParam(required = false) Long brand, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "1") int weekday, @RequestParam(defaultValue = "8") int hour,
			@RequestParam(defaultValue = "Europe/Amsterdam") String zone, @RequestParam(defaultValue = "") String recipients,
			@RequestParam(defaultValue = "nl") String language, RedirectAttributes redirect) {
		try {
			ZoneId z;
			try {
				z = ZoneId.of(zone.strip());
			}
			catch (DateTimeException e) {
				throw new IllegalArgumentException("'" + zone + "' is not a time zone (e.g. Europe/Amsterdam)");
			}
			List<String> to = Arrays.stream(recipients.split("[,;\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).toList();
			schedules.save(new ReportSchedules.Schedule(0, brand, enabled, weekday, hour, z, to, language, null, null));
			redirect.addFlashAttribute("flash", "reports.page.saved");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "reports.page.invalid");
			redirect.addFlashAttribute("flashArgument", e.getMessage());
		}
		return "redirect:/reports";
	}

	@PostMapping("/reports/send")
	String sendNow(@RequestParam(required = false) Long brand, RedirectAttributes redirect) {
		var schedule = schedules.of(brand);
		if (schedule.recipients().isEmpty()) {
			redirect.addFlashAttribute("flashError", "reports.page.noRecipients");
			return "redirect:/reports";
		}
		Optional<String> error = schedules.send(schedule, Reports.previousWeek(LocalDate.now(reports.zone())));
		if (error.isPresent()) {
			redirect.addFlashAttribute("flashError", "reports.page.failed");
			redirect.addFlashAttribute("flashArgument", error.get());
		}
		else {
			redirect.addFlashAttribute("flash", "reports.page.sent");
			redirect.addFlashAttribute("flashArgument", schedule.recipients().size());
		}
		return "redirect:/reports";
	}
}
