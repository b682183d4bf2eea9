package nl.luister.customer.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.customer.CrmColumns;
import nl.luister.customer.PersonCsv;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CRM customers in and out: {@code /persons/import} uploads a CSV with a column mapping and runs a dry-run or
 * the import in the background ({@link CrmImportJobs}), the page polling the job's fragment; a finished dry-run
 * can be imported for real. {@code /persons/export.csv} streams every person. A job is shown only to the user
 * who started it and to admins.
 */
@Controller
class CrmImportController {

	static final List<String> HANDLE_CHANNELS = Arrays.stream(Channel.values()).map(Channel::key).filter(c -> !c.equals("email")).toList();
	static final List<String> CHARSETS = List.of("UTF-8", "windows-1252", "ISO-8859-1");

	private final CrmImportJobs jobs;
	private final PersonCsv csv;

	CrmImportController(CrmImportJobs jobs, PersonCsv csv) {
		this.jobs = jobs;
		this.csv = csv;
	}

	@GetMapping("/persons/import")
	String page(@RequestParam(required = false) Long job, @AuthenticationPrincipal LuisterUser me, Model model) {
		model.addAttribute("columns", CrmColumns.defaults(HANDLE_CHANNELS));
		model.addAttribute("channels", HANDLE_CHANNELS);
		model.addAttribute("charsets", CHARSETS);
		if (job != null) model.addAttribute("job", visible(job, me));
		return "customer/import";
	}

	@PostMapping("/persons/import")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "UTF-8") String charset,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal LuisterUser me, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) throws IOException {
		String problem = null;
		CrmColumns columns = null;
		if (file == null || file.isEmpty()) problem = "customers2.import.noFile";
		else if (!CHARSETS.contains(charset)) problem = "customers2.import.badCharset";
		else {
			try {
				Map<String, String> handles = new LinkedHashMap<>();
				for (String c : HANDLE_CHANNELS) handles.put(c, form.getOrDefault("handle_" + c, ""));
				columns = new CrmColumns(form.get("col_customerNumber"), form.get("col_email"), form.get("col_name"), form.get("col_segment"),
						form.get("col_value"), form.get("col_phone"), form.get("col_tags"), form.get("col_contactChannel"),
						form.get("col_contactTimes"), handles);
			}
			catch (IllegalArgumentException e) {
				problem = "customers2.import.noNumberColumn";
			}
		}
		if (problem != null) {
			if (htmx != null) {
				model.addAttribute("uploadError", problem);
				return "customer/import-job :: nothing";
			}
			redirect.addFlashAttribute("flashError", problem);
			return "redirect:/persons/import";
		}
		Path saved = Files.createTempFile("luister-crm-", ".csv");
		try {
			file.transferTo(saved);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(saved);
			throw e;
		}
		CrmImportJob job = jobs.start(saved, baseName(file.getOriginalFilename()), Charset.forName(charset), columns, dryRun, me.id());
		if (htmx != null) {
			model.addAttribute("job", job);
			return "customer/import-job :: job";
		}
		return "redirect:/persons/import?job=" + job.id();
	}

	@GetMapping("/persons/import/jobs/{id}")
	String job(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, Model model) {
		model.addAttribute("job", visible(id, me));
		return "customer/import-job :: job";
	}

	/** Imports for real the file a finished dry-run read. */
	@PostMapping("/persons/import/jobs/{id}/run")
	String run(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		return jobs.importAfterDryRun(visible(id, me), me.id())
			.map(job -> "redirect:/persons/import?job=" + job.id())
			.orElseGet(() -> {
				redirect.addFlashAttribute("flashError", "customers2.import.gone");
				return "redirect:/persons/import";
			});
	}

	@GetMapping("/persons/export.csv")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal LuisterUser me) {
		Long actor = me.id().value();
		StreamingResponseBody body = out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			csv.exportAll(writer, actor);
			writer.flush();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"persons.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}

	static String baseName(String original) {
		if (original == null) return "";
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	private CrmImportJob visible(long id, LuisterUser me) {
		return jobs.find(id)
			.filter(job -> me != null && (me.isAdmin() || job.owner().equals(me.id())))
			.orElseThrow(() -> new CrmImportJobNotFound(id));
	}
}
