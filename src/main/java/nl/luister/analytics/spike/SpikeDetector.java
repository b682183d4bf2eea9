package nl.luister.analytics.spike;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether a topic's recent volume, or its share of negative mentions, stands out against its own recent
 * past. Works on a series of equal time buckets (five minutes in the product) and compares a sliding window that
 * ends at a bucket with the windows of the same length before it: the last hour with the 12 hours before it, the
 * last day with the 7 days before it — the windows the leading listening tools use.
 *
 * <p>A window is a spike when it is large enough ({@link Settings#minVolume()}), far above the expected count
 * (a z-score against the baseline's own variance, never below Poisson noise) and a clear multiple of it. The negative
 * share spikes when it rises by at least {@link Settings#minShareRise()} above the baseline share with a binomial
 * z-score above the same threshold. An alert needs the condition on {@link Settings#persistence()} consecutive
 * buckets, so one noisy bucket never pages anyone. See docs/alerts.md for the formula and its evaluation.
 *
 * <p>Stateless and thread-safe: the product re-evaluates the last few buckets from stored counts on every tick,
 * so a restart loses nothing.
 */
public final class SpikeDetector {

	/** A comparison: a window of {@code buckets} buckets against the {@code baselineWindows} windows before it. */
	public record Window(String name, int buckets, int baselineWindows) {

		public Window {
			Objects.requireNonNull(name, "name");
			if (buckets < 1 || baselineWindows < 1) throw new IllegalArgumentException("window and baseline need at least one bucket");
		}

		/** The number of buckets one evaluation looks at: the window and its baseline. */
		public int span() {
			return buckets * (baselineWindows + 1);
		}

		/** The last hour against the 12 hours before it, over buckets of {@code bucket}. */
		public static Window hourVsTwelveHours(Duration bucket) {
			return new Window("hour", (int) (Duration.ofHours(1).toSeconds() / bucket.toSeconds()), 12);
		}

		/** The last day against the week before it, over buckets of {@code bucket}. */
		public static Window dayVsWeek(Duration bucket) {
			return new Window("day", (int) (Duration.ofDays(1).toSeconds() / bucket.toSeconds()), 7);
		}
	}

	/**
	 * Thresholds. {@code minVolume}: mentions the window must hold at least; {@code minZ}: standard deviations above
	 * the expected count (and for the negative share); {@code minRatio}: window count over expected count (both + 1);
	 * {@code minShareRise}: absolute rise of the negative share; {@code persistence}: consecutive buckets the
	 * condition must hold.
	 */
	public record Settings(int minVolume, double minZ, double minRatio, double minShareRise, int persistence) {

		public Settings {
			if (minVolume < 1 || minZ <= 0 || minRatio < 1 || minShareRise < 0 || minShareRise > 1 || persistence < 1)
				throw new IllegalArgumentException("spike settings out of range: minVolume ≥ 1, minZ > 0, minRatio ≥ 1, 0 ≤ minShareRise ≤ 1, persistence ≥ 1");
		}

		/** The defaults of the hour window: at least 10 mentions, z ≥ 4, 2× the expected count, +20 points negative, 2 buckets. */
		public static Settings defaults() {
			return new Settings(10, 4, 2, 0.20, 2);
		}

		/**
		 * The defaults of the day window: as {@link #defaults()} but 1.5× the expected count suffices — a day holds
		 * enough mentions for a smaller rise to be real, and a slow storm never doubles a busy topic's day.
		 */
		public static Settings dayDefaults() {
			return new Settings(10, 4, 1.5, 0.20, 2);
		}

		/** These settings with another persistence. */
		public Settings withPersistence(int buckets) {
			return new Settings(minVolume, minZ, minRatio, minShareRise, buckets);
		}
	}

	/** What one window shows: whether volume and negative share spiked, the figures and a severity 1–10. */
	public record Signal(boolean volumeSpike, boolean negativeSpike, long count, double expected, double z, double ratio,
			double negativeShare, double baselineNegativeShare, int severity) {

		/** Whether anything spiked. */
		public boolean any() {
			return volumeSpike || negativeSpike;
		}
	}

	private final Window window;
	private final Settings settings;

	public SpikeDetector(Window window, Settings settings) {
		this.window = Objects.requireNonNull(window, "window");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public Window window() {
		return window;
	}

	public Settings settings() {
		return settings;
	}

	/**
	 * The signal of the window ending with bucket {@code end} (inclusive) of the series; {@code null} when the series
	 * does not reach back far enough for a full baseline.
	 *
	 * @param counts mentions per bucket, oldest first
	 * @param negative negative mentions per bucket, same length
	 */
	public Signal signal(long[] counts, long[] negative, int end) {
		if (counts.length != negative.length) throw new IllegalArgumentException("counts and negative counts differ in length");
		int w = window.buckets();
		int start = end - window.span() + 1;
		if (start < 0 || end >= counts.length) return null;
		long current = sum(counts, end - w + 1, end);
		long currentNegative = sum(negative, end - w + 1, end);
		int k = window.baselineWindows();
		double mean = 0;
		double squares = 0;
		long baseTotal = 0;
		long baseNegative = 0;
		for (int i = 0; i < k; i++) {
			int to = end - w * (i + 1);
			long c = sum(counts, to - w + 1, to);
			mean += c;
			squares += (double) c * c;
			baseTotal += c;
			baseNegative += sum(negative, to - w + 1, to);
		}
		mean /= k;
		double variance = Math.max(squares / k - mean * mean, mean);
		double z = (current - mean) / Math.sqrt(variance + 1);
		double ratio = (current + 1) / (mean + 1);
		boolean volume = current >= settings.minVolume() && z >= settings.minZ() && ratio >= settings.minRatio();

		double p0 = (baseNegative + 1.0) / (baseTotal + 2.0);
		double share = current == 0 ? 0 : (double) currentNegative / current;
		double zNegative = current == 0 ? 0 : (share - p0) / Math.sqrt(p0 * (1 - p0) / current);
		boolean negativeSpike = currentNegative * 2 >= settings.minVolume() && zNegative >= settings.minZ()
				&& share - p0 >= settings.minShareRise();
		return new Signal(volume, negativeSpike, current, mean, z, ratio, share, p0,
				severity(volume, negativeSpike, current, ratio, share - p0));
	}

	/**
	 * Whether the condition held on each of the last {@link Settings#persistence()} buckets up to {@code end}: the
	 * alert condition. Returns the newest signal when it did, else {@code null}.
	 */
	public Signal alert(long[] counts, long[] negative, int end) {
		Signal newest = null;
		for (int i = 0; i < settings.persistence(); i++) {
			Signal s = signal(counts, negative, end - i);
			if (s == null || !s.any()) return null;
			if (newest == null) newest = s;
		}
		return newest;
	}

	/**
	 * Severity 1–10: twice the binary log of the ratio (2× → 2, 4× → 4, 32× → 10), one more per order of magnitude of
	 * volume above 100, one more when the negative share rose as well (or, for a negative-only spike, by its rise).
	 */
	static int severity(boolean volume, boolean negative, long count, double ratio, double shareRise) {
		if (!volume && !negative) return 0;
		double s = 0;
		if (volume) s = 2 * Math.log(ratio) / Math.log(2);
		if (count >= 100) s += Math.floor(Math.log10(count)) - 1;
		if (negative) s += volume ? 1 : Math.max(2, shareRise * 10);
		return (int) Math.max(1, Math.min(10, Math.round(s)));
	}

	private static long sum(long[] a, int from, int to) {
		long s = 0;
		for (int i = from; i <= to; i++) s += a[i];
		return s;
	}
}
