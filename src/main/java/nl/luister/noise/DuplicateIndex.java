package nl.luister.noise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory LSH index of duplicate groups by SimHash band: {@link #find} looks at the groups that share a band
 * value with the fingerprint (never at all groups) and returns the nearest one within the distance and the time
 * window. The pipeline fills one per batch with the candidate groups from the database; the precision benchmark
 * runs a whole corpus through one.
 *
 * <p>Not thread-safe: one batch, one thread.
 */
final class DuplicateIndex {

	private final int maxDistance;

	private final int minWords;

	private final Duration window;

	@SuppressWarnings("unchecked")
	private final Map<Integer, List<Group>>[] bands = new Map[TextFingerprint.BANDS];

	DuplicateIndex(int maxDistance, int minWords, Duration window) {
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
				if (!fp.nearlyEquals(g.fingerprint, maxDistance, minWords) || !g.within(at, window)) continue;
				int d = fp.distance(g.fingerprint);
				if (d < bestDistance || (d == bestDistance && g.id < best.id)) {
					best = g;
					bestDistance = d;
				}
			}
		}
		return best;
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
