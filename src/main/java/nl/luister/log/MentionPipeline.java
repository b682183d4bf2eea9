package nl.luister.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.analytics.rollup.Rollups;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CasesChanged;
import nl.luister.cases.MatchedMention;
import nl.luister.channel.OwnedAccounts;
import nl.luister.channel.SourceRecord;
import nl.luister.channel.Sources;
import nl.luister.customer.Customers;
import nl.luister.enrich.MessageUnderstanding;
import nl.luister.enrich.Understanding;
import nl.luister.mention.Labels;
import nl.luister.mention.Mentions;
import nl.luister.mention.StoredMention;
import nl.luister.monitor.MatchDocument;
import nl.luister.monitor.TopicExclusions;
import nl.luister.monitor.TopicMatcher;
import nl.luister.noise.NearDuplicates;
import nl.luister.reply.OwnPosts;
import nl.luister.routing.Routing;
import nl.luister.triage.Triage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the mention log in batches on one named virtual thread: match every mention against all topics
 * (leaving out topics whose exclusion lists apply), store it (deduplicated), resolve its author to an identity and a
 * person, tag it with its topics, label it (language, sentiment, intents), count it in the dashboards' rollups, group
 * near-identical mentions, thread it into cases (an overheard near-duplicate of a mention that already reached cases
 * stays out), triage those (severity, rules) and route them to a team and an agent — all in the transaction that removes the batch from the log. An
 * entry that cannot be processed is set aside with its reason.
 *
 * <p>Posts of owned accounts ({@link OwnedAccounts}, or marked {@code own} by their connector) are never customer
 * mentions: they go to {@link OwnPosts} as our replies in their case. A batch is processed in runs of consecutive
 * customer messages and own posts, in log order, so a customer answering our post in the same batch still finds it.
 */
