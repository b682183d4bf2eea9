package nl.luister.monitor.web;

import java.net.URI;
import java.util.List;

import nl.luister.account.CurrentUser;
import nl.luister.monitor.Exclusion;
import nl.luister.monitor.ExclusionKind;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.backfill.BackfillJob;
import nl.luister.monitor.backfill.Backfills;
import nl.luister.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/topics/{id}/backfills}, {@code /api/backfills/{id}}, {@code /api/topics/{id}/exclusions} and
 * {@code /api/exclusions}: backfills and exclusion lists (docs/api.md).
 */
@ApiController("/api")
class NoiseTopicsApi {

	private final Backfills backfills;

	private final TopicExclusions exclusions;

	private final TopicManagement topics;

	private final CurrentUser currentUser;

	NoiseTopicsApi(Backfills backfills, TopicExclusions exclusions, TopicManagement topics, CurrentUser currentUser) {
		this.backfills = backfills;
		this.exclusions = exclusions;
		this.topics = topics;
		this.currentUser = currentUser;
	}

	/** {@code days} 1 to 3650; {@code openCases} false unless given. */
	record NewBackfill(Integer days, Boolean openCases) {
	}

	@PostMapping("/topics/{id}/backfills")
	ResponseEntity<BackfillJob> start(@PathVariable long id, @RequestBody NewBackfill body, Authentication auth) {
		if (body.days() == null) throw new IllegalArgumentException("a backfill needs days (1 to " + Backfills.MAX_DAYS + ")");
		BackfillJob job = backfills.start(id, body.days(), Boolean.TRUE.equals(body.openCases()), currentUser.of(auth).id().value());
		return ResponseEntity.accepted().location(URI.create("/api/backfills/" + job.id())).body(job);
	}

	@GetMapping("/backfills/{id}")
	BackfillJob backfill(@PathVariable long id) {
		return backfills.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no backfill " + id));
	}

	@PostMapping("/backfills/{id}/cancel")
	BackfillJob cancel(@PathVariable long id) {
		backfill(id);
		backfills.cancel(id);
		return backfill(id);
	}

	record NewExclusion(String kind, String value) {
	}

	record ExclusionJson(long id, Long topicId, String kind, String value) {
		static ExclusionJson of(Exclusion e) {
			return new ExclusionJson(e.id(), e.topicId(), e.kind().key(), e.value());
		}
	}

	@GetMapping("/topics/{id}/exclusions")
	List<ExclusionJson> ofTopic(@PathVariable long id) {
		topics.get(id);
		return exclusions.ofTopic(id).stream().map(ExclusionJson::of).toList();
	}

	@PostMapping("/topics/{id}/exclusions")
	ResponseEntity<ExclusionJson> addToTopic(@PathVariable long id, @RequestBody NewExclusion body) {
		topics.get(id);
		Exclusion e = exclusions.add(id, ExclusionKind.parse(body.kind()), body.value());
		return ResponseEntity.created(URI.create("/api/exclusions/" + e.id())).body(ExclusionJson.of(e));
	}

	@GetMapping("/exclusions")
	List<ExclusionJson> workspace() {
		return exclusions.workspaceWide().stream().map(ExclusionJson::of).toList();
	}

	@PostMapping("/exclusions")
	ResponseEntity<ExclusionJson> addToWorkspace(@RequestBody NewExclusion body) {
		Exclusion e = exclusions.add(null, ExclusionKind.parse(body.kind()), body.value());
		return ResponseEntity.created(URI.create("/api/exclusions/" + e.id())).body(ExclusionJson.of(e));
	}

	@DeleteMapping("/exclusions/{id}")
	ResponseEntity<Void> remove(@PathVariable long id) {
		if (!exclusions.remove(id)) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no exclusion " + id);
		return ResponseEntity.noContent().build();
	}
}
