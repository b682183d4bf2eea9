package nl.luister.monitor.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.luister.monitor.QuerySyntaxError;
import nl.luister.monitor.Stemming;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.TopicQuery;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The topics page: every topic with its query and match count, and the query editor that checks the query
 * as it is typed ({@code POST /topics/validate}, a fragment for htmx) with a live count and sample.
 */
@Controller
@RequestMapping("/topics")
class TopicsController {

	/** How many matching mentions the editor shows. */
	static final int SAMPLE = 10;

	private final TopicManagement topics;

	TopicsController(TopicManagement topics) {
		this.topics = topics;
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TopicForm("", "", Stemming.NONE.key()));
			model.addAttribute("check", QueryCheck.blank());
		}
		Map<Topic, Long> counts = new LinkedHashMap<>();
		for (Topic topic : this.topics.all()) {
			counts.put(topic, this.topics.matchCount(topic.id()));
		}
		model.addAttribute("topics", counts);
		model.addAttribute("zone", ZoneId.systemDefault());
		return "topics/list";
	}

	@PostMapping
	String create(@ModelAttribute("form") TopicForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		QueryCheck check = check(form, result);
		if (!result.hasErrors()) {
			try {
				Topic topic = this.topics.create(form.name(), form.query(), form.stemmingOrNone());
				redirect.addFlashAttribute("flash", "topics.created");
				redirect.addFlashAttribute("flashArgument", topic.name());
				return "redirect:/topics";
			}
			catch (QuerySyntaxError ex) {
				check = rejectQuery(form, ex, result);
			}
			catch (IllegalArgumentException ex) {
				result.rejectValue("name", "topics.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			}
		}
		model.addAttribute("check", check);
		return list(model);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Topic topic = this.topics.get(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TopicForm(topic.name(), topic.query(), topic.stemming().key()));
			model.addAttribute("check", preview(topic.id(), topic.query(), topic.stemming()));
		}
		model.addAttribute("topic", topic);
		model.addAttribute("zone", ZoneId.systemDefault());
		return "topics/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") TopicForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Topic topic = this.topics.get(id);
		QueryCheck check = check(form, result);
		if (!result.hasErrors()) {
			try {
				Topic saved = this.topics.update(id, form.name(), form.query(), form.stemmingOrNone());
				redirect.addFlashAttribute("flash", "topics.updated");
				redirect.addFlashAttribute("flashArgument", saved.name());
				return "redirect:/topics";
			}
			catch (QuerySyntaxError ex) {
				check = rejectQuery(form, ex, result);
			}
			catch (IllegalArgumentException ex) {
				result.rejectValue("name", "topics.refused", new Object[] { ex.getMessage() }, ex.getMessage());
			}
		}
		model.addAttribute("check", check);
		model.addAttribute("topic", topic);
		model.addAttribute("zone", ZoneId.systemDefault());
		return "topics/edit";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Topic topic = this.topics.get(id);
		this.topics.delete(id);
		redirect.addFlashAttribute("flash", "topics.deleted");
		redirect.addFlashAttribute("flashArgument", topic.name());
		return "redirect:/topics";
	}

	/** The live check under the query field: valid with count and sample, or the error at its column. */
	@PostMapping("/validate")
	String validate(@RequestParam(defaultValue = "") String query, @RequestParam(required = false) String stemming,
			@RequestParam(required = false) Long topic, Model model) {
		model.addAttribute("check", preview(topic, query, TopicForm.stemming(stemming)));
		model.addAttribute("zone", ZoneId.systemDefault());
		return "topics/check :: check";
	}

	private QueryCheck preview(String query, Stemming stemming) {
		return preview(null, query, stemming);
	}

	private QueryCheck preview(Long topicId, String query, Stemming stemming) {
		if (query == null || query.isBlank()) return QueryCheck.blank();
		try {
			return QueryCheck.valid(this.topics.preview(topicId, query, stemming, SAMPLE));
		}
		catch (QuerySyntaxError ex) {
			return QueryCheck.invalid(query, ex);
		}
	}

	/** Checks the form before saving; the query error is shown twice: on the field and, marked, in the check. */
	private QueryCheck check(TopicForm form, BindingResult result) {
		if (form.name() == null || form.name().isBlank()) {
			result.rejectValue("name", "topics.name.required");
		}
		var error = TopicQuery.validate(form.query());
		if (error.isPresent()) {
			return rejectQuery(form, error.get(), result);
		}
		return preview(form.query(), form.stemmingOrNone());
	}

	private static QueryCheck rejectQuery(TopicForm form, QuerySyntaxError error, BindingResult result) {
		result.rejectValue("query", "topics.query.invalid", new Object[] { error.column(), error.getMessage() },
				error.getMessage());
		return QueryCheck.invalid(form.query(), error);
	}

	/** What the topic form sends; an unknown or missing stemming is none. */
	record TopicForm(String name, String query, String stemming) {

		Stemming stemmingOrNone() {
			return stemming(this.stemming);
		}

		static Stemming stemming(String key) {
			try {
				return Stemming.parse(key);
			}
			catch (IllegalArgumentException ex) {
				return Stemming.NONE;
			}
		}

		/** The choices for the stemming select. */
		public Stemming[] stemmings() {
			return Stemming.values();
		}
	}
}
