package nl.luister.monitor;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TopicMatcher} on Lucene's monitor: the topic queries are indexed, and for each batch of documents a
 * presearcher picks the candidate topics from the documents' terms (handed to the monitor as one document holding
 * the batch's terms, see {@link MentionBatch#presearchDocument}); only those are verified, by their direct form over
 * the batch's analysis or, for proximity, by Lucene on an in-memory index of each mention that may match
 * ({@link VerifyingMatcher}).
 *
 * <p>Presearching (see {@link Presearching#MULTIPASS}): structured fields ({@code channel:}, {@code lang:},
 * {@code source:}, {@code site:}) are weighed low, so a query with a text word is selected by that word and not
 * by, say, every Twitter mention. Wildcard words carry a required prefix term of up to five letters, when they
 * end in letters a suffix term, and 4-letter gram terms of their literal middle, so they don't make a query a
 * candidate for every document either. Two passes make a conjunction ({@code pakvi* AND sale},
 * {@code brand NEAR/2 storing}) a candidate only when the document has its two best terms, not just one common
 * word. Queries are stored rewritten (see
 * {@link LuceneQueries#prerewritten}) and verified without the searcher's query cache ({@link VerifyingMatcher}).
 *
 * <p>Topic changes at runtime go to a small <em>fresh</em> index (no presearcher: every fresh topic is verified)
 * and hide the topic's old version in the main index, so a change is visible to the next match within
 * milliseconds however many topics there are; a background thread ({@code luister-topic-index-merge}) moves
 * them into the main index a moment later ({@link #MERGE_DELAY_MILLIS}), where a commit rebuilds the monitor's
 * filter of every indexed term (seconds at 100k topics) without holding up matching.
 *
 * <p>Lifecycle: create, {@link #replaceAll} at start-up, {@link #put}/{@link #remove} at runtime,
 * {@link #close} at shutdown. Thread-safety: {@link #match} may run on many threads while topics change;
 * changes are serialised and visible to the next match as soon as the call returns; each topic is matched
 * with either its old or its new query. A stemmed topic makes documents carry stemmed fields from then on,
 * and a wildcard topic prefix and suffix fields; a batch that started just before the first such topic was
 * added may miss it once.
 *
 * <p>Errors: {@link #put} and {@link #replaceAll} throw {@link QuerySyntaxError} for an invalid query and then
 * change nothing. When Lucene reports an error for one query on a batch (e.g. a wildcard inside NEAR with too
 * many expansions in a big batch) that query is retried per document; an error there is logged and counted in
 * {@link #errors()}, never thrown to the pipeline.
 */
public final class LuceneTopicMatcher implements TopicMatcher, Closeable {

	private static final Logger log = LoggerFactory.getLogger(LuceneTopicMatcher.class);

	/** How candidate topics are chosen for a document. */
	public enum Presearching {

		/**
		 * Luister's set-up (the default): the multipass term-filtered presearcher (two passes, so a conjunction
		 * needs its two best terms in the document, not just one) with Luister's term weights.
		 */
		MULTIPASS,
		/** The single-pass term-filtered presearcher with Luister's term weights. */
		WEIGHTED,
		/** The monitor's default {@code TermFilteredPresearcher} and its default matcher. */
		DEFAULT,
		/**
		 * No presearcher: every topic is verified against every document with the monitor's default matcher
		 * (the correctness oracle).
		 */
		NONE

	}

	/** How long after a topic change the fresh index is merged into the main one (changes in between join it). */
	static final long MERGE_DELAY_MILLIS = 2_000;

	/** Marks a topic removed since the last merge. */
	private static final Object REMOVED = new Object();

	private final Monitor monitor;

	/** Topics changed since the last merge, all verified against every batch (no presearcher). */
	private final Monitor fresh;

	/** Whether candidates are verified by {@link VerifyingMatcher} (direct forms first) or the monitor's own matcher. */
	private final boolean directVerification;

	private final Object writeLock = new Object();

	/** Held while the main index is written: by a merge, and by {@link #replaceAll}. */
	private final Object mergeLock = new Object();

	/**
	 * Which topics to ignore in the main index (changed or removed since the last merge) and which to take from the
	 * fresh one, published together so a match sees a topic's old version or its new one, never both or neither.
	 */
	private record View(Set<String> shadowed, Set<String> fresh) {

		static final View EMPTY = new View(Set.of(), Set.of());

	}

	private volatile View view = View.EMPTY;

	/** Held (shared) by every match; the fresh index drops merged topics only when it can hold it alone. */
	private final java.util.concurrent.locks.ReadWriteLock matching = new java.util.concurrent.locks.ReentrantReadWriteLock();

	/** Topics merged into the main index but still in the fresh one (invisible there); guarded by {@link #writeLock}. */
	private final Set<String> stale = new java.util.HashSet<>();

	/**
	 * What the next merge moves into the main index: a {@link Compiled} topic, or {@link #REMOVED}; guarded by
	 * {@link #writeLock}.
	 */
	private final Map<Long, Object> pending = new HashMap<>();

	private boolean mergeScheduled;

	private final ScheduledExecutorService merger = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("luister-topic-index-merge").factory());

	private final Map<Long, Query> queries = new ConcurrentHashMap<>();

	private final AtomicLong documents = new AtomicLong();

	private final AtomicLong candidates = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private volatile boolean dutch;

	private volatile boolean english;

	/** Whether some topic has a wildcard word, so mentions need the prefix and suffix fields. */
	private volatile boolean affixes;

	/**
	 * The terms a batch's presearch document holds; replaced as a whole by {@link #replaceAll}, added to by
	 * {@link #put}.
	 */
	private volatile IndexedTerms indexed = new IndexedTerms();

	/** A matcher with Luister's presearcher. */
	public LuceneTopicMatcher() {
		this(Presearching.MULTIPASS);
	}

	public LuceneTopicMatcher(Presearching presearching) {
		this.directVerification = switch (presearching) {
			case MULTIPASS, WEIGHTED -> true;
			case DEFAULT, NONE -> false;
		};
		try {
			this.monitor = new Monitor(MentionAnalysis.ANALYZER, presearcher(presearching), configuration());
			this.fresh = new Monitor(MentionAnalysis.ANALYZER, Presearcher.NO_FILTERING, configuration());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create the in-memory query index", ex);
		}
	}

	/**
	 * The query index in memory, each file in one buffer: the default keeps a file as a list of blocks, and every
	 * clone of an input (one per term lookup of a presearch) copied that list; at 100k topics that was a quarter of
	 * matching one mention.
	 */
	private static MonitorConfiguration configuration() {
		return new MonitorConfiguration().setDirectoryProvider(() -> new ByteBuffersDirectory(
				new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER),
				null);
	}

	private static Presearcher presearcher(Presearching presearching) {
		TermWeightor weightor = LuceneTopicMatcher::weight;
		return switch (presearching) {
			case WEIGHTED -> new TermFilteredPresearcher(weightor, List.of(), Set.of());
			case MULTIPASS -> new LeanMultipassPresearcher(weightor);
			case DEFAULT -> new TermFilteredPresearcher();
			case NONE -> Presearcher.NO_FILTERING;
		};
	}

	/**
	 * How well a term selects topics: longer is rarer (the monitor's default), a structured field value such as
	 * {@code channel:twitter} hardly selects at all, and a wildcard's prefix term weighs as its letters do, a
	 * little below a whole word of that length; a gram term likewise, a little more for digits and rare letters.
	 */
	static double weight(Term term) {
		String field = term.field();
		if (MentionAnalysis.FILTER_FIELDS.contains(field)) {
			return 0.01 * TermWeightor.DEFAULT.applyAsDouble(term);
		}
		if (field.startsWith("pfx.") || field.startsWith("sfx.")) {
			String prefix = term.text().substring(1);
			return 0.9 * TermWeightor.DEFAULT.applyAsDouble(new Term(field, prefix));
		}
		if (field.startsWith("ngr.")) {
			return 0.9 * TermWeightor.DEFAULT.applyAsDouble(term) + 0.2 * MentionAnalysis.gramRarity(term.text());
		}
		return TermWeightor.DEFAULT.applyAsDouble(term);
	}

	@Override
	public void replaceAll(Collection<StandingQuery> standing) {
		List<MonitorQuery> compiled = new ArrayList<>(standing.size());
		List<Compiled> topics = new ArrayList<>(standing.size());
		Map<Long, Query> byId = new HashMap<>();
		for (StandingQuery query : standing) {
			Compiled topic = compile(query);
			topics.add(topic);
			compiled.add(topic.query());
			byId.put(query.topicId(), topic.lucene());
		}
		synchronized (this.mergeLock) {
			synchronized (this.writeLock) {
				for (StandingQuery query : standing) {
					noteStemming(query.stemming());
				}
				IndexedTerms terms = new IndexedTerms();
				for (Compiled topic : topics) {
					noteAffixes(topic.lucene());
					terms.add(topic.lucene(), topic.verification());
				}
				this.indexed = terms;
				try {
					this.monitor.register(compiled);
					List<String> gone = new ArrayList<>();
					for (Long id : this.queries.keySet()) {
						if (!byId.containsKey(id)) {
							gone.add(Long.toString(id));
						}
					}
					if (!gone.isEmpty()) {
						this.monitor.deleteById(gone);
					}
					this.matching.writeLock().lock();
					try {
						this.fresh.clear();
						this.view = View.EMPTY;
					}
					finally {
						this.matching.writeLock().unlock();
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("could not update the in-memory query index", ex);
				}
				this.pending.clear();
				this.stale.clear();
				this.queries.putAll(byId);
				this.queries.keySet().retainAll(byId.keySet());
			}
		}
	}

	@Override
	public void put(StandingQuery query) {
		Compiled topic = compile(query);
		MonitorQuery compiled = topic.query();
		synchronized (this.writeLock) {
			noteStemming(query.stemming());
			noteAffixes(topic.lucene());
			this.indexed.add(topic.lucene(), topic.verification());
			try {
				this.fresh.register(compiled);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not add topic " + query.topicId() + " to the query index", ex);
			}
			String id = compiled.getId();
			this.stale.remove(id);
			this.view = new View(with(this.view.shadowed(), id), with(this.view.fresh(), id));
			this.pending.put(query.topicId(), topic);
			this.queries.put(query.topicId(), topic.lucene());
			scheduleMerge();
		}
	}

	@Override
	public void remove(long topicId) {
		synchronized (this.writeLock) {
			if (this.queries.remove(topicId) == null) {
				return;
			}
			String id = Long.toString(topicId);
			this.view = new View(with(this.view.shadowed(), id), without(this.view.fresh(), id));
			if (this.pending.put(topicId, REMOVED) instanceof Compiled) {
				this.stale.add(id);
			}
			scheduleMerge();
		}
	}

	private static Set<String> with(Set<String> set, String id) {
		if (set.contains(id)) {
			return set;
		}
		Set<String> more = new java.util.HashSet<>(set);
		more.add(id);
		return Set.copyOf(more);
	}

	private static Set<String> without(Set<String> set, String id) {
		if (!set.contains(id)) {
			return set;
		}
		Set<String> fewer = new java.util.HashSet<>(set);
		fewer.remove(id);
		return Set.copyOf(fewer);
	}

	private void scheduleMerge() {
		if (!this.mergeScheduled && !this.merger.isShutdown() && (!this.pending.isEmpty() || !this.stale.isEmpty())) {
			this.mergeScheduled = true;
			this.merger.schedule(this::mergeQuietly, MERGE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private void mergeQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.error("Could not merge changed topics into the main query index; they stay matched from the fresh index and the merge is retried", ex);
			synchronized (this.writeLock) {
				scheduleMerge();
			}
		}
	}

	/**
	 * Moves the topics changed so far from the fresh index into the main one now (the background thread does this
	 * {@link #MERGE_DELAY_MILLIS} after a change). Matching goes on meanwhile; a topic changed again during the
	 * merge stays fresh until the next one.
	 */
	public void flush() {
		synchronized (this.mergeLock) {
			Map<Long, Object> batch;
			synchronized (this.writeLock) {
				this.mergeScheduled = false;
				batch = new HashMap<>(this.pending);
			}
			if (batch.isEmpty()) {
				dropStale();
				return;
			}
			List<MonitorQuery> changed = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			batch.forEach((id, version) -> {
				if (version instanceof Compiled topic) {
					changed.add(topic.query());
				}
				else {
					removed.add(Long.toString(id));
				}
			});
			try {
				if (!changed.isEmpty()) {
					this.monitor.register(changed);
				}
				if (!removed.isEmpty()) {
					this.monitor.deleteById(removed);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not merge " + batch.size() + " changed topics into the query index", ex);
			}
			synchronized (this.writeLock) {
				Set<String> shadowed = new java.util.HashSet<>(this.view.shadowed());
				Set<String> fresh = new java.util.HashSet<>(this.view.fresh());
				batch.forEach((id, version) -> {
					if (this.pending.get(id) == version) {
						this.pending.remove(id);
						shadowed.remove(Long.toString(id));
						if (fresh.remove(Long.toString(id))) {
							this.stale.add(Long.toString(id));
						}
					}
				});
				this.view = new View(Set.copyOf(shadowed), Set.copyOf(fresh));
			}
			dropStale();
		}
	}

	/**
	 * Deletes merged topics from the fresh index once no match is running (one that started before the merge may
	 * still take them from there); when matches keep it busy, the next merge round tries again.
	 */
	private void dropStale() {
		synchronized (this.writeLock) {
			if (this.stale.isEmpty()) {
				return;
			}
			if (!this.matching.writeLock().tryLock()) {
				scheduleMerge();
				return;
			}
			try {
				this.fresh.deleteById(List.copyOf(this.stale));
				this.stale.clear();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not clear merged topics from the fresh query index", ex);
			}
			finally {
				this.matching.writeLock().unlock();
			}
		}
	}

	/** Topics changed since the last merge into the main index (for diagnostics and tests). */
	public int freshTopics() {
		return this.view.fresh().size();
	}

	@Override
	public List<Set<Long>> match(List<MatchDocument> batch) {
		if (batch.isEmpty()) {
			return List.of();
		}
		boolean withDutch = this.dutch;
		boolean withEnglish = this.english;
		boolean withAffixes = this.affixes;
		IndexedTerms withTerms = this.indexed;
		Document[] docs;
		MentionBatch mentions = null;
		if (this.directVerification) {
			mentions = new MentionBatch(batch, withTerms.luceneFields());
			docs = new Document[] { mentions.presearchDocument(withDutch, withEnglish, withAffixes, withTerms) };
		}
		else {
			docs = new Document[batch.size()];
			for (int i = 0; i < docs.length; i++) {
				docs[i] = MentionAnalysis.document(batch.get(i), withDutch, withEnglish, withAffixes);
			}
		}
		List<Set<Long>> results = new ArrayList<>(batch.size());
		this.matching.readLock().lock();
		try {
			View seen = this.view;
			collect(this.monitor, docs, mentions, batch, seen.shadowed()::contains, results);
			if (!seen.fresh().isEmpty()) {
				List<Set<Long>> freshResults = new ArrayList<>(batch.size());
				collect(this.fresh, docs, mentions, batch, id -> !seen.fresh().contains(id),
						freshResults);
				for (int i = 0; i < batch.size(); i++) {
					if (!freshResults.get(i).isEmpty()) {
						Set<Long> both = new LinkedHashSet<>(results.get(i));
						both.addAll(freshResults.get(i));
						results.set(i, Collections.unmodifiableSet(both));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("matching a batch of " + batch.size() + " mentions failed", ex);
		}
		finally {
			this.matching.readLock().unlock();
		}
		this.documents.addAndGet(batch.size());
		return Collections.unmodifiableList(results);
	}

	/**
	 * One index's matches for the batch, without the {@code hidden} topic ids, appended to {@code results}. With
	 * direct verification ({@code mentions} given) the monitor presearches the batch's one presearch document and
	 * {@link VerifyingMatcher} says which mentions each candidate matches; otherwise the monitor indexes and verifies
	 * every mention itself.
	 */
	private void collect(Monitor index, Document[] docs, MentionBatch mentions,
			List<MatchDocument> batch, java.util.function.Predicate<String> hidden, List<Set<Long>> results)
			throws IOException {
		if (mentions != null) {
			VerifyingMatcher.Verified verified = new VerifyingMatcher.Verified(mentions.size());
			MatchingQueries<QueryMatch> matches = index.match(docs[0], VerifyingMatcher.factory(mentions, verified));
			this.candidates.addAndGet(matches.getQueriesRun());
			results.addAll(verified.byDocument(hidden));
			retryErrors(matches.getErrors(), batch, results, hidden);
		}
		else if (docs.length == 1) {
			MatchingQueries<QueryMatch> matches = index.match(docs[0], QueryMatch.SIMPLE_MATCHER);
			this.candidates.addAndGet(matches.getQueriesRun());
			results.add(ids(matches.getMatches(), hidden));
			retryErrors(matches.getErrors(), batch, results, hidden);
		}
		else {
			MultiMatchingQueries<QueryMatch> matches = index.match(docs, QueryMatch.SIMPLE_MATCHER);
			this.candidates.addAndGet(matches.getQueriesRun());
			for (int i = 0; i < docs.length; i++) {
				results.add(ids(matches.getMatches(i), hidden));
			}
			retryErrors(matches.getErrors(), batch, results, hidden);
		}
	}

	private void retryErrors(Map<String, Exception> errors, List<MatchDocument> batch, List<Set<Long>> results,
			java.util.function.Predicate<String> hidden) {
		if (errors.isEmpty()) {
			return;
		}
		Map<String, Exception> failed = new HashMap<>(errors);
		failed.keySet().removeIf(hidden);
		List<MemoryIndex> singles = new ArrayList<>(batch.size());
		for (MatchDocument document : batch) {
			singles.add(MentionAnalysis.memoryIndex(document));
		}
		for (Map.Entry<String, Exception> error : failed.entrySet()) {
			long id = Long.parseLong(error.getKey());
			Query query = this.queries.get(id);
			if (query == null) {
				continue;
			}
			for (int i = 0; i < batch.size(); i++) {
				try {
					if (singles.get(i).createSearcher().count(query) > 0) {
						Set<Long> matched = new LinkedHashSet<>(results.get(i));
						matched.add(id);
						results.set(i, Collections.unmodifiableSet(matched));
					}
				}
				catch (IOException | RuntimeException ex) {
					this.errors.incrementAndGet();
					log.warn("Topic {} could not be matched against a mention ({}); batch error was: {}", id,
							ex.toString(), error.getValue().toString());
				}
			}
		}
	}

	private static Set<Long> ids(Collection<QueryMatch> matches, java.util.function.Predicate<String> hidden) {
		if (matches.isEmpty()) {
			return Set.of();
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (QueryMatch match : matches) {
			if (!hidden.test(match.getQueryId())) {
				ids.add(Long.parseLong(match.getQueryId()));
			}
		}
		return Collections.unmodifiableSet(ids);
	}

	/** Mentions carry prefix and suffix fields (about six terms per word) only once a topic has a wildcard. */
	private void noteAffixes(Query query) {
		if (!this.affixes && LuceneQueries.usesAffixes(query)) {
			this.affixes = true;
		}
	}

	private void noteStemming(Stemming stemming) {
		if (stemming == Stemming.DUTCH) {
			this.dutch = true;
		}
		else if (stemming == Stemming.ENGLISH) {
			this.english = true;
		}
	}

	/**
	 * A topic as the monitor indexes it ({@code query}: with direct verification a {@link DirectFormQuery} carrying
	 * its direct form, when it has one), its compiled Lucene query, and its direct form ({@code null} when it has
	 * none).
	 */
	private record Compiled(MonitorQuery query, Query lucene, DirectTopic direct) {

		/** The query Lucene verifies the topic with on each mention's words, or {@code null} when it does not. */
		Query verification() {
			return (this.direct == null) ? null : this.direct.verification();
		}

	}

	private Compiled compile(StandingQuery query) {
		TopicQuery parsed;
		try {
			parsed = TopicQuery.parse(query.query(), query.stemming());
		}
		catch (QuerySyntaxError ex) {
			throw new QuerySyntaxError("topic " + query.topicId() + ": " + ex.getMessage(), ex.column());
		}
		Query lucene = LuceneQueries.prerewritten(parsed.lucene());
		DirectTopic direct = DirectTopic.compile(parsed.root(), parsed.stemming(), lucene);
		Query stored = (this.directVerification && direct != null) ? new DirectFormQuery(lucene, direct) : lucene;
		return new Compiled(new MonitorQuery(Long.toString(query.topicId()), stored, null, Map.of()), lucene, direct);
	}

	/** The topics the presearcher picks for one mention, without verifying them (diagnostics and benchmarks). */
	Set<Long> candidates(MatchDocument mention) {
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		try {
			this.monitor.match(MentionAnalysis.document(mention, this.dutch, this.english, this.affixes), (searcher) -> new CandidateMatcher<QueryMatch>(searcher) {
				@Override
				public void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) {
					ids.add(Long.parseLong(queryId));
				}

				@Override
				public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
					return match1;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("presearching a mention failed", ex);
		}
		return ids;
	}

	/** The compiled query of every registered topic, by id; an unmodifiable live view. */
	Map<Long, Query> topics() {
		return Collections.unmodifiableMap(this.queries);
	}

	/** How many topics are registered. */
	public int size() {
		return this.queries.size();
	}

	/** Documents matched so far. */
	public long documentsMatched() {
		return this.documents.get();
	}

	/** Candidate topics verified so far (summed over batches; a batch verifies each candidate once). */
	public long candidatesVerified() {
		return this.candidates.get();
	}

	/** Topic-and-mention pairs that could not be matched at all (logged). */
	public long errors() {
		return this.errors.get();
	}

	/**
	 * The monitor's two-pass presearcher, indexing each topic's terms without norms, frequencies or positions:
	 * the presearcher only asks which topics hold a term, so those only cost time at registration (the norms
	 * alone were a fifth of registering 100k topics).
	 */
	private static final class LeanMultipassPresearcher extends MultipassTermFilteredPresearcher {

		private static final FieldType TERMS_ONLY = termsOnly();

		LeanMultipassPresearcher(TermWeightor weightor) {
			super(2, 0, weightor, List.of(), Set.of());
		}

		private static FieldType termsOnly() {
			FieldType type = new FieldType();
			type.setTokenized(true);
			type.setOmitNorms(true);
			type.setIndexOptions(IndexOptions.DOCS);
			type.freeze();
			return type;
		}

		@Override
		public Document buildQueryDocument(QueryTree tree) {
			Document lean = new Document();
			for (IndexableField field : super.buildQueryDocument(tree)) {
				TokenStream terms = (field instanceof Field plain) ? plain.tokenStreamValue() : null;
				lean.add((terms == null) ? field : new Field(field.name(), terms, TERMS_ONLY));
			}
			return lean;
		}

	}

	@Override
	public void close() {
		this.merger.shutdownNow();
		try {
			this.monitor.close();
			this.fresh.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not close the query index", ex);
		}
	}

}
