package nl.luister.mention.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import nl.luister.channel.importer.ImportReport;
import nl.luister.channel.importer.MentionImport;
import nl.luister.mention.Mentions;
import nl.luister.web.ApiController;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/** {@code /api/mentions}: full-text search and JSONL import. */
@ApiController("/api/mentions")
class MentionsApi {

	private final Mentions mentions;
	private final MentionImport importer;

	MentionsApi(Mentions mentions, MentionImport importer) {
		this.mentions = mentions;
		this.importer = importer;
	}

	@GetMapping
	List<MentionJson> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
		return mentions.search(q, Math.max(1, Math.min(limit, 500))).stream().map(MentionJson::of).toList();
	}

	/** The request body is JSONL; the answer counts what was imported, what was a duplicate and what was rejected and why. */
	@PostMapping("/import")
	ImportReport importJsonl(HttpServletRequest request) throws IOException {
		try (InputStream body = request.getInputStream()) {
			return importer.importJsonl(body, lines -> {
			});
		}
	}
}
