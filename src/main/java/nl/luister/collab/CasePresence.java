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
 * and removed every half minute. Thread-safe (one concurrent map, no locks).
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

	private record Key(long caseId, long userId) {
	}

	private final Map<Key, Viewer> viewers = new ConcurrentHashMap<>();
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
		viewers.put(new Key(caseId, userId), new Viewer(userId, name, activity, clock.instant()));
	}

	/** The user closed the case (or opened another one). */
	public void leave(long caseId, long userId) {
		viewers.remove(new Key(caseId, userId));
	}

	/** Everyone but {@code userId} who has the case open now, typists first, then by name. */
	public List<Viewer> others(long caseId, long userId) {
		Instant now = clock.instant();
		return viewers.entrySet().stream()
			.filter(e -> e.getKey().caseId() == caseId && e.getKey().userId() != userId && fresh(e.getValue(), now))
			.map(Map.Entry::getValue)
			.sorted(Comparator.comparing((Viewer v) -> !v.activity().typing()).thenComparing(Viewer::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The cases someone other than {@code userId} has open now (the inbox's eye marker). */
	public Set<Long> openElsewhere(long userId) {
		Instant now = clock.instant();
		return viewers.entrySet().stream()
			.filter(e -> e.getKey().userId() != userId && fresh(e.getValue(), now))
			.map(e -> e.getKey().caseId())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Scheduled(fixedRate = 30_000, initialDelay = 30_000)
	void expire() {
		Instant now = clock.instant();
		viewers.values().removeIf(v -> !fresh(v, now));
	}

	int size() {
		return viewers.size();
	}

	private boolean fresh(Viewer v, Instant now) {
		return now.toEpochMilli() - v.seenAt().toEpochMilli() < expiryMillis;
	}
}
