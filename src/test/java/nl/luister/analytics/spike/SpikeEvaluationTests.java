package nl.luister.analytics.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.luister.enrich.MessageUnderstanding;

class SpikeEvaluationTests {

	private static final Path TWCS = Path.of("../shared/data/twcs-sample/twcs_random_5k.csv");

	@Test
	void stormsStayWithinTheirShapeAndExponentialOnesGrowTowardsTheEnd() {
		Instant start = Instant.parse("2026-03-01T10:00:00Z");
		for (SpikeEvaluation.Shape shape : SpikeEvaluation.Shape.values()) {
			List<SpikeEvaluation.Event> storm = SpikeEvaluation.storm(new SpikeEvaluation.Storm(start, 1000, shape, 0.8), new Random(1));
			assertThat(storm).hasSize(1000).allSatisfy(e -> assertThat(e.at()).isBetween(start, start.plus(shape.length)));
			assertThat(storm.stream().filter(SpikeEvaluation.Event::negative).count()).isBetween(740L, 860L);
		}
		List<SpikeEvaluation.Event> exponential = SpikeEvaluation.storm(
				new SpikeEvaluation.Storm(start, 1000, SpikeEvaluation.Shape.EXPONENTIAL, 1), new Random(1));
		long lastHour = exponential.stream().filter(e -> e.at().isAfter(start.plus(Duration.ofHours(2)))).count();
		assertThat(lastHour).as("doubling every 20 minutes puts 7/8 in the last hour").isBetween(830L, 920L);
	}

	@Test
	void upsamplingKeepsEveryMentionAndTheLabelsWithinThePeriod() {
		Instant t = Instant.parse("2026-03-01T00:00:00Z");
		List<SpikeEvaluation.Event> real = List.of(new SpikeEvaluation.Event(t, true), new SpikeEvaluation.Event(t.plus(Duration.ofDays(3)), false),
				new SpikeEvaluation.Event(t.plus(Duration.ofDays(9)), false));
		List<SpikeEvaluation.Event> ten = SpikeEvaluation.upsample(real, 10);
		assertThat(ten).hasSize(30).allSatisfy(e -> assertThat(e.at()).isBetween(t, t.plus(Duration.ofDays(9))));
		assertThat(ten.stream().filter(SpikeEvaluation.Event::negative).count()).isEqualTo(10);
	}

	@Test
	void onRealCustomerCareTrafficBothWindowsCatchSuddenStormsWithFewFalseAlerts() throws Exception {
		assumeTrue(Files.isRegularFile(TWCS), "TWCS sample not found at " + TWCS.toAbsolutePath() + ": skipping the replay");
		List<SpikeEvaluation.Event> background = SpikeEvaluation.readInbound(TWCS, MessageUnderstanding.withDefaults());
		assertThat(background).hasSizeGreaterThan(2000);
		Instant origin = background.getFirst().at().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		int buckets = (int) Duration.between(origin, background.getLast().at()).dividedBy(SpikeEvaluation.BUCKET) + 1;
		long[] counts = new long[buckets];
		long[] negative = new long[buckets];
		SpikeEvaluation.add(background, origin, counts, negative);
		int warmup = SpikeDetector.Window.dayVsWeek(SpikeEvaluation.BUCKET).span();
		SpikeEvaluation.Setting both = SpikeEvaluation.settings().stream().filter(s -> s.name().equals("both, persistence 2")).findFirst().orElseThrow();

		int falseAlerts = SpikeEvaluation.risingEdges(both, counts, negative, warmup, buckets - 1);
		double days = (buckets - warmup) / 288.0;
		assertThat(falseAlerts / days).as("false alerts per day").isLessThan(0.5);

		var sudden = SpikeEvaluation.storms(both, background, origin, buckets, warmup, SpikeEvaluation.Shape.SUDDEN, 50, 20);
		assertThat(sudden.detected()).isGreaterThanOrEqualTo(18);
		assertThat(sudden.medianDelayMinutes()).as("detected before the half-hour storm is over").isLessThan(30);
	}
}
