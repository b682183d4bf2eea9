package nl.luister.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls due sources, each on its own named virtual thread, never two fetches of one source at a time.
 * A failure is recorded with its reason and the source backs off exponentially (from 30 seconds, doubling,
 * at most 6 hours); one failing source never holds up the others.
 */
@Component
public class SourceRunner {

	private static final Logger log = LoggerFactory.getLogger(SourceRunner.class);
	static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
	static final Duration MAX_BACKOFF = Duration.ofHours(6);

	private final Sources sources;
	private final Connectors connectors;
	private final Ingestion ingestion;
	private final Clock clock;
	private final Map<Long, ReentrantLock> fetching = new ConcurrentHashMap<>();
	private final Set<Long> scheduled = ConcurrentHashMap.newKeySet();
	private final boolean scheduling;

	SourceRunner(Sources sources, Connectors connectors, Ingestion ingestion,
			@Value("${luister.sources.scheduling:true}") boolean scheduling) {
		this.scheduling = scheduling;
		this.sources = sources;
		this.connectors = connectors;
		this.ingestion = ingestion;
		this.clock = Clock.systemUTC();
	}

	@Scheduled(fixedDelayString = "${luister.sources.tick:PT1S}", initialDelayString = "${luister.sources.initial-delay:PT2S}")
	void pollDueSources() {
		if (!scheduling) return;
		for (SourceRecord source : sources.due(clock.instant(), connectors.types())) {
			if (scheduled.add(source.id())) {
				Thread.ofVirtual().name("source-" + source.id() + "-" + source.key()).start(() -> {
					try {
						pollNow(source.id());
					}
					finally {
						scheduled.remove(source.id());
					}
				});
			}
		}
	}

	/**
	 * Fetches one source once now, with its stored cursor, and records the outcome; waits while another fetch
	 * of the same source runs, so a source is never fetched twice at once. Returns the number of new items.
	 */
	public int pollNow(long sourceId) {
		ReentrantLock lock = lockOf(sourceId);
		lock.lock();
		try {
			return poll(sources.find(sourceId).orElseThrow(() -> new SourceNotFound(sourceId)));
		}
		finally {
			lock.unlock();
		}
	}

	private ReentrantLock lockOf(long sourceId) {
		return fetching.computeIfAbsent(sourceId, id -> new ReentrantLock());
	}

	private int poll(SourceRecord source) {
		Source<?> connector = connectors.find(source.type())
			.orElseThrow(() -> new IllegalStateException("no connector of type " + source.type()));
		try {
			Batch batch = fetch(connector, source);
			Instant next = clock.instant().plusSeconds(source.pollSeconds());
			for (Batch.Skipped skipped : batch.skipped()) {
				log.warn("Source {} skipped an item at {}: {}", source.key(), skipped.where(), skipped.reason());
			}
			return ingestion.ingestFetched(source.id(), batch, next).added();
		}
		catch (RuntimeException e) {
			String reason = e instanceof SourceUnavailable ? e.getMessage()
					: "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			Instant next = clock.instant().plus(backoff(source.failures() + 1));
			// a rate-limited source waits until the limit resets, never less
			Instant until = SourceProblem.rateLimitedUntil(reason);
			if (until != null && until.isAfter(next)) next = until;
			log.warn("Source {} failed ({} in a row), next attempt {}: {}", source.key(), source.failures() + 1, next, reason);
			sources.recordFailure(source.id(), reason, next);
			return 0;
		}
	}

	/** Tests the connection of a stored source without ingesting anything. */
	public Source.Probe probe(SourceRecord source) {
		Source<?> connector = connectors.find(source.type()).orElse(null);
		if (connector == null) return Source.Probe.failed("sources of type '" + source.type() + "' are not polled");
		try {
			return probe(connector, source);
		}
		catch (RuntimeException e) {
			return Source.Probe.failed(e.getMessage());
		}
	}

	static Duration backoff(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration d = FIRST_BACKOFF.multipliedBy(1L << doublings);
		return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
	}

	private <S> Batch fetch(Source<S> connector, SourceRecord source) {
		return connector.fetch(connectors.settings(connector, source.settings()), source.cursor());
	}

	private <S> Source.Probe probe(Source<S> connector, SourceRecord source) {
		return connector.probe(connectors.settings(connector, source.settings()));
	}
}
