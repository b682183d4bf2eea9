package nl.luister.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.RawMention;
import nl.luister.database.AfterCommit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded-mode mention log: a PostgreSQL table claimed in batches with {@code FOR UPDATE SKIP LOCKED}. */
@Component
class PostgresMentionLog implements MentionLog {

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final JsonMapper json;
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition appended = lock.newCondition();
	private long appends;

	PostgresMentionLog(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
	}

	@Override
	public List<RawMention> append(long sourceId, List<RawMention> items) {
		if (items.isEmpty()) return List.of();
		String[] ids = new String[items.size()];
		String[] payloads = new String[items.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = items.get(i).externalId();
			payloads[i] = json.writeValueAsString(items.get(i));
		}
		// one statement for the whole batch; an id that is logged or stored already is skipped
		Set<String> inserted = new HashSet<>(jdbc.sql("""
				insert into mention_log (source_id, external_id, payload)
				select ?, t.external_id, t.payload::jsonb
				from unnest(?::text[], ?::text[]) with ordinality as t(external_id, payload, n)
				where not exists (select 1 from mentions m where m.source_id = ? and m.external_id = t.external_id)
				order by t.n
				on conflict (source_id, external_id) do nothing
				returning external_id""")
			.params(sourceId, ids, payloads, sourceId)
			.query(String.class)
			.list());
		List<RawMention> fresh = new ArrayList<>(inserted.size());
		for (RawMention item : items) {
			if (inserted.remove(item.externalId())) fresh.add(item);
		}
		if (!fresh.isEmpty()) AfterCommit.run(this::signal);
		return fresh;
	}

	@Override
	public int drain(int max, Function<List<LoggedMention>, ?> processing) {
		Integer n = tx.execute(status -> {
			List<Long> unreadable = new ArrayList<>();
			List<LoggedMention> batch = new ArrayList<>();
			jdbc.sql("""
					select id, source_id, payload::text as payload from mention_log where failed_at is null
					order by id limit ? for update skip locked""")
				.param(max)
				.query((rs, row) -> {
					try {
						batch.add(new LoggedMention(rs.getLong("id"), rs.getLong("source_id"),
								json.readValue(rs.getString("payload"), RawMention.class)));
					}
					catch (JacksonException | IllegalArgumentException e) {
						unreadable.add(rs.getLong("id"));
					}
					return null;
				})
				.list();
			for (long id : unreadable) quarantine(id, "the logged item cannot be read back");
			if (batch.isEmpty()) return unreadable.size();
			processing.apply(batch);
			jdbc.sql("delete from mention_log where id = any(?)")
				.param(batch.stream().mapToLong(LoggedMention::logId).toArray())
				.update();
			return batch.size() + unreadable.size();
		});
		return n == null ? 0 : n;
	}

	@Override
	public void quarantine(long logId, String reason) {
		jdbc.sql("update mention_log set failed_at = now(), error = ? where id = ?").params(reason, logId).update();
	}

	@Override
	public long quarantined() {
		return jdbc.sql("select count(*) from mention_log where failed_at is not null").query(Long.class).single();
	}

	@Override
	public void awaitAppend(Duration timeout) throws InterruptedException {
		lock.lock();
		try {
			long seen = appends;
			long nanos = timeout.toNanos();
			while (appends == seen && nanos > 0) nanos = appended.awaitNanos(nanos);
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public long backlog() {
		return jdbc.sql("select count(*) from mention_log where failed_at is null").query(Long.class).single();
	}

	private void signal() {
		lock.lock();
		try {
			appends++;
			appended.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

}
