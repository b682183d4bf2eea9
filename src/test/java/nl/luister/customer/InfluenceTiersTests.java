package nl.luister.customer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class InfluenceTiersTests {

	@Test
	void tiersFollowTheQuantilesOfTheWorkspace() {
		int n = 1000;
		long[] followers = new long[n];
		for (int i = 0; i < n; i++) followers[i] = i + 1;

		var c = InfluenceTiers.compute(followers, new long[n], new long[n], new int[0], new int[0], new long[0], 0);

		int[] perTier = new int[6];
		for (int t : c.tier()) perTier[t]++;
		assertThat(perTier).containsExactly(0, 400, 300, 200, 80, 20);
		assertThat(c.tier()[n - 1]).isEqualTo(5);
		assertThat(c.tier()[0]).isEqualTo(1);
	}

	@Test
	void nobodyWithoutAnySignalRanksAboveTierOne() {
		int n = 50;
		var c = InfluenceTiers.compute(new long[n], new long[n], new long[n], new int[0], new int[0], new long[0], 0);

		assertThat(c.tier()).containsOnly(1);
	}

	@Test
	void tiesShareTheBetterTier() {
		long[] followers = { 10, 10, 10, 10, 0, 0, 0, 0, 0, 0 };
		var c = InfluenceTiers.compute(followers, new long[10], new long[10], new int[0], new int[0], new long[0], 0);

		assertThat(c.tier()[0]).isEqualTo(c.tier()[3]);
		assertThat(c.tier()[4]).isEqualTo(1);
	}

	@Test
	void whoeverManyReplyToOutranksTheOneWithTheMostFollowers() {
		int n = 100;
		int[] from = new int[n - 1], to = new int[n - 1];
		long[] weight = new long[n - 1];
		long[] replies = new long[n];
		for (int i = 1; i < n; i++) {
			from[i - 1] = i;
			to[i - 1] = 0;
			weight[i - 1] = 1;
		}
		replies[0] = n - 1;
		long[] followers = new long[n];
		for (int i = 0; i < n; i++) followers[i] = 5;
		followers[1] = 1000;

		var c = InfluenceTiers.compute(followers, new long[n], replies, from, to, weight, n - 1);

		assertThat(c.tier()[0]).isEqualTo(5);
		assertThat(c.score()[0]).isGreaterThan(c.score()[1]);
		assertThat(c.centralityTop()[0]).isLessThanOrEqualTo(1.0);
	}

	@Test
	void tiersAreStableUnderASmallChange() {
		Random random = new Random(42);
		int n = 10_000;
		long[] followers = new long[n], mentions = new long[n], replies = new long[n];
		for (int i = 0; i < n; i++) {
			followers[i] = (long) Math.pow(10, random.nextDouble() * 5);
			mentions[i] = random.nextInt(5);
			replies[i] = random.nextInt(3);
		}
		var before = InfluenceTiers.compute(followers, mentions, replies, new int[0], new int[0], new long[0], 0);
		for (int i = 0; i < n; i += 100) followers[i] = followers[i] * 11 / 10;
		var after = InfluenceTiers.compute(followers, mentions, replies, new int[0], new int[0], new long[0], 0);

		int changed = 0;
		for (int i = 0; i < n; i++) if (before.tier()[i] != after.tier()[i]) changed++;
		assertThat(changed).isLessThan(n / 100);
	}

	@Test
	void theExplanationNamesTheFiguresInPlainWords() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/customer");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		var explanations = new TierExplanations(source);
		Person p = new Person(1, "Anna", null, null, null, null, null, null, List.of(), Instant.now(), null, 4,
				new TierBasis(12_400, 6.2, 5, 3, 12, 0.7, 6.1));

		assertThat(explanations.explain(p, Locale.ENGLISH))
			.isEqualTo("tier 4: 12,400 followers (top 6%), 3 replies to their messages, 5 messages in the last 90 days, central in the conversations (top 12%)");
		assertThat(explanations.explain(p, Locale.forLanguageTag("nl"))).startsWith("niveau 4: 12.400 volgers (top 6%), 3 reacties");
		assertThat(explanations.explain(new Person(2, null, null, null, null, null, null, null, List.of(), Instant.now(), null, 1,
				new TierBasis(1, 80, 1, 0, 100, 0.1, 80)), Locale.ENGLISH))
			.isEqualTo("tier 1: 1 follower (top 80%), 0 replies to their messages, 1 message in the last 90 days");
	}
}
