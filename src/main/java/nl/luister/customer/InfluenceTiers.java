package nl.luister.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Computes every person's influence tier (1–5) from reach, activity about the brand, the replies their
 * messages receive and their place in the reply graph, with tiers by quantiles over the workspace. The
 * formula is documented in {@code docs/influence.md}.
 *
 * <p>A full recompute reads four aggregates (set-based SQL), runs PageRank in memory over arrays and writes
 * the tiers back in chunks. It runs on a schedule ({@code luister.influence.interval}, default hourly) and on
 * demand; one computation at a time (a call during a running one waits for it). Each chunk commits on its
 * own: readers see a mix of old and new tiers for a moment, never a broken one.
 */
@Service
public class InfluenceTiers {

	private static final Logger log = LoggerFactory.getLogger(InfluenceTiers.class);

	static final double W_REACH = 0.4, W_ACTIVITY = 0.2, W_ENGAGEMENT = 0.2, W_CENTRALITY = 0.2;
	static final double DAMPING = 0.85;
	static final int ITERATIONS = 20;
	static final int CHUNK = 50_000;

	private final JdbcClient jdbc;
	private final ReentrantLock running = new ReentrantLock();

	InfluenceTiers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How long each phase of a recompute took and how many persons got which tier ({@code perTier[t]}, t = 1..5). */
	public record Summary(int persons, long edges, Duration load, Duration compute, Duration write, int[] perTier) {
		public Duration total() {
			return load.plus(compute).plus(write);
		}
	}

	@Scheduled(fixedDelayString = "${luister.influence.interval:PT1H}", initialDelayString = "${luister.influence.initial-delay:PT10M}")
	void scheduled() {
		try {
			Summary s = recompute(Instant.now());
			log.info("Influence tiers recomputed for {} persons in {} ms", s.persons(), s.total().toMillis());
		}
		catch (RuntimeException e) {
			log.error("Influence tiers could not be recomputed; the previous tiers stay", e);
		}
	}

	/** Recomputes every active person's tier (rows whose tier and figures did not change are not written); activity counts mentions in the 90 days before {@code now}. */
	public Summary recompute(Instant now) {
		running.lock();
		try {
			return compute(now);
		}
		finally {
			running.unlock();
		}
	}

	private Summary compute(Instant now) {
		long t0 = System.nanoTime();
		long[] ids = jdbc.sql("select id from persons where merged_into is null order by id").query(Long.class).list()
			.stream().mapToLong(Long::longValue).toArray();
		int n = ids.length;
		long[] followers = new long[n], mentions = new long[n], replies = new long[n];
		jdbc.sql("select person_id, sum(coalesce(followers, 0)) from identities group by person_id").query(rs -> {
			int i = Arrays.binarySearch(ids, rs.getLong(1));
			if (i >= 0) followers[i] = rs.getLong(2);
		});
		jdbc.sql("""
				select i.person_id, count(*) from mentions m join identities i on i.id = m.identity_id
				where m.published_at > ?::timestamptz and m.published_at <= ?::timestamptz group by i.person_id""")
			.params(now.minus(Duration.ofDays(90)).toString(), now.toString())
			.query(rs -> {
				int i = Arrays.binarySearch(ids, rs.getLong(1));
				if (i >= 0) mentions[i] = rs.getLong(2);
			});
		// who replies to whom: an edge from the replier's person to the replied-to person, weighted by count
		GrowingEdges edges = new GrowingEdges();
		jdbc.sql("""
				select ri.person_id, ti.person_id, count(*) from mentions r
				join mentions t on t.source_id = r.source_id and t.external_id = r.in_reply_to
				join identities ri on ri.id = r.identity_id
				join identities ti on ti.id = t.identity_id
				where r.in_reply_to is not null and ri.person_id <> ti.person_id
				group by ri.person_id, ti.person_id""")
			.query(rs -> {
				int from = Arrays.binarySearch(ids, rs.getLong(1)), to = Arrays.binarySearch(ids, rs.getLong(2));
				if (from >= 0 && to >= 0) {
					edges.add(from, to, rs.getLong(3));
					replies[to] += rs.getLong(3);
				}
			});
		long t1 = System.nanoTime();
		Computed c = compute(followers, mentions, replies, edges.from(), edges.to(), edges.weight(), edges.size());
		long t2 = System.nanoTime();
		write(ids, c, followers, mentions, replies);
		long t3 = System.nanoTime();
		int[] perTier = new int[6];
		for (int tier : c.tier) perTier[tier]++;
		return new Summary(n, edges.size(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2), perTier);
	}

	/** The outcome per person index: tier, score and the shares that explain it. */
	record Computed(int[] tier, double[] score, double[] scoreTop, double[] followersTop, double[] centralityTop) {
	}

