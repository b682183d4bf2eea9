package nl.luister.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
	private final boolean incremental;
	private final TransactionTemplate savepoint;
	private final ReentrantLock running = new ReentrantLock();

	InfluenceTiers(JdbcClient jdbc, PlatformTransactionManager transactions, @Value("${luister.influence.incremental:true}") boolean incremental) {
		this.jdbc = jdbc;
		this.incremental = incremental;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Whether the pipeline updates tiers as mentions arrive ({@code luister.influence.incremental}, default true). */
	public boolean incremental() {
		return incremental;
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

	/**
	 * Places the persons these mentions touch — their authors, and the authors of the messages they reply to —
	 * against the cut points of the last full computation: their figures are counted now, their score computed
	 * with the stored maxima (a value above the maximum counts as the maximum) and their stored centrality, and
	 * their tier read off the stored lowest score of each tier; "top x %" in the explanation is rounded up to
	 * whole percents. Nothing happens before the first full computation. Runs in a savepoint of the caller's
	 * transaction (the pipeline's batch): if it fails, the failure is logged, the tiers stay as they were until
	 * the next full run and the batch goes on. Returns how many persons were updated.
	 */
	public int updateIncrementally(long[] mentionIds, Instant now) {
		if (mentionIds.length == 0) return 0;
		try {
			Integer n = savepoint.execute(s -> update(mentionIds, now));
			return n == null ? 0 : n;
		}
		catch (RuntimeException e) {
			log.error("Influence tiers of {} mentions' persons could not be updated; the next full recompute will", mentionIds.length, e);
			return 0;
		}
	}

	private int update(long[] mentionIds, Instant now) {
		return jdbc.sql("""
				with c as (select * from influence_cuts where id = 1),
				replied as (
				  select distinct ti.person_id from mentions m join mentions t on t.source_id = m.source_id and t.external_id = m.in_reply_to
				  join identities ti on ti.id = t.identity_id where m.id = any(:ids) and m.in_reply_to is not null),
				touched as (
				  select i.person_id from mentions m join identities i on i.id = m.identity_id where m.id = any(:ids)
				  union
				  select person_id from replied),
				f as (
				  select p.id, coalesce(p.tier_centrality, 0) as centrality,
				    coalesce((select sum(coalesce(i.followers, 0)) from identities i where i.person_id = p.id), 0) as followers,
				    (select count(*) from identities i join mentions m on m.identity_id = i.id
				     where i.person_id = p.id and m.published_at > :from and m.published_at <= :now) as mentions,
				    -- replies received change only for persons replied to in this batch; the others keep the stored count
				    case when p.id in (select person_id from replied) or p.tier_basis is null then
				      (select count(*) from identities ti join mentions t on t.identity_id = ti.id
				       join mentions r on r.source_id = t.source_id and r.in_reply_to = t.external_id
				       join identities ri on ri.id = r.identity_id
				       where ti.person_id = p.id and ri.person_id <> p.id)
				    else (p.tier_basis ->> 'repliesReceived')::bigint end as replies
				  from persons p join touched on touched.person_id = p.id where p.merged_into is null),
				s as (
				  select f.*, c.max_reach, c.min_score_5, c.min_score_4, c.min_score_3, c.min_score_2, c.reach_top, c.centrality_top, c.score_top,
				    0.4 * case when c.max_reach > 0 then least(1, log(1 + f.followers) / c.max_reach) else 0 end
				    + 0.2 * case when c.max_activity > 0 then least(1, log(1 + f.mentions) / c.max_activity) else 0 end
				    + 0.2 * case when c.max_engagement > 0 then least(1, log(1 + f.replies) / c.max_engagement) else 0 end
				    + 0.2 * f.centrality as score,
				    case when c.max_reach > 0 then least(1, log(1 + f.followers) / c.max_reach) else 0 end as reach
				  from f cross join c)
				update persons p set
				  tier = case when s.score <= 0 then 1 when s.score >= s.min_score_5 then 5 when s.score >= s.min_score_4 then 4
				              when s.score >= s.min_score_3 then 3 when s.score >= s.min_score_2 then 2 else 1 end,
				  tier_computed_at = now(),
				  tier_basis = jsonb_build_object('followers', s.followers,
				    'followersTopPercent', (select coalesce(min(k), 100) from generate_series(1, 100) k where s.reach > 0 and s.reach >= s.reach_top[k + 1]),
				    'mentions90d', s.mentions, 'repliesReceived', s.replies,
				    'centralityTopPercent', (select coalesce(min(k), 100) from generate_series(1, 100) k where s.centrality > 0 and s.centrality >= s.centrality_top[k + 1]),
				    'score', round(s.score::numeric, 3)::float8,
				    'scoreTopPercent', (select coalesce(min(k), 100) from generate_series(1, 100) k where s.score > 0 and s.score >= s.score_top[k + 1]))
				from s where p.id = s.id""")
			.param("ids", mentionIds)
			.param("from", java.sql.Timestamp.from(now.minus(Duration.ofDays(90))))
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	/**
	 * The outcome per person index: tier, score and the shares that explain it, the normalised centrality, and the
	 * cut points an incremental update places a person against.
	 */
	record Computed(int[] tier, double[] score, double[] scoreTop, double[] followersTop, double[] centralityTop, double[] centrality,
			Cuts cuts) {
	}

	/**
	 * The cut points of a full computation: the maximum each signal was divided by, the lowest score of tiers 5..2
	 * ({@code minScore[t]}, NaN when that tier is empty), and for k = 1..100 the value at the top k % of reach,
	 * centrality and score.
	 */
	record Cuts(double maxReach, double maxActivity, double maxEngagement, double[] minScore, double[] reachTop, double[] centralityTop,
			double[] scoreTop) {

		/** The tier of a score against these cut points (ties with a cut point belong to its tier). */
		int tierOf(double score) {
			if (score <= 0) return 1;
			for (int t = 5; t >= 2; t--) if (!Double.isNaN(minScore[t]) && score >= minScore[t]) return t;
			return 1;
		}

		/** The smallest k such that {@code value} is at least the value at the top k %: whole percents, rounded up. */
		static double topOf(double[] top, double value) {
			if (value <= 0) return 100;
			for (int k = 1; k <= 100; k++) if (value >= top[k]) return k;
			return 100;
		}
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
		double maxReach = normalise(reach), maxActivity = normalise(activity), maxEngagement = normalise(engagement);
		normalise(centrality);
		double[] score = new double[n];
		for (int i = 0; i < n; i++)
			score[i] = W_REACH * reach[i] + W_ACTIVITY * activity[i] + W_ENGAGEMENT * engagement[i] + W_CENTRALITY * centrality[i];
		double[] scoreTop = topPercent(score), followersTop = topPercent(reach), centralityTop = topPercent(centrality);
		int[] tier = new int[n];
		for (int i = 0; i < n; i++) tier[i] = score[i] <= 0 ? 1 : tierOf(scoreTop[i]);
		double[] minScore = new double[6];
		Arrays.fill(minScore, Double.NaN);
		for (int i = 0; i < n; i++) {
			for (int t = 2; t <= tier[i]; t++) if (Double.isNaN(minScore[t]) || score[i] < minScore[t]) minScore[t] = score[i];
		}
		Cuts cuts = new Cuts(maxReach, maxActivity, maxEngagement, minScore, topValues(reach), topValues(centrality), topValues(score));
		return new Computed(tier, score, scoreTop, followersTop, centralityTop, centrality, cuts);
	}

	/** [k] for k = 1..100: the value at the top k % (sorted descending, the ceil(k n / 100)-th); [0] unused. */
	static double[] topValues(double[] values) {
		double[] top = new double[101];
		int n = values.length;
		if (n == 0) return top;
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		for (int k = 1; k <= 100; k++) {
			int rank = (int) Math.ceil(k * (double) n / 100);
			top[k] = sorted[n - Math.max(1, rank)];
		}
		return top;
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

	/** Divides by the maximum, if positive; returns that maximum. */
	private static double normalise(double[] values) {
		double max = 0;
		for (double v : values) max = Math.max(max, v);
		if (max <= 0) return 0;
		for (int i = 0; i < values.length; i++) values[i] /= max;
		return max;
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
					update persons p set tier = t.tier, tier_computed_at = now(), tier_basis = t.basis, tier_centrality = t.centrality
					from (select id, tier, centrality, jsonb_build_object('followers', followers, 'followersTopPercent', followers_top,
					        'mentions90d', mentions, 'repliesReceived', replies, 'centralityTopPercent', centrality_top,
					        'score', score, 'scoreTopPercent', score_top) as basis
					      from unnest(?::bigint[], ?::int[], ?::bigint[], ?::float8[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
					        as u(id, tier, followers, followers_top, mentions, replies, centrality_top, score, score_top, centrality)) t
					where p.id = t.id and (p.tier is distinct from t.tier or p.tier_basis is distinct from t.basis
					  or p.tier_centrality is distinct from t.centrality)""")
				.params(Arrays.copyOfRange(ids, start, end), Arrays.copyOfRange(c.tier, start, end), Arrays.copyOfRange(followers, start, end),
						round(Arrays.copyOfRange(c.followersTop, start, end)), Arrays.copyOfRange(mentions, start, end),
						Arrays.copyOfRange(replies, start, end), round(Arrays.copyOfRange(c.centralityTop, start, end)),
						round(Arrays.copyOfRange(c.score, start, end)), round(Arrays.copyOfRange(c.scoreTop, start, end)),
						Arrays.copyOfRange(c.centrality, start, end))
				.update();
		}
		Cuts k = c.cuts;
		jdbc.sql("""
				insert into influence_cuts (id, max_reach, max_activity, max_engagement, min_score_5, min_score_4, min_score_3, min_score_2,
				  reach_top, centrality_top, score_top, persons, computed_at)
				values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				on conflict (id) do update set max_reach = excluded.max_reach, max_activity = excluded.max_activity,
				  max_engagement = excluded.max_engagement, min_score_5 = excluded.min_score_5, min_score_4 = excluded.min_score_4,
				  min_score_3 = excluded.min_score_3, min_score_2 = excluded.min_score_2, reach_top = excluded.reach_top,
				  centrality_top = excluded.centrality_top, score_top = excluded.score_top, persons = excluded.persons,
				  computed_at = excluded.computed_at""")
			.params(k.maxReach(), k.maxActivity(), k.maxEngagement(), nullIfNaN(k.minScore()[5]), nullIfNaN(k.minScore()[4]),
					nullIfNaN(k.minScore()[3]), nullIfNaN(k.minScore()[2]), k.reachTop(), k.centralityTop(), k.scoreTop(), ids.length)
			.update();
	}

	private static Double nullIfNaN(double v) {
		return Double.isNaN(v) ? null : v;
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
