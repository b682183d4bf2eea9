package nl.luister.collab;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who has which case open and whether they are typing, kept in memory from the case view's heartbeats. An entry
 * lives {@link CollabSettings#presenceExpiry()} after its last heartbeat; expired entries are skipped on reading
 * and removed every half minute. Thread-safe: concurrent maps by case and by user; writes to one case's viewers are
 * atomic per case (no global lock), reads take no lock.
 *
 * <p>One node only: with several web nodes behind a load balancer each node knows only its own viewers; the
 * registry would then move to a shared store (a Postgres table with the same expiry, or LISTEN/NOTIFY).
 */
@Component
public class CasePresence {

	/** What a viewer is doing on the case. */
	public enum Activity {
		VIEWING, TYPING_REPLY, TYPING_NOTE;

		/** {@code reply}, {@code note} or anything else (viewing); never fails on odd input from a browser. */
		public static Activity parse(String value) {
			if ("reply".equals(value)) return TYPING_REPLY;
			if ("note".equals(value)) return TYPING_NOTE;
			return VIEWING;
		}

		public boolean typing() {
			return this != VIEWING;
		}
	}

	/** Someone on a case: their user id and name, what they do and when they were last heard from. */
	public record Viewer(long userId, String name, Activity activity, Instant seenAt) {
	}

	// By case, then by user: "who else is here" reads one case's few viewers, not everyone's.
	private final Map<Long, Map<Long, Viewer>> viewers = new ConcurrentHashMap<>();
	private final Clock clock;
	private final long expiryMillis;

	@Autowired
	CasePresence(CollabSettings settings) {
		this(settings, Clock.systemUTC());
	}

	CasePresence(CollabSettings settings, Clock clock) {
		this.clock = clock;
		this.expiryMillis = settings.presenceExpiry().toMillis();
	}

	/** Records that {@code userId} has the case open and does {@code activity}; {@code name} is shown to the others. */
	public void heartbeat(long caseId, long userId, String name, Activity activity) {
		Viewer viewer = new Viewer(userId, name, activity, clock.instant());
		viewers.compute(caseId, (id, onCase) -> {
			Map<Long, Viewer> map = onCase == null ? new ConcurrentHashMap<>() : onCase;
			map.put(userId, viewer);
			return map;
		});
	}

	/** The user closed the case (or opened another one). */
	public void leave(long caseId, long userId) {
		viewers.computeIfPresent(caseId, (id, onCase) -> {
			onCase.remove(userId);
			return onCase.isEmpty() ? null : onCase;
		});
	}

	/** Everyone but {@code userId} who has the case open now, typists first, then by name. */
	public List<Viewer> others(long caseId, long userId) {
		Map<Long, Viewer> onCase = viewers.get(caseId);
		if (onCase == null) return List.of();
		Instant now = clock.instant();
		return onCase.values().stream()
			.filter(v -> v.userId() != userId && fresh(v, now))
			.sorted(Comparator.comparing((Viewer v) -> !v.activity().typing()).thenComparing(Viewer::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Whether someone other than {@code userId} has the case open now (the inbox row's eye marker): reads one case only. */
	public boolean openByOthers(long caseId, long userId) {
		Map<Long, Viewer> onCase = viewers.get(caseId);
		if (onCase == null) return false;
		Instant now = clock.instant();
		return onCase.values().stream().anyMatch(v -> v.userId() != userId && fresh(v, now));
	}

	/** The cases someone other than {@code userId} has open now. */
	public Set<Long> openElsewhere(long userId) {
		Instant now = clock.instant();
		return viewers.entrySet().stream()
			.filter(e -> e.getValue().values().stream().anyMatch(v -> v.userId() != userId && fresh(v, now)))
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Scheduled(fixedRate = 30_000, initialDelay = 30_000)
	void expire() {
		Instant now = clock.instant();
		// Changes to a case's viewers go through compute on its key, so a heartbeat never lands in a map being dropped.
		for (Long caseId : viewers.keySet()) {
			viewers.computeIfPresent(caseId, (id, onCase) -> {
				onCase.values().removeIf(v -> !fresh(v, now));
				return onCase.isEmpty() ? null : onCase;
			});
		}
	}

	int size() {
		return viewers.values().stream().mapToInt(Map::size).sum();
	}

	private boolean fresh(Viewer v, Instant now) {
		return now.toEpochMilli() - v.seenAt().toEpochMilli() < expiryMillis;
	}
}
