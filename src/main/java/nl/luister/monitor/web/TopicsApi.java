package nl.luister.monitor.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import nl.luister.mention.web.MentionJson;
import nl.luister.monitor.Stemming;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;
import nl.luister.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** {@code /api/topics}: list, add, change, remove and preview topics. A query that does not parse answers 400 with the column. */
@ApiController("/api/topics")
class TopicsApi {

	private final TopicManagement topics;

	TopicsApi(TopicManagement topics) {
		this.topics = topics;
	}

	@GetMapping
	List<TopicJson> list() {
		return topics.all().stream().map(t -> TopicJson.of(t, topics.matchCount(t.id()))).toList();
	}

	@GetMapping("/{id}")
	TopicJson get(@PathVariable long id) {
		return TopicJson.of(topics.get(id), topics.matchCount(id));
	}

	@PostMapping
	ResponseEntity<TopicJson> create(@RequestBody NewTopic body) {
		Topic t = topics.create(body.name(), body.query(), Stemming.parse(body.stemming()));
		return ResponseEntity.created(URI.create("/api/topics/" + t.id())).body(TopicJson.of(t, 0));
	}

	@PutMapping("/{id}")
	TopicJson update(@PathVariable long id, @RequestBody NewTopic body) {
		return TopicJson.of(topics.update(id, body.name(), body.query(), Stemming.parse(body.stemming())), topics.matchCount(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		topics.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/preview")
	PreviewJson preview(@RequestBody NewTopic body) {
		TopicManagement.Preview p = topics.preview(body.query(), Stemming.parse(body.stemming()), 20);
		return new PreviewJson(p.matches(), p.examined(), p.sample().stream().map(MentionJson::of).toList());
	}

	/** {@code stemming}: none (default), dutch or english. */
	record NewTopic(String name, String query, String stemming) {
	}

	record TopicJson(long id, String name, String query, String stemming, long matches, Instant createdAt, Instant updatedAt) {
		static TopicJson of(Topic t, long matches) {
			return new TopicJson(t.id(), t.name(), t.query(), t.stemming().key(), matches, t.createdAt(), t.updatedAt());
		}
	}

	record PreviewJson(int matches, int examined, List<MentionJson> sample) {
	}
}
