package nl.luister.cases;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import nl.luister.channel.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts cases for the inbox's views. Three grouped queries however many views, channels and topics there
 * are, so the counters cost the same on every page load. Thread-safe.
 */
@Service
public class CaseCounts {

	private final JdbcClient jdbc;

	CaseCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counters as {@code userId} sees them ("mine"); {@code userId} may be {@code null}. */
	public InboxCounts of(Long userId) {
		Map<CaseStatus, Integer> byStatus = new EnumMap<>(CaseStatus.class);
		for (CaseStatus s : CaseStatus.values()) byStatus.put(s, 0);
		int[] views = new int[2];
		jdbc.sql("""
				select status, count(*) as n,
				  count(*) filter (where assignee_id = :me) as mine,
				  count(*) filter (where assignee_id is null) as unassigned
				from cases group by status""")
			.param("me", userId == null ? -1L : userId)
			.query(rs -> {
				CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
				byStatus.put(status, rs.getInt("n"));
				if (InboxFilter.OPEN_STATUSES.contains(status)) {
					views[0] += rs.getInt("mine");
					views[1] += rs.getInt("unassigned");
				}
			});
		Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
		jdbc.sql("select channel, count(*) as n from cases where status <> 'RESOLVED' group by channel")
			.query(rs -> {
				byChannel.merge(Channel.parse(rs.getString("channel")), rs.getInt("n"), Integer::sum);
			});
		Map<Long, Integer> byTopic = new HashMap<>();
		jdbc.sql("""
				select mt.topic_id, count(distinct c.id) as n
				from cases c join mentions m on m.case_id = c.id join mention_topics mt on mt.mention_id = m.id
				where c.status <> 'RESOLVED' group by mt.topic_id""")
			.query(rs -> {
				byTopic.put(rs.getLong("topic_id"), rs.getInt("n"));
			});
		int allOpen = InboxFilter.OPEN_STATUSES.stream().mapToInt(byStatus::get).sum();
		return new InboxCounts(allOpen, views[0], views[1], byStatus, byChannel, byTopic);
	}
}