	/** The formula, on plain arrays (index = person): see docs/influence.md. */
	static Computed compute(long[] followers, long[] mentions, long[] replies, int[] from, int[] to, long[] weight, int edges) {
		int n = followers.length;
		double[] pr = pageRank(n, from, to, weight, edges);
		double[] reach = new double[n], activity = new double[n], engagement = new double[n], centrality = new double[n];
		for (int i = 0; i < n; i++) {
			reach[i] = Math.log10(1 + followers[i]);
			activity[i] = Math.log10(1 + mentions[i]);
			engagement[i] = Math.log10(1 + replies[i]);
			// PageRank relative to the average person (1.0); at or below average counts as nothing
			double above = edges == 0 ? 0 : Math.log10(pr[i] * n);
			centrality[i] = above < 1e-9 ? 0 : above;
		}
		normalise(reach);
		normalise(activity);
		normalise(engagement);
		normalise(centrality);
		double[] score = new double[n];
		for (int i = 0; i < n; i++)
			score[i] = W_REACH * reach[i] + W_ACTIVITY * activity[i] + W_ENGAGEMENT * engagement[i] + W_CENTRALITY * centrality[i];
		double[] scoreTop = topPercent(score), followersTop = topPercent(reach), centralityTop = topPercent(centrality);
		int[] tier = new int[n];
		for (int i = 0; i < n; i++) tier[i] = score[i] <= 0 ? 1 : tierOf(scoreTop[i]);
		return new Computed(tier, score, scoreTop, followersTop, centralityTop);
	}

	/** 5 = top 2 %, 4 = next 8 %, 3 = next 20 %, 2 = next 30 %, 1 = the rest. */
	static int tierOf(double topPercent) {
		if (topPercent <= 2) return 5;
		if (topPercent <= 10) return 4;
		if (topPercent <= 30) return 3;
		if (topPercent <= 60) return 2;
		return 1;
	}

	/**
	 * For each value the share of the population (in percent) at or above it: 100 × (number ≥ value) / n. The
	 * best is "top 1/n"; ties share the worse rank, so a crowd with the same figure is not lifted into a high
	 * tier by nothing but their number; zero is "top 100 %" (nothing to rank on).
	 */
	static double[] topPercent(double[] values) {
		int n = values.length;
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double[] top = new double[n];
		for (int i = 0; i < n; i++) {
			if (values[i] <= 0) {
				top[i] = 100;
				continue;
			}
			top[i] = 100.0 * (n - lowerBound(sorted, values[i])) / n;
		}
		return top;
	}

	/** The index of the first element not below {@code v}. */
	private static int lowerBound(double[] sorted, double v) {
		int lo = 0, hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	private static void normalise(double[] values) {
		double max = 0;
		for (double v : values) max = Math.max(max, v);
		if (max <= 0) return;
		for (int i = 0; i < values.length; i++) values[i] /= max;
	}

	/** Weighted PageRank with uniform teleport; the rank of persons who reply to nobody is spread evenly. */
	static double[] pageRank(int n, int[] from, int[] to, long[] weight, int edges) {
		double[] rank = new double[n];
		if (n == 0) return rank;
		Arrays.fill(rank, 1.0 / n);
		double[] outWeight = new double[n];
		for (int e = 0; e < edges; e++) outWeight[from[e]] += weight[e];
		double[] next = new double[n];
		for (int it = 0; it < ITERATIONS; it++) {
			double dangling = 0;
			for (int i = 0; i < n; i++) if (outWeight[i] == 0) dangling += rank[i];
			Arrays.fill(next, (1 - DAMPING) / n + DAMPING * dangling / n);
			for (int e = 0; e < edges; e++) next[to[e]] += DAMPING * rank[from[e]] * weight[e] / outWeight[from[e]];
			double[] swap = rank;
			rank = next;
			next = swap;
		}
		return rank;
	}

	private void write(long[] ids, Computed c, long[] followers, long[] mentions, long[] replies) {
		for (int start = 0; start < ids.length; start += CHUNK) {
			int end = Math.min(ids.length, start + CHUNK);
			jdbc.sql("""
					update persons p set tier = t.tier, tier_computed_at = now(), tier_basis = t.basis
					from (select id, tier, jsonb_build_object('followers', followers, 'followersTopPercent', followers_top,
					        'mentions90d', mentions, 'repliesReceived', replies, 'centralityTopPercent', centrality_top,
					        'score', score, 'scoreTopPercent', score_top) as basis
					      from unnest(?::bigint[], ?::int[], ?::bigint[], ?::float8[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[])
					        as u(id, tier, followers, followers_top, mentions, replies, centrality_top, score, score_top)) t
					where p.id = t.id and (p.tier is distinct from t.tier or p.tier_basis is distinct from t.basis)""")
				.params(Arrays.copyOfRange(ids, start, end), Arrays.copyOfRange(c.tier, start, end), Arrays.copyOfRange(followers, start, end),
						round(Arrays.copyOfRange(c.followersTop, start, end)), Arrays.copyOfRange(mentions, start, end),
						Arrays.copyOfRange(replies, start, end), round(Arrays.copyOfRange(c.centralityTop, start, end)),
						round(Arrays.copyOfRange(c.score, start, end)), round(Arrays.copyOfRange(c.scoreTop, start, end)))
				.update();
		}
	}

	private static double[] round(double[] values) {
		for (int i = 0; i < values.length; i++) values[i] = Math.round(values[i] * 1000) / 1000.0;
		return values;
	}

	/** Edges in growing primitive arrays: a million persons' reply graph without boxing. */
	private static final class GrowingEdges {
		private int[] from = new int[1024], to = new int[1024];
		private long[] weight = new long[1024];
		private int size;

		void add(int f, int t, long w) {
			if (size == from.length) {
				from = Arrays.copyOf(from, size * 2);
				to = Arrays.copyOf(to, size * 2);
				weight = Arrays.copyOf(weight, size * 2);
			}
			from[size] = f;
			to[size] = t;
			weight[size++] = w;
		}

		int[] from() { return from; }
		int[] to() { return to; }
		long[] weight() { return weight; }
		int size() { return size; }
	}
}
