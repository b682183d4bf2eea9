package nl.luister.mention.web;

import java.time.ZoneId;
import java.util.List;

import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: full-text search over every stored mention, newest first. */
@Controller
class SearchController {

	/** How many results one search shows. */
	static final int LIMIT = 50;

	/** Longer queries are cut: nobody types them, and they only make the database work harder. */
	static final int MAX_QUERY = 500;

	private final Mentions mentions;

	SearchController(Mentions mentions) {
		this.mentions = mentions;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.strip();
		if (query.length() > MAX_QUERY) query = query.substring(0, MAX_QUERY);
		List<StoredMention> results = query.isEmpty() ? List.of() : this.mentions.search(query, LIMIT);
		model.addAttribute("q", query);
		model.addAttribute("results", results);
		model.addAttribute("limit", LIMIT);
		model.addAttribute("zone", ZoneId.systemDefault());
		return "search/search";
	}
}
