package nl.luister.channel.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import nl.luister.channel.Channel;
import nl.luister.channel.SecretSettings;
import nl.luister.channel.Source;
import nl.luister.channel.SourceAdmin;
import nl.luister.channel.SourceRecord;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** {@code /api/sources}: list, add, change, pause, test and poll sources. */
@ApiController("/api/sources")
class SourcesApi {

	private final SourceAdmin sources;

	SourcesApi(SourceAdmin sources) {
		this.sources = sources;
	}

	@GetMapping
	List<SourceJson> list() {
		return sources.all().stream().map(SourceJson::of).toList();
	}

	@GetMapping("/{id}")
	SourceJson get(@PathVariable long id) {
		return SourceJson.of(sources.get(id));
	}

	@PostMapping
	ResponseEntity<SourceJson> create(@RequestBody NewSource body) {
		SourceRecord s = sources.create(body.key(), body.type(), body.name(), Channel.parse(body.channel()),
				body.settings() == null ? null : body.settings().toString(), body.pollSeconds() == null ? 0 : body.pollSeconds());
		return ResponseEntity.created(URI.create("/api/sources/" + s.id())).body(SourceJson.of(s));
	}

	@PutMapping("/{id}")
	SourceJson update(@PathVariable long id, @RequestBody NewSource body) {
		return SourceJson.of(sources.update(id, body.name(), body.channel() == null ? null : Channel.parse(body.channel()),
				body.settings() == null ? null : body.settings().toString(), body.pollSeconds() == null ? 0 : body.pollSeconds()));
	}

	@PostMapping("/{id}/pause")
	SourceJson pause(@PathVariable long id) {
		sources.pause(id, true);
		return SourceJson.of(sources.get(id));
	}

	@PostMapping("/{id}/resume")
	SourceJson resume(@PathVariable long id) {
		sources.pause(id, false);
		return SourceJson.of(sources.get(id));
	}

	@PostMapping("/{id}/test")
	Source.Probe test(@PathVariable long id) {
		return sources.test(id);
	}

	@PostMapping("/{id}/poll")
	Map<String, Object> poll(@PathVariable long id) {
		int added = sources.pollNow(id);
		return Map.of("added", added, "source", SourceJson.of(sources.get(id)));
	}

	record NewSource(String key, String type, String name, String channel, JsonNode settings, Integer pollSeconds) {
	}

	record SourceJson(long id, String key, String type, String name, String channel, String settings, int pollSeconds,
			String health, String problem, Instant lastSuccessAt, Instant lastErrorAt, String lastError, int failures,
			Instant nextAttemptAt, long itemsTotal) {

		static SourceJson of(SourceRecord s) {
			return new SourceJson(s.id(), s.key(), s.type(), s.name(), s.channel().key(), SecretSettings.mask(s.settings()), s.pollSeconds(),
					s.health().name().toLowerCase(java.util.Locale.ROOT),
					s.problem() == null ? null : s.problem().name().toLowerCase(java.util.Locale.ROOT), s.lastSuccessAt(), s.lastErrorAt(), s.lastError(),
					s.failures(), s.nextAttemptAt(), s.itemsTotal());
		}
	}
}
