package nl.luister.analytics.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SpikeDetectorTests {

	private static final Duration BUCKET = Duration.ofMinutes(5);
	private final SpikeDetector hour = new SpikeDetector(SpikeDetector.Window.hourVsTwelveHours(BUCKET), SpikeDetector.Settings.defaults());

	@Test
	void hourWindowComparesTwelveBucketsWithTheTwelveHoursBefore() {
		assertThat(hour.window().buckets()).isEqualTo(12);
		assertThat(hour.window().span()).isEqualTo(12 * 13);
		assertThat(SpikeDetector.Window.dayVsWeek(BUCKET).span()).isEqualTo(288 * 8);
	}

	@Test
	void aSteadyTopicDoesNotSpike() {
		long[] counts = filled(200, 2);
		SpikeDetector.Signal s = hour.signal(counts, new long[200], 199);
		assertThat(s.any()).isFalse();
		assertThat(s.expected()).isEqualTo(24.0);
		assertThat(s.severity()).isZero();
	}

	@Test
	void aSuddenRiseIsAVolumeSpikeWithItsFigures() {
		long[] counts = filled(200, 1);
		for (int i = 190; i < 200; i++) counts[i] = 10;
		SpikeDetector.Signal s = hour.signal(counts, new long[200], 199);
		assertThat(s.volumeSpike()).isTrue();
		assertThat(s.negativeSpike()).isFalse();
		assertThat(s.count()).isEqualTo(102);
		assertThat(s.expected()).isEqualTo(12.0);
		assertThat(s.ratio()).isGreaterThan(7);
		assertThat(s.severity()).isBetween(5, 8);
	}

	@Test
	void aRiseWithinTheTopicsUsualSwingIsNoSpike() {
		// hourly counts swing between 0 and 60: 60 in the last hour is nothing new for this topic
		long[] counts = new long[200];
		for (int i = 0; i < 200; i++) counts[i] = (i / 12) % 2 == 0 ? 5 : 0;
		for (int i = 188; i < 200; i++) counts[i] = 5;
		assertThat(hour.signal(counts, new long[200], 199).volumeSpike()).isFalse();
	}

	@Test
	void tooFewMentionsNeverSpikeHoweverUnusual() {
		long[] counts = new long[200];
		counts[199] = 9;
		assertThat(hour.signal(counts, new long[200], 199).any()).isFalse();
		counts[198] = 1;
		assertThat(hour.signal(counts, new long[200], 199).volumeSpike()).isTrue();
	}

	@Test
	void aRisingNegativeShareSpikesWithoutMoreVolume() {
		long[] counts = filled(200, 4);
		long[] negative = filled(200, 1);
		for (int i = 188; i < 200; i++) negative[i] = 4;
		SpikeDetector.Signal s = hour.signal(counts, negative, 199);
		assertThat(s.volumeSpike()).isFalse();
		assertThat(s.negativeSpike()).isTrue();
		assertThat(s.negativeShare()).isEqualTo(1.0);
		assertThat(s.baselineNegativeShare()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
		assertThat(s.severity()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void anAlertNeedsTheConditionOnConsecutiveBuckets() {
		long[] counts = filled(200, 1);
		counts[199] = 40;
		assertThat(hour.signal(counts, new long[200], 199).any()).isTrue();
		assertThat(hour.alert(counts, new long[200], 199)).as("one bucket is not enough with persistence 2").isNull();
		counts[199] = 20;
		counts[198] = 20;
		assertThat(hour.alert(counts, new long[200], 199)).isNotNull();
	}

	@Test
	void withoutAFullBaselineThereIsNoSignal() {
		long[] counts = filled(100, 1);
		assertThat(hour.signal(counts, new long[100], 99)).isNull();
		assertThat(hour.signal(counts, new long[100], 155)).isNull();
		assertThat(hour.alert(counts, new long[100], 99)).isNull();
	}

	@Test
	void severityGrowsWithTheRatioAndVolumeAndStaysWithinOneToTen() {
		assertThat(SpikeDetector.severity(true, false, 20, 2, 0)).isEqualTo(2);
		assertThat(SpikeDetector.severity(true, false, 20, 4, 0)).isEqualTo(4);
		assertThat(SpikeDetector.severity(true, true, 20, 4, 0.3)).isEqualTo(5);
		assertThat(SpikeDetector.severity(true, false, 5000, 64, 0)).isEqualTo(10);
		assertThat(SpikeDetector.severity(false, true, 20, 1, 0.5)).isEqualTo(5);
		assertThat(SpikeDetector.severity(false, false, 20, 1, 0)).isZero();
	}

	@Test
	void settingsOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SpikeDetector.Settings(0, 4, 2, 0.2, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new SpikeDetector.Settings(10, 4, 0.5, 0.2, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new SpikeDetector.Settings(10, 4, 2, 1.5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> hour.signal(new long[3], new long[4], 2));
	}

	private static long[] filled(int n, long v) {
		long[] a = new long[n];
		Arrays.fill(a, v);
		return a;
	}
}
