package nl.luister.noise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory index of duplicate groups with two keys: {@link #find} first looks at the groups that share a SimHash
 * band value with the fingerprint and takes the nearest within the distance; when there is none, it looks at the
 * groups that share a {@linkplain ShingleSketch shingle key} (at most {@link #PER_KEY} of the newest per key, so a
 * key that many texts share, such as an outlet's footer, stays cheap) and takes the most similar whose sketch
 * {@linkplain #sketchMatch confirms} the copy. Never a scan of all groups. Both ways respect the time window. The
 * pipeline fills one per batch with the candidate groups from the database; the precision benchmark runs a whole
 * corpus through one.
 *
 * <p>Not thread-safe: one batch, one thread.
 */
final class DuplicateIndex {

	/** Of the groups sharing one shingle key, only this many of the newest are looked at (here and in the database). */
	static final int PER_KEY = 8;

	/** Texts whose shingle sets are at least this alike (Jaccard) are copies: a changed word or headline. */
	static final double MIN_JACCARD = 0.6;

	/** A text of at least {@link #CONTAINED_MIN_SHINGLES} shingles found this much in a longer one is a cut-off copy. */
	static final double MIN_CONTAINMENT = 0.7;

	static final int CONTAINED_MIN_SHINGLES = 12;

	/** A containment estimate must rest on at least this many sampled shingles. */
	static final int MIN_SAMPLED = 10;

	/** A SimHash match of two sketched texts needs this much Jaccard similarity, or the containment below. */
	static final double CONFIRM_JACCARD = 0.3;

	static final double CONFIRM_CONTAINMENT = 0.5;

	private final int maxDistance;

	private final int minWords;

	private final Duration window;

	@SuppressWarnings("unchecked")
	private final Map<Integer, List<Group>>[] bands = new Map[TextFingerprint.BANDS];

	private final Map<Long, List<Group>> keys = new HashMap<>();

	private final boolean sketches;

	DuplicateIndex(int maxDistance, int minWords, Duration window) {
		this(maxDistance, minWords, window, true);
	}

	/** With {@code sketches} false, only the SimHash decides (to measure what the sketches add). */
	DuplicateIndex(int maxDistance, int minWords, Duration window, boolean sketches) {
		this.sketches = sketches;
		this.maxDistance = maxDistance;
		this.minWords = minWords;
		this.window = window;
		for (int i = 0; i < bands.length; i++) bands[i] = new HashMap<>();
	}

	/** Whether a text with this fingerprint can be grouped at all (long enough). */
	boolean eligible(TextFingerprint fp) {
		return fp.words() >= minWords;
	}

	void add(Group group) {
		for (int i = 0; i < bands.length; i++) {
			bands[i].computeIfAbsent(group.fingerprint.band(i), b -> new ArrayList<>(1)).add(group);
		}
		ShingleSketch sketch = group.fingerprint.sketch();
		for (int i = 0; i < sketch.keyCount(); i++) keys.computeIfAbsent(sketch.key(i), k -> new ArrayList<>(1)).add(group);
	}

	/** Indexes a group (already {@linkplain #add added}) under a shingle key it was found by in the database. */
	void addKey(long key, Group group) {
		List<Group> bucket = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
		if (!bucket.contains(group)) bucket.add(group);
	}

	/** The nearest group this text joins, or {@code null}. */
	Group find(TextFingerprint fp, Instant at) {
		if (!eligible(fp)) return null;
		Group best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (int i = 0; i < bands.length; i++) {
			List<Group> bucket = bands[i].get(fp.band(i));
			if (bucket == null) continue;
			for (Group g : bucket) {
				if (!fp.nearlyEquals(g.fingerprint, maxDistance, minWords) || !g.within(at, window)
						|| (sketches && !setsAgree(fp.sketch(), g.fingerprint.sketch()))) continue;
				int d = fp.distance(g.fingerprint);
				if (d < bestDistance || (d == bestDistance && g.id < best.id)) {
					best = g;
					bestDistance = d;
				}
			}
		}
		return best != null || !sketches ? best : findBySketch(fp, at);
	}

	private Group findBySketch(TextFingerprint fp, Instant at) {
		ShingleSketch sketch = fp.sketch();
		Group best = null;
		double bestScore = 0;
		java.util.Set<Long> seen = new java.util.HashSet<>();
		for (int k = 0; k < sketch.keyCount(); k++) {
			List<Group> bucket = keys.get(sketch.key(k));
			if (bucket == null) continue;
			int looked = 0;
			// the newest first, as the database hands them out
			for (int i = bucket.size() - 1; i >= 0 && looked < PER_KEY; i--) {
				Group g = bucket.get(i);
				looked++;
				if (!seen.add(g.id) || !g.within(at, window)) continue;
				double score = sketchMatch(sketch, g.fingerprint.sketch());
				if (score > bestScore || (score == bestScore && score > 0 && g.id < best.id)) {
					best = g;
					bestScore = score;
				}
			}
		}
		return best;
	}

	/**
	 * Whether the word sets do not contradict a SimHash match: when both texts are sketched, they share at least
	 * {@link #CONFIRM_JACCARD} of their shingles or the shorter lies {@link #CONFIRM_CONTAINMENT} in the longer. A
	 * SimHash of a text that repeats a few common words a lot ("parcel … parcel … parcel") can lie within a few bits of
	 * another such text that shares none of its word triples.
	 */
	static boolean setsAgree(ShingleSketch a, ShingleSketch b) {
		if (!a.present() || !b.present()) return true;
		ShingleSketch.Similarity s = a.similarity(b);
		return s.jaccard() >= CONFIRM_JACCARD || s.containment() >= CONFIRM_CONTAINMENT;
	}

	/**
	 * How sure the sketches make a copy, 0 when they do not: the numbers of the shorter text all occur in the longer,
	 * and either the shingle sets are {@link #MIN_JACCARD} alike or the shorter, of at least
	 * {@link #CONTAINED_MIN_SHINGLES} shingles, is {@link #MIN_CONTAINMENT} contained in the longer (a copy cut off at
	 * another length, perhaps with its own headline).
	 */
	static double sketchMatch(ShingleSketch a, ShingleSketch b) {
		if (!a.present() || !b.present() || !a.numbersAgree(b)) return 0;
		ShingleSketch.Similarity s = a.similarity(b);
		if (s.jaccard() >= MIN_JACCARD) return 1 + s.jaccard();
		if (Math.min(a.shingles(), b.shingles()) >= CONTAINED_MIN_SHINGLES && s.sampled() >= MIN_SAMPLED
				&& s.containment() >= MIN_CONTAINMENT) return s.containment();
		return 0;
	}

	/** A group as the pipeline keeps it while a batch is processed. */
	static final class Group {

		final long id;

		final TextFingerprint fingerprint;

		final Instant firstAt;

		Instant lastAt;

		Long caseId;

		/** Whether a member of this group reaches cases in the batch being processed. */
		boolean reachesCases;

		final boolean created;

		int added;

		Group(long id, TextFingerprint fingerprint, Instant firstAt, Instant lastAt, Long caseId, boolean created) {
			this.id = id;
			this.fingerprint = fingerprint;
			this.firstAt = firstAt;
			this.lastAt = lastAt;
			this.caseId = caseId;
			this.created = created;
		}

		boolean within(Instant at, Duration window) {
			return !at.isBefore(firstAt.minus(window)) && !at.isAfter(lastAt.plus(window));
		}

		void join(Instant at) {
			added++;
			if (at.isAfter(lastAt)) lastAt = at;
		}
	}
}
