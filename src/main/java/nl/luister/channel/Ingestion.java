package nl.luister.channel;

import java.time.Instant;
import java.util.List;

import nl.luister.database.AfterCommit;
import nl.luister.log.MentionLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what sources deliver into the mention log. The items and the source's new cursor commit in one
 * transaction, so a crash in between loses nothing and a restart re-reads nothing twice.
 */
@Service
public class Ingestion {

	private final MentionLog log;
	private final Sources sources;
	private final JdbcClient jdbc;
	private final SourceHealth health;

	Ingestion(MentionLog log, Sources sources, JdbcClient jdbc, SourceHealth health) {
		this.health = health;
		this.log = log;
		this.sources = sources;
		this.jdbc = jdbc;
	}

	/** Stores a fetched batch with its cursor and marks the source healthy. */
	@Transactional
	public Ingested ingestFetched(long sourceId, Batch batch, Instant nextAttempt) {
		List<RawMention> fresh = log.append(sourceId, batch.items());
		sources.recordSuccess(sourceId, batch.next(), fresh.size(), nextAttempt).ifPresent(health::recovered);
		return new Ingested(fresh.size(), batch.items().size() - fresh.size());
	}

	/**
	 * Stores pushed or imported items of a source (no cursor). The source's counters are updated after the
	 * commit, in a statement of their own, so concurrent deliveries to one source (webhooks) don't queue on its row.
	 */
	@Transactional
	public Ingested ingestPushed(long sourceId, List<RawMention> items) {
		List<RawMention> fresh = log.append(sourceId, items);
		AfterCommit.run(() -> jdbc.sql("update sources set items_total = items_total + ?, last_success_at = now() where id = ?")
			.params(fresh.size(), sourceId)
			.update());
		return new Ingested(fresh.size(), items.size() - fresh.size());
	}

	/** How many items were new and how many had been delivered before. */
	public record Ingested(int added, int duplicates) {
	}
}
