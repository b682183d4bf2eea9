package nl.luister.mention.web;

import nl.luister.mention.LabelCorrections;
import nl.luister.web.ApiController;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /api/labels/corrections?task=sentiment}: the agents' corrections as tab-separated training data (text,
 * tab, label), the format {@code java -jar luister.jar eval} and the training code read.
 */
@ApiController("/api/labels")
class CorrectionsApi {

	private final LabelCorrections corrections;

	CorrectionsApi(LabelCorrections corrections) {
		this.corrections = corrections;
	}

	@GetMapping("/corrections")
	ResponseEntity<String> corrections(@RequestParam String task) {
		if (!java.util.Set.of("sentiment", "complaint", "question", "praise", "request").contains(task)) {
			throw new IllegalArgumentException("task must be sentiment, complaint, question, praise or request");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "tab-separated-values", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"corrections-" + task + ".tsv\"")
			.body(corrections.export(task));
	}
}
