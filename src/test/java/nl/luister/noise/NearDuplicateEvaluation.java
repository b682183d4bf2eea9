package nl.luister.noise;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision and recall of near-duplicate grouping on the generated {@link NearDuplicateCorpus}, run through the same
 * {@link DuplicateIndex} the pipeline uses. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.luister.noise.NearDuplicateEvaluation}
 * (arguments: scale, default 500).
 */
final class NearDuplicateEvaluation {

	/**
	 * @param mentionPrecision of the mentions put into an existing group, the share whose group is truly theirs
	 * @param mentionRecall    of the mentions with an earlier copy, the share put into a group of their copies
	 * @param pairPrecision    of the pairs in one group, the share that are true copies
	 * @param pairRecall       of the true copy pairs, the share in one group
	 */
	record Result(int items, int trueDuplicates, int grouped, double mentionPrecision, double mentionRecall,
			double pairPrecision, double pairRecall, Map<String, int[]> byKind) {
	}

	static Result evaluate(List<NearDuplicateCorpus.Item> corpus, int maxDistance, int minWords) {
		return evaluate(corpus, maxDistance, minWords, true);
	}

	static Result evaluate(List<NearDuplicateCorpus.Item> corpus, int maxDistance, int minWords, boolean sketches) {
		DuplicateIndex index = new DuplicateIndex(maxDistance, minWords, Duration.ofHours(48), sketches);
		Map<Long, Integer> leaderCluster = new HashMap<>();
		Map<Integer, Integer> seenOfCluster = new HashMap<>();
		Map<Long, Map<Integer, Long>> groupClusterCounts = new HashMap<>();
		Map<Integer, Long> clusterSizes = new HashMap<>();
		Map<String, int[]> byKind = new java.util.TreeMap<>();
		int trueDuplicates = 0, grouped = 0, right = 0;
		long id = 0;
		for (NearDuplicateCorpus.Item item : corpus) {
			id++;
			clusterSizes.merge(item.cluster(), 1L, Long::sum);
			boolean hasEarlier = seenOfCluster.merge(item.cluster(), 1, Integer::sum) > 1;
			int[] kind = byKind.computeIfAbsent(item.kind(), k -> new int[4]); // items, true dups, joined, joined right
			kind[0]++;
			if (hasEarlier) {
				trueDuplicates++;
				kind[1]++;
			}
			TextFingerprint fp = TextFingerprint.of(item.title(), item.body());
			DuplicateIndex.Group g = index.find(fp, item.at());
			long groupId;
			if (g == null) {
				groupId = id;
				if (index.eligible(fp)) index.add(new DuplicateIndex.Group(id, fp, item.at(), item.at(), null, true));
				leaderCluster.put(id, item.cluster());
			}
			else {
				g.join(item.at());
				groupId = g.id;
				grouped++;
				kind[2]++;
				if (leaderCluster.get(g.id) == item.cluster()) {
					right++;
					kind[3]++;
				}
			}
			groupClusterCounts.computeIfAbsent(groupId, k -> new HashMap<>()).merge(item.cluster(), 1L, Long::sum);
		}
		long predictedPairs = 0, truePairsInGroups = 0, truePairs = 0;
		for (Map<Integer, Long> counts : groupClusterCounts.values()) {
			long size = counts.values().stream().mapToLong(Long::longValue).sum();
			predictedPairs += size * (size - 1) / 2;
			for (long c : counts.values()) truePairsInGroups += c * (c - 1) / 2;
		}
		for (long c : clusterSizes.values()) truePairs += c * (c - 1) / 2;
		return new Result(corpus.size(), trueDuplicates, grouped, grouped == 0 ? 1 : (double) right / grouped,
				trueDuplicates == 0 ? 1 : (double) right / trueDuplicates, predictedPairs == 0 ? 1 : (double) truePairsInGroups / predictedPairs,
				truePairs == 0 ? 1 : (double) truePairsInGroups / truePairs, byKind);
	}

	public static void main(String[] args) {
		int scale = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
		List<NearDuplicateCorpus.Item> corpus = NearDuplicateCorpus.generate(seed, scale);
		System.out.printf("corpus: %,d texts (seed %d, scale %d)%n", corpus.size(), seed, scale);
		long sink = 0;
		for (int round = 0; round < 5; round++) {
			long t0 = System.nanoTime();
			for (NearDuplicateCorpus.Item item : corpus) sink += TextFingerprint.of(item.title(), item.body()).simhash();
			double us = (System.nanoTime() - t0) / 1e3 / corpus.size();
			if (round == 4) System.out.printf("fingerprint: %.1f µs per text (mean length %d chars), round 5 of 5 (%d)%n", us,
					(int) corpus.stream().mapToInt(i -> i.text().length()).average().orElse(0), sink & 1);
		}
		System.out.println("keys maxDistance minWords | items dups grouped | mention P / R | pair P / R");
		for (boolean sketches : new boolean[] { false, true }) {
			for (int d = 0; d < TextFingerprint.BANDS; d++) {
				Result r = evaluate(corpus, d, 6, sketches);
				System.out.printf("%-15s %d 6 | %d %d %d | %.4f / %.4f | %.4f / %.4f%n", sketches ? "simhash+sketch" : "simhash", d, r.items(),
						r.trueDuplicates(), r.grouped(), r.mentionPrecision(), r.mentionRecall(), r.pairPrecision(), r.pairRecall());
				if (d == 5) {
					r.byKind().forEach((k, v) -> System.out.printf("    %-15s items %6d  copies %6d  grouped %6d  rightly %6d%n", k, v[0], v[1], v[2], v[3]));
				}
			}
		}
	}
}
