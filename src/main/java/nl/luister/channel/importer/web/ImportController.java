package nl.luister.channel.importer.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.luister.account.LuisterUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: a JSONL upload is saved to a temporary file and imported in the background by
 * {@link ImportJobs}; the page polls the job's fragment until the report is there. A job is shown only to
 * the user who started it and to admins.
 */
@Controller
@RequestMapping("/import")
class ImportController {

	/** How many rejected lines the report lists; the count covers them all. */
	static final int SHOWN_ERRORS = 20;

	private final ImportJobs jobs;

	ImportController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping
	String page(@RequestParam(required = false) Long job, @AuthenticationPrincipal LuisterUser me, Model model) {
		if (job != null) {
			model.addAttribute("job", visible(job, me));
			model.addAttribute("shownErrors", SHOWN_ERRORS);
		}
		return "import/import";
	}

	@PostMapping
	String upload(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal LuisterUser me,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect)
			throws IOException {
		if (file == null || file.isEmpty()) {
			if (htmx != null) {
				model.addAttribute("uploadError", "import.file.missing");
				return "import/job :: nothing";
			}
			redirect.addFlashAttribute("flashError", "import.file.missing");
			return "redirect:/import";
		}
		Path saved = Files.createTempFile("luister-import-", ".jsonl");
		try {
			file.transferTo(saved);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(saved);
			throw ex;
		}
		ImportJob job = this.jobs.start(saved, baseName(file.getOriginalFilename()), me.id());
		if (htmx != null) {
			model.addAttribute("job", job);
			model.addAttribute("shownErrors", SHOWN_ERRORS);
			return "import/job :: job";
		}
		return "redirect:/import?job=" + job.id();
	}

	/** The job's progress, polled by the page every 500 ms until it answers without the trigger. */
	@GetMapping("/jobs/{id}")
	String job(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, Model model) {
		model.addAttribute("job", visible(id, me));
		model.addAttribute("shownErrors", SHOWN_ERRORS);
		return "import/job :: job";
	}

	// Browsers may send a whole path; only the last part is the name a person recognises.
	static String baseName(String original) {
		if (original == null) return "";
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	private ImportJob visible(long id, LuisterUser me) {
		return this.jobs.find(id)
			.filter(job -> me != null && (me.isAdmin() || job.owner().equals(me.id())))
			.orElseThrow(() -> new ImportJobNotFound(id));
	}
}
