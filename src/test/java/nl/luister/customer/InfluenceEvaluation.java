package nl.luister.customer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Evaluates the influence formula on real customer-care threads (the Customer Support on Twitter sample in
 * {@code ../shared/data/twcs-sample}): the tier distribution of the customers, and how many tiers change when
 * 1 % of the messages are left out (five random draws). Brand accounts are not persons: their messages are
 * our replies in Luister. The sample has no follower counts, so reach is zero for everyone. Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.luister.customer.InfluenceEvaluation
 * -Dexec.args="/work/shared/data/twcs-sample/twcs_head_5k.csv /work/shared/data/twcs-sample/twcs_random_5k.csv"}.
 */
public final class InfluenceEvaluation {

	record Tweet(String id, String author, boolean inbound, String inReplyTo) {
	}

	public static void main(String[] args) throws IOException {
		List<Tweet> tweets = new ArrayList<>();
		for (String file : args) {
			List<List<String>> rows = csv(Files.readString(Path.of(file), StandardCharsets.UTF_8));
			for (List<String> r : rows.subList(1, rows.size())) {
				if (r.size() < 7) continue;
				tweets.add(new Tweet(r.get(0), r.get(1), "True".equals(r.get(2)), r.get(6).isBlank() ? null : r.get(6)));
			}
		}
		int[] base = tiers(tweets, null);
		System.out.printf("%,d messages, %,d customers; per tier 1..5: %s%n", tweets.size(), base.length, Arrays.toString(count(base)));
		for (int seed = 1; seed <= 5; seed++) {
			Random random = new Random(seed);
			List<Tweet> kept = tweets.stream().filter(t -> random.nextDouble() >= 0.01).toList();
			int[] again = tiers(kept, authorsOf(tweets));
			int changed = 0, compared = 0;
			for (int i = 0; i < base.length; i++) {
				compared++;
				if (again[i] != base[i]) changed++;
			}
			System.out.printf("without 1%% of messages (seed %d): %d of %d customers changed tier (%.1f %%)%n", seed, changed, compared,
					100.0 * changed / compared);
		}
	}

	private static List<String> authorsOf(List<Tweet> tweets) {
		return tweets.stream().filter(Tweet::inbound).map(Tweet::author).distinct().sorted().toList();
	}

	/** Tiers of the customers of the full set (in sorted order), computed from {@code tweets}. */
	private static int[] tiers(List<Tweet> tweets, List<String> population) {
		List<String> authors = population != null ? population : authorsOf(tweets);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < authors.size(); i++) index.put(authors.get(i), i);
		Map<String, Tweet> byId = new HashMap<>();
		for (Tweet t : tweets) byId.put(t.id(), t);
		int n = authors.size();
		long[] mentions = new long[n], replies = new long[n];
		Map<Long, Long> edges = new HashMap<>();
		for (Tweet t : tweets) {
			if (!t.inbound()) continue;
			int from = index.get(t.author());
			mentions[from]++;
			Tweet target = t.inReplyTo() == null ? null : byId.get(t.inReplyTo());
			if (target == null || !target.inbound() || target.author().equals(t.author())) continue;
			int to = index.get(target.author());
			replies[to]++;
			edges.merge((long) from << 32 | to, 1L, Long::sum);
		}
		int[] from = new int[edges.size()], to = new int[edges.size()];
		long[] weight = new long[edges.size()];
		int e = 0;
		for (var entry : edges.entrySet()) {
			from[e] = (int) (entry.getKey() >>> 32);
			to[e] = (int) (entry.getKey() & 0xffffffffL);
			weight[e++] = entry.getValue();
		}
		return InfluenceTiers.compute(new long[n], mentions, replies, from, to, weight, e).tier();
	}

	private static int[] count(int[] tiers) {
		int[] c = new int[5];
		for (int t : tiers) c[t - 1]++;
		return c;
	}

	/** RFC 4180 (Commons CSV): quoted fields may hold commas, doubled quotes and line breaks. */
	static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
			for (var record : parser) rows.add(record.toList());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return rows;
	}
}
