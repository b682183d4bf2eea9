package nl.luister.mention;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents correct what Luister understood of a message in one click; each correction changes the mention and is
 * kept with the text as a labelled example, exportable in the format the {@code eval} command and the training
 * code read (text, tab, label).
 */
@Service
public class LabelCorrections {

	static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
	static final Set<String> INTENTS = Set.of("complaint", "question", "praise", "request");

	private final JdbcClient jdbc;

	LabelCorrections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets one label of a mention: {@code task} is {@code sentiment} (label negative, neutral or positive) or an
	 * intent (complaint, question, praise, request; label {@code 1} or {@code 0}). Returns the mention's case, or
	 * {@code null}. Does nothing when the label does not change.
	 *
	 * @throws IllegalArgumentException for an unknown task or label
	 */
	@Transactional
	public Long correct(long mentionId, String task, String label, Long userId) {
		String t = task == null ? "" : task.strip().toLowerCase(Locale.ROOT);
		String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
		var row = jdbc.sql("""
				select case_id, text, sentiment, complaint, question, praise, request from mentions where id = ? for update""")
			.param(mentionId)
			.query((rs, i) -> new Object[] { rs.getObject("case_id"), rs.getString("text"), rs.getString("sentiment"),
					rs.getObject("complaint"), rs.getObject("question"), rs.getObject("praise"), rs.getObject("request") })
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("mention " + mentionId + " does not exist"));
		String old;
		if (t.equals("sentiment")) {
			if (!SENTIMENTS.contains(l)) throw new IllegalArgumentException("sentiment must be negative, neutral or positive");
			old = row[2] == null ? null : ((String) row[2]).toLowerCase(Locale.ROOT);
			if (l.equals(old)) return (Long) row[0];
			jdbc.sql("update mentions set sentiment = ?, sentiment_confidence = 1 where id = ?").params(l.toUpperCase(Locale.ROOT), mentionId).update();
		}
		else if (INTENTS.contains(t)) {
			if (!l.equals("1") && !l.equals("0")) throw new IllegalArgumentException(t + " must be 1 or 0");
			int column = List.of("complaint", "question", "praise", "request").indexOf(t) + 3;
			old = row[column] == null ? null : ((Number) row[column]).doubleValue() >= 0.5 ? "1" : "0";
			if (l.equals(old)) return (Long) row[0];
			jdbc.sql("update mentions set " + t + " = ? where id = ?").params(l.equals("1") ? 1.0 : 0.0, mentionId).update();
		}
		else {
			throw new IllegalArgumentException("unknown task '" + task + "' (expected sentiment, complaint, question, praise or request)");
		}
		jdbc.sql("insert into label_corrections (mention_id, task, old_label, new_label, text, user_id) values (?, ?, ?, ?, ?, ?)")
			.params(mentionId, t, old, l, row[1], userId)
			.update();
		return (Long) row[0];
	}

	/** The corrections of a task as tab-separated lines (text with tabs and line breaks flattened, then the label). */
	public String export(String task) {
		StringBuilder out = new StringBuilder();
		jdbc.sql("select text, new_label from label_corrections where task = ? order by created_at, id")
			.param(task)
			.query(rs -> {
				out.append(rs.getString(1).replaceAll("[\\t\\r\\n]+", " ").strip()).append('\t').append(rs.getString(2)).append('\n');
			});
		return out.toString();
	}
}