@Component
public class MentionPipeline implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MentionPipeline.class);

	private final MentionLog mentionLog;
	private final TopicMatcher matcher;
	private final Mentions mentions;
	private final CaseManagement cases;
	private final MessageUnderstanding understanding;
	private final Customers customers;
	private final Sources sources;
	private final Rollups rollups;
	private final Triage triage;
	private final OwnedAccounts owned;
	private final OwnPosts ownPosts;
	private final TopicExclusions exclusions;
	private final NearDuplicates duplicates;
	private final Routing routing;
	private final int batchSize;
	private final boolean enabled;
	private volatile Thread worker;
	private volatile boolean running;

	MentionPipeline(MentionLog mentionLog, TopicMatcher matcher, Mentions mentions, CaseManagement cases, Customers customers,
			MessageUnderstanding understanding, Sources sources, Rollups rollups, Triage triage, OwnedAccounts owned,
			OwnPosts ownPosts, TopicExclusions exclusions, NearDuplicates duplicates, Routing routing, @Value("${luister.pipeline.batch-size:500}") int batchSize,
			@Value("${luister.pipeline.enabled:true}") boolean enabled) {
		this.mentionLog = mentionLog;
		this.matcher = matcher;
		this.mentions = mentions;
		this.cases = cases;
		this.understanding = understanding;
		this.customers = customers;
		this.sources = sources;
		this.rollups = rollups;
		this.triage = triage;
		this.owned = owned;
		this.ownPosts = ownPosts;
		this.exclusions = exclusions;
		this.duplicates = duplicates;
		this.routing = routing;
		this.batchSize = batchSize;
		this.enabled = enabled;
	}

	/** Processes one batch now, on the calling thread; returns how many log entries it took. */
	public int processBatch() {
		return mentionLog.drain(batchSize, this::process);
	}

	/** Processes until the log is empty, setting aside entries that cannot be processed. */
	public void drainAll() {
		while (true) {
			try {
				if (processBatch() == 0) return;
			}
			catch (RuntimeException e) {
				isolateFailure(e);
			}
		}
	}

	/**
	 * After a batch failed: process entries one at a time until the failing one is found and quarantined
	 * (or a whole batch's worth went through, when the failure was passing).
	 */
	void isolateFailure(RuntimeException batchFailure) {
		log.warn("A batch of the mention log failed; processing one entry at a time to find the cause", batchFailure);
		for (int i = 0; i < batchSize; i++) {
			long[] current = { -1 };
			try {
				int n = mentionLog.drain(1, single -> {
					current[0] = single.getFirst().logId();
					return process(single);
				});
				if (n == 0) return;
			}
			catch (RuntimeException e) {
				if (current[0] < 0) throw e;
				String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
				log.error("Mention log entry {} cannot be processed and is set aside: {}", current[0], reason);
				mentionLog.quarantine(current[0], reason.length() > 2000 ? reason.substring(0, 2000) : reason);
				return;
			}
		}
	}

	int process(List<LoggedMention> batch) {
		OwnedAccounts.Known known = owned.known();
		int done = 0;
		int start = 0;
		while (start < batch.size()) {
			boolean own = isOwn(batch.get(start), known);
			int end = start + 1;
			while (end < batch.size() && isOwn(batch.get(end), known) == own) end++;
			List<LoggedMention> run = batch.subList(start, end);
			done += own ? ownPosts.record(run.stream().map(MentionPipeline::ownPost).toList())
					: processCustomerMessages(run);
			start = end;
		}
		return done;
	}

	private static OwnPosts.OwnPost ownPost(LoggedMention lm) {
		var m = lm.mention();
		return new OwnPosts.OwnPost(lm.sourceId(), m.externalId(), m.author().handle(), m.text(), m.publishedAt(), m.inReplyTo());
	}

	private static boolean isOwn(LoggedMention lm, OwnedAccounts.Known known) {
		return lm.mention().own() || known.owns(lm.mention().channel(), lm.mention().author().handle());
	}

	private int processCustomerMessages(List<LoggedMention> batch) {
		List<MatchDocument> docs = new ArrayList<>(batch.size());
		List<Mentions.SourcedMention> sourced = new ArrayList<>(batch.size());
		// A batch usually comes from one or a few sources: one look-up per distinct source, not per mention.
		java.util.Map<Long, String> sourceKeys = new java.util.HashMap<>();
		// understood before matching, so topics can filter on the language (lang:)
		List<Labels> labels = new ArrayList<>(batch.size());
		for (LoggedMention lm : batch) {
			var m = lm.mention();
			Labels understood = understand(m.title(), m.text());
			labels.add(understood);
			docs.add(new MatchDocument(m.title(), m.text(), m.author().handle(), m.channel().key(), m.url(),
					sourceKeys.computeIfAbsent(lm.sourceId(), this::sourceKey), understood.language(), m.author().followers()));
			sourced.add(new Mentions.SourcedMention(lm.sourceId(), m));
		}
		List<Set<Long>> topics = exclusions.filter(docs, matcher.match(docs));
		List<StoredMention> stored = mentions.insert(sourced);
		customers.resolve(stored);
		List<MatchedMention> fresh = new ArrayList<>(batch.size());
		List<Labels> freshLabels = new ArrayList<>(batch.size());
		for (int i = 0; i < stored.size(); i++) {
			StoredMention sm = stored.get(i);
			if (sm != null) {
				fresh.add(new MatchedMention(sm, topics.get(i)));
				freshLabels.add(labels.get(i));
			}
		}
		List<Long> ids = fresh.stream().map(f -> f.mention().id()).toList();
		mentions.tag(ids, fresh.stream().map(MatchedMention::topicIds).toList());
		mentions.label(ids, freshLabels);
		rollups.add(facts(fresh, freshLabels));
		boolean[] quiet = duplicates.group(fresh.stream().map(MatchedMention::mention).toList(),
				fresh.stream().map(MatchedMention::reachesCases).toList());
		List<MatchedMention> toCases = new ArrayList<>(fresh.size());
		for (int i = 0; i < fresh.size(); i++) {
			// a quiet duplicate keeps its topic tags but reaches cases only as a reply to a case's message
			toCases.add(quiet[i] ? new MatchedMention(fresh.get(i).mention(), Set.of()) : fresh.get(i));
		}
		CasesChanged touched = cases.attach(toCases);
		duplicates.casesAttached(ids);
		// severity, repeat-contact escalation and the rules, in this batch's transaction
		List<Long> touchedIds = java.util.stream.Stream.concat(touched.opened().stream(), touched.changed().stream()).toList();
		triage.caseTouched(touchedIds);
		// after triage: a rule's team and the severity are known; unassigned cases go to a team and an agent
		routing.route(touchedIds);
		return fresh.size();
	}

	private static List<Rollups.Fact> facts(List<MatchedMention> fresh, List<Labels> labels) {
		List<Rollups.Fact> facts = new ArrayList<>(fresh.size());
		for (int i = 0; i < fresh.size(); i++) {
			StoredMention m = fresh.get(i).mention();
			Labels l = labels.get(i);
			facts.add(new Rollups.Fact(m.publishedAt(), m.channel().key(), l.language(), l.sentiment(), l.isComplaint(), m.url(),
					m.authorHandle(), m.authorFollowers(), fresh.get(i).topicIds()));
		}
		return facts;
	}

	private Labels understand(String title, String body) {
		String text = title == null || title.isBlank() ? body : title + "\n" + body;
		Understanding u = understanding.understand(text, null);
		return new Labels(u.language(), u.sentiment().name(), u.sentimentConfidence(), u.complaintConfidence(),
				u.questionConfidence(), u.praiseConfidence(), u.requestConfidence());
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
				try {
					isolateFailure(e);
					continue;
				}
				catch (RuntimeException again) {
					log.error("Mention pipeline cannot reach the log; retrying in {}", pause, again);
				}
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
