package nl.luister.noise.web;

import java.util.ArrayList;
import java.util.List;

import nl.luister.mention.StoredMention;
import nl.luister.mention.web.MentionJson;
import nl.luister.monitor.MatchDocument;
import nl.luister.monitor.QueryExplanation;
import nl.luister.monitor.QuerySyntaxError;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.TopicNotFound;
import nl.luister.noise.NearDuplicates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Fragments the case view loads on demand (htmx): the similar mentions grouped under the case, and for each of the
 * case's messages why its topics matched. The same as JSON under {@code /api/cases/{id}/similar} and {@code /explain}.
 */
@Controller
class CaseNoiseController {

	/** At most this many similar mentions are listed. */
	static final int SIMILAR = 100;

	/** At most this many messages of a case are explained. */
	static final int EXPLAINED = 20;

	private final NearDuplicates duplicates;

	private final TopicManagement topics;

	private final JdbcClient jdbc;

	CaseNoiseController(NearDuplicates duplicates, TopicManagement topics, JdbcClient jdbc) {
		this.duplicates = duplicates;
		this.topics = topics;
		this.jdbc = jdbc;
	}

	@GetMapping("/cases/{id}/similar")
	String similar(@PathVariable long id, Model model) {
		model.addAttribute("similar", duplicates.similarOf(id, SIMILAR));
		model.addAttribute("similarCount", duplicates.similarCount(id));
		return "noise/case :: similar";
	}

	@GetMapping("/cases/{id}/explain")
	String explain(@PathVariable long id, Model model) {
		model.addAttribute("explanations", explanations(id));
		return "noise/case :: explain";
	}

	@GetMapping("/api/cases/{id}/similar")
	@ResponseBody
	SimilarJson similarJson(@PathVariable long id) {
		return new SimilarJson(duplicates.similarCount(id), duplicates.similarOf(id, SIMILAR).stream().map(MentionJson::of).toList());
	}

	@GetMapping("/api/cases/{id}/explain")
	@ResponseBody
	List<Explained> explainJson(@PathVariable long id) {
		return explanations(id);
	}

	record SimilarJson(int count, List<MentionJson> mentions) {
	}

	/** Why one topic matched one message of the case. */
	record Explained(long mentionId, long topicId, String topic, String query, boolean matched, List<String> clauses,
			List<QueryExplanation.Segment> segments) {
	}

	private List<Explained> explanations(long caseId) {
		record Row(StoredMention mention, String language, String sourceKey, long topicId) {
		}
		List<Row> rows = jdbc.sql("""
				select %s, m.language, s.source_key, mt.topic_id from mentions m
				join mention_topics mt on mt.mention_id = m.id
				join sources s on s.id = m.source_id
				where m.case_id = ? order by m.published_at, m.id, mt.topic_id limit ?""".formatted(nl.luister.mention.Mentions.COLUMNS))
			.params(caseId, EXPLAINED)
			.query((rs, n) -> new Row(nl.luister.mention.Mentions.map(rs, n), rs.getString("language"), rs.getString("source_key"),
					rs.getLong("topic_id")))
			.list();
		List<Explained> result = new ArrayList<>();
		for (Row r : rows) {
			Topic topic;
			try {
				topic = topics.get(r.topicId());
			}
			catch (TopicNotFound ex) {
				continue;
			}
			StoredMention m = r.mention();
			MatchDocument doc = new MatchDocument(m.title(), m.text(), m.authorHandle(), m.channel().key(), m.url(), r.sourceKey(),
					r.language(), m.authorFollowers());
			try {
				QueryExplanation e = QueryExplanation.explain(topic.query(), topic.stemming(), doc);
				result.add(new Explained(m.id(), topic.id(), topic.name(), topic.query(), e.matched(), e.clauses(), e.segments()));
			}
			catch (QuerySyntaxError ex) {
				result.add(new Explained(m.id(), topic.id(), topic.name(), topic.query(), false, List.of(), List.of()));
			}
		}
		return result;
	}
}
