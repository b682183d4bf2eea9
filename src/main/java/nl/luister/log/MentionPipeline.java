package nl.luister.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.cases.CaseManagement;
import nl.luister.channel.SourceRecord;
import nl.luister.channel.Sources;
import nl.luister.cases.MatchedMention;
import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;
import nl.luister.monitor.MatchDocument;
import nl.luister.monitor.TopicMatcher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the mention log in batches on one named virtual thread: match every mention against all topics,
 * store it (deduplicated), tag it with its topics and thread it into cases — all in the transaction that
 * removes the batch from the log. A batch that fails stays in the log and is retried after a pause.
 */
@Component
public class MentionPipeline implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MentionPipeline.class);

	private final MentionLog mentionLog;
	private final TopicMatcher matcher;
	private final Mentions mentions;
	private final CaseManagement cases;
	private final Sources sources;
	private final int batchSize;
	private final boolean enabled;
	private volatile Thread worker;
	private volatile boolean running;

	MentionPipeline(MentionLog mentionLog, TopicMatcher matcher, Mentions mentions, CaseManagement cases, Sources sources,
			@Value("${luister.pipeline.batch-size:500}") int batchSize,
			@Value("${luister.pipeline.enabled:true}") boolean enabled) {
		this.mentionLog = mentionLog;
		this.matcher = matcher;
		this.mentions = mentions;
		this.cases = cases;
		this.sources = sources;
		this.batchSize = batchSize;
		this.enabled = enabled;
	}

	/** Processes one batch now, on the calling thread; returns how many log entries it took. */
	public int processBatch() {
		return mentionLog.drain(batchSize, this::process);
	}

	/** Processes until the log is empty. */
	public void drainAll() {
		while (processBatch() > 0) {
			// keep going
		}
	}

	int process(List<LoggedMention> batch) {
		List<MatchDocument> docs = new ArrayList<>(batch.size());
		List<Mentions.SourcedMention> sourced = new ArrayList<>(batch.size());
		// A batch usually comes from one or a few sources: one look-up per distinct source, not per mention.
		java.util.Map<Long, String> sourceKeys = new java.util.HashMap<>();
		for (LoggedMention lm : batch) {
			var m = lm.mention();
			docs.add(new MatchDocument(m.title(), m.text(), m.author().handle(), m.channel().key(), m.url(),
					sourceKeys.computeIfAbsent(lm.sourceId(), this::sourceKey), null, m.author().followers()));
			sourced.add(new Mentions.SourcedMention(lm.sourceId(), m));
		}
		List<Set<Long>> topics = matcher.match(docs);
		List<StoredMention> stored = mentions.insert(sourced);
		List<MatchedMention> fresh = new ArrayList<>(batch.size());
		for (int i = 0; i < stored.size(); i++) {
			StoredMention sm = stored.get(i);
			if (sm != null) fresh.add(new MatchedMention(sm, topics.get(i)));
		}
		mentions.tag(fresh.stream().map(f -> f.mention().id()).toList(), fresh.stream().map(MatchedMention::topicIds).toList());
		cases.attach(fresh);
		return fresh.size();
	}

	private String sourceKey(long sourceId) {
		return sources.find(sourceId).map(SourceRecord::key).orElse(null);
	}

	private void loop() {
		Duration pause = Duration.ofSeconds(1);
		while (running) {
			try {
				if (processBatch() == 0) mentionLog.awaitAppend(Duration.ofSeconds(1));
				pause = Duration.ofSeconds(1);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("Mention pipeline failed on a batch; it stays in the log and is retried in {}", pause, e);
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
				pause = pause.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : pause.multipliedBy(2);
			}
		}
	}

	@Override
	public void start() {
		running = true;
		if (!enabled) return;
		worker = Thread.ofVirtual().name("mention-pipeline").start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		Thread w = worker;
		if (w != null) {
			w.interrupt();
			try {
				w.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
