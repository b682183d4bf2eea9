package nl.luister.monitor.backfill;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.MatchedMention;
import nl.luister.channel.SourceRecord;
import nl.luister.channel.Sources;
import nl.luister.database.AfterCommit;
import nl.luister.mention.StoredMention;
import nl.luister.monitor.MatchDocument;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicManagement;
import nl.luister.monitor.TopicMatcher;
import nl.luister.noise.NearDuplicates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backfills (retro-search): runs a new or changed topic over the stored mentions of the last days and adds the topic
 * to those it matches, opening or joining cases for them only when asked.
 *
 * <p>Each job walks the mentions that were stored when it started, by id, in batches through the matcher's batch API
 * (with the exclusion lists applied), each batch in its own short transaction together with the job's progress, on
 * its own named virtual thread ({@code backfill-<id>}). Live ingest never waits for it beyond a batch's row locks.
 * Idempotent: a mention already tagged with the topic is not counted or tagged again, and one already in a case is
 * not put into another, so running it twice adds nothing twice. Resumable: a job still running when the application
 * stopped continues where its last committed batch ended. Cancelling stops it after the current batch (that batch is
 * rolled back). An overheard near-duplicate whose group already has a case opens none.
 */
@Service
public class Backfills implements SmartLifecycle {

	/** The longest window a backfill may cover. */
	public static final int MAX_DAYS = 3650;

	private static final Logger log = LoggerFactory.getLogger(Backfills.class);

	private final BackfillJobs jobs;

	private final TopicManagement topics;

	private final TopicMatcher matcher;

	private final TopicExclusions exclusions;

	private final CaseManagement cases;

	private final NearDuplicates duplicates;

	private final Sources sources;

	private final TransactionTemplate tx;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final int batchSize;

	private final boolean resume;

	private final Clock clock = Clock.systemUTC();

	private volatile boolean running;

	Backfills(BackfillJobs jobs, TopicManagement topics, TopicMatcher matcher, TopicExclusions exclusions, CaseManagement cases,
			NearDuplicates duplicates, Sources sources, TransactionTemplate tx, org.springframework.context.ApplicationEventPublisher events,
			@Value("${luister.backfill.batch-size:500}") int batchSize, @Value("${luister.backfill.resume:true}") boolean resume) {
		this.events = events;
		this.jobs = jobs;
		this.topics = topics;
		this.matcher = matcher;
		this.exclusions = exclusions;
		this.cases = cases;
		this.duplicates = duplicates;
		this.sources = sources;
		this.tx = tx;
		this.batchSize = batchSize;
		this.resume = resume;
	}

	/**
	 * Starts a backfill of the topic over the mentions published in the last {@code days} days; when one is already
	 * running for the topic, returns that one instead.
	 *
	 * @throws nl.luister.monitor.TopicNotFound when there is no such topic
	 * @throws IllegalArgumentException when {@code days} is not between 1 and {@value #MAX_DAYS}
	 */
	@Transactional
	public BackfillJob start(long topicId, int days, boolean openCases, Long userId) {
		if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("a backfill covers 1 to " + MAX_DAYS + " days, not " + days);
		topics.get(topicId);
		Optional<BackfillJob> already = jobs.runningOf(topicId);
		if (already.isPresent()) return already.get();
		long id = jobs.create(topicId, days, openCases, clock.instant().minus(Duration.ofDays(days)), userId);
		AfterCommit.run(() -> launch(id));
		return jobs.find(id).orElseThrow();
	}

	public Optional<BackfillJob> find(long id) {
		return jobs.find(id);
	}

	/** The newest backfill of the topic, if it ever had one. */
	public Optional<BackfillJob> latestOf(long topicId) {
		return jobs.latestOf(topicId);
	}

	/** Stops a running backfill after its current batch; returns whether it was running. */
	public boolean cancel(long id) {
		return jobs.finish(id, BackfillJob.State.CANCELLED, null);
	}

	/** Runs the job to its end on the calling thread (the job's own thread calls this). */
	void run(long id) {
		try {
			runBatches(id);
		}
		finally {
			// committed batches added tags whatever the outcome: counts per topic need them
			jobs.find(id).filter(j -> !j.running()).ifPresent(j -> events.publishEvent(new BackfillEnded(j.id(), j.topicId(), j.since())));
		}
	}

	private void runBatches(long id) {
		try {
			while (true) {
				// stopping leaves the job running in the table: the next start resumes it
				if (!running) return;
				BackfillJob job = jobs.find(id).orElse(null);
				if (job == null || !job.running()) return;
				Boolean more = tx.execute(status -> batch(job));
				if (!Boolean.TRUE.equals(more)) break;
			}
			jobs.finish(id, BackfillJob.State.DONE, null);
		}
		catch (Cancelled e) {
			log.info("Backfill {} was cancelled", id);
		}
		catch (RuntimeException e) {
			log.error("Backfill {} failed", id, e);
			String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			jobs.finish(id, BackfillJob.State.FAILED, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
		}
	}

	/** One batch; returns whether there may be more. */
	private boolean batch(BackfillJob job) {
		List<BackfillJobs.Candidate> batch = jobs.nextBatch(job.id(), batchSize);
		if (batch.isEmpty()) return false;
		Map<Long, String> sourceKeys = new HashMap<>();
		List<MatchDocument> docs = new ArrayList<>(batch.size());
		for (BackfillJobs.Candidate c : batch) {
			StoredMention m = c.mention();
			docs.add(new MatchDocument(m.title(), m.text(), m.authorHandle(), m.channel().key(), m.url(),
					sourceKeys.computeIfAbsent(m.sourceId(), this::sourceKey), c.language(), m.authorFollowers()));
		}
		List<Set<Long>> matches = exclusions.filter(docs, matcher.match(docs));
		List<StoredMention> matched = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (matches.get(i).contains(job.topicId())) matched.add(batch.get(i).mention());
		}
		List<Long> added = jobs.tag(job.topicId(), matched.stream().mapToLong(StoredMention::id).toArray());
		int touched = 0;
		if (job.openCases() && !matched.isEmpty()) {
			List<StoredMention> caseless = matched.stream().filter(m -> m.caseId() == null).toList();
			Set<Long> quiet = duplicates.quietMembers(caseless.stream().map(StoredMention::id).toList());
			List<MatchedMention> toCases = caseless.stream().filter(m -> m.addressed() || !quiet.contains(m.id()))
				.map(m -> new MatchedMention(m, Set.of(job.topicId()))).toList();
			cases.attach(toCases);
			long[] ids = toCases.stream().mapToLong(mm -> mm.mention().id()).toArray();
			duplicates.casesAttached(toCases.stream().map(mm -> mm.mention().id()).toList());
			touched = jobs.countInCases(ids);
		}
		long last = batch.getLast().mention().id();
		if (!jobs.advance(job.id(), last, batch.size(), added.size(), touched)) throw new Cancelled();
		return batch.size() == batchSize;
	}

	private String sourceKey(long sourceId) {
		return sources.find(sourceId).map(SourceRecord::key).orElse(null);
	}

	private void launch(long id) {
		Thread.ofVirtual().name("backfill-" + id).start(() -> run(id));
	}

	/** Resumes the backfills that were running when the application stopped. */
	@Override
	public void start() {
		running = true;
		if (resume) jobs.running().forEach(this::launch);
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Raised inside a batch's transaction when the job was cancelled meanwhile: rolls the batch back. */
	private static final class Cancelled extends RuntimeException {
		Cancelled() {
			super("backfill cancelled", null, false, false);
		}
	}
}
