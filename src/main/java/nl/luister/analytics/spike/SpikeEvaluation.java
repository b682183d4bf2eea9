package nl.luister.analytics.spike;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import nl.luister.enrich.MessageUnderstanding;
import nl.luister.enrich.Sentiment;

/**
 * Replays real customer-care traffic (the inbound tweets of the TWCS sample in {@code ../shared/data/twcs-sample})
 * as the background of one topic, injects storms of known start, size and growth, and reports per window setting
 * the detection rate, the detection delay and the false alerts per day on the background alone. Every mention is
 * labelled by Luister's own {@link MessageUnderstanding}, so the negative share is the one the product would see.
 *
 * <p>Run with {@code ./luister eval-alerts [DATA_DIR]}. Deterministic: storms are drawn from a fixed seed.
 */
public final class SpikeEvaluation {

	static final Duration BUCKET = Duration.ofMinutes(5);
	static final int[] SIZES = { 20, 50, 200 };
	/** An alert counts as a storm's detection up to this long after the storm's last mention. */
	static final Duration ATTRIBUTION = Duration.ofHours(2);
	private static final DateTimeFormatter TWITTER_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

	/** One background or storm mention: when, and whether Luister reads it as negative. */
	record Event(Instant at, boolean negative) {
	}

	/** A storm: {@code size} mentions from {@code start}, spread by {@code shape}, {@code negativeShare} of them negative. */
	record Storm(Instant start, int size, Shape shape, double negativeShare) {
	}

	/** How a storm grows. */
	enum Shape {
		/** all within 30 minutes */
		SUDDEN(Duration.ofMinutes(30)),
		/** doubling every 20 minutes over 3 hours */
		EXPONENTIAL(Duration.ofHours(3)),
		/** evenly over 12 hours */
		SLOW(Duration.ofHours(12));

		final Duration length;

		Shape(Duration length) {
			this.length = length;
		}

		Instant at(Instant start, Random random) {
			double u = random.nextDouble();
			double minutes = switch (this) {
				case SUDDEN, SLOW -> u * length.toMinutes();
				// inverse of the CDF of an exponential ramp 2^(t/20) over [0, L]
				case EXPONENTIAL -> {
					double l = length.toMinutes();
					double k = Math.log(2) / 20;
					yield Math.log(1 + u * (Math.exp(k * l) - 1)) / k;
				}
			};
			return start.plusSeconds((long) (minutes * 60));
		}
	}

	/** A window setting under evaluation: one or both comparisons with one persistence. */
	record Setting(String name, List<SpikeDetector> detectors) {
	}

	/** The outcome of one setting on one background and storm kind. */
	record Outcome(int storms, int detected, double medianDelayMinutes, double p90DelayMinutes) {
	}

	private SpikeEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/twcs-sample");
		Path file = dir.resolve("twcs_random_5k.csv");
		if (!Files.isRegularFile(file)) {
			System.err.println("No TWCS sample at " + file.toAbsolutePath() + ": pass the folder holding twcs_random_5k.csv.");
			System.exit(2);
		}
		MessageUnderstanding understanding = MessageUnderstanding.withDefaults();
		List<Event> real = readInbound(file, understanding);
		System.out.printf(Locale.ROOT, "%s: %d inbound mentions from %s to %s, %.1f%% negative%n", file.getFileName(), real.size(),
				real.getFirst().at(), real.getLast().at(), 100.0 * real.stream().filter(Event::negative).count() / real.size());
		for (int scale : new int[] { 1, 10 }) {
			List<Event> background = scale == 1 ? real : upsample(real, scale);
			report(background, scale);
		}
	}

	static void report(List<Event> background, int scale) {
		Instant origin = background.getFirst().at().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		int buckets = (int) (Duration.between(origin, background.getLast().at()).dividedBy(BUCKET)) + 1;
		long[] counts = new long[buckets];
		long[] negative = new long[buckets];
		add(background, origin, counts, negative);
		double days = buckets * BUCKET.toMinutes() / 1440.0;
		int warmup = SpikeDetector.Window.dayVsWeek(BUCKET).span();
		double evaluatedDays = (buckets - warmup) * BUCKET.toMinutes() / 1440.0;
		System.out.printf(Locale.ROOT, "%nBackground ×%d: %,d mentions over %.0f days (%.0f a day); evaluated after a %d-day warm-up: %.1f days%n",
				scale, background.size(), days, background.size() / days, warmup * BUCKET.toMinutes() / 1440, evaluatedDays);
		StringBuilder head = new StringBuilder("| setting | false alerts/day |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (Shape shape : Shape.values())
			for (int size : SIZES) {
				head.append(' ').append(shape.name().toLowerCase(Locale.ROOT)).append(' ').append(size).append(" |");
				rule.append("---|");
			}
		System.out.println("Cells: storms detected of 40 · median delay in minutes from the storm's first mention (p90).");
		System.out.println(head);
		System.out.println(rule);
		for (Setting setting : settings()) {
			int falseAlerts = risingEdges(setting, counts, negative, warmup, buckets - 1);
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f |", setting.name(), falseAlerts / evaluatedDays));
			for (Shape shape : Shape.values())
				for (int size : SIZES) {
					Outcome o = storms(setting, background, origin, buckets, warmup, shape, size, 40);
					row.append(String.format(Locale.ROOT, " %d · %s (%s) |", o.detected(), minutes(o.medianDelayMinutes()),
							minutes(o.p90DelayMinutes())));
				}
			System.out.println(row);
		}
	}

	static List<Setting> settings() {
		List<Setting> out = new ArrayList<>();
		SpikeDetector.Settings d = SpikeDetector.Settings.defaults();
		for (int persistence : new int[] { 1, 2, 3 }) {
			var s = d.withPersistence(persistence);
			var hour = new SpikeDetector(SpikeDetector.Window.hourVsTwelveHours(BUCKET), s);
			var day = new SpikeDetector(SpikeDetector.Window.dayVsWeek(BUCKET), SpikeDetector.Settings.dayDefaults().withPersistence(persistence));
			out.add(new Setting("hour vs 12 h, persistence " + persistence, List.of(hour)));
			out.add(new Setting("day vs week, persistence " + persistence, List.of(day)));
			out.add(new Setting("both, persistence " + persistence, List.of(hour, day)));
		}
		return out;
	}

	/** Injects {@code trials} storms one at a time into the background and measures how fast the setting alerts. */
	static Outcome storms(Setting setting, List<Event> background, Instant origin, int buckets, int warmup, Shape shape, int size, int trials) {
		Random random = new Random(31L * size + shape.ordinal());
		long[] counts = new long[buckets];
		long[] negative = new long[buckets];
		add(background, origin, counts, negative);
		int horizon = (int) (Duration.ofDays(1).dividedBy(BUCKET));
		List<Double> delays = new ArrayList<>();
		for (int t = 0; t < trials; t++) {
			int startBucket = warmup + random.nextInt(buckets - warmup - horizon);
			Instant start = origin.plus(BUCKET.multipliedBy(startBucket)).plusSeconds(random.nextInt((int) BUCKET.toSeconds()));
			List<Event> storm = storm(new Storm(start, size, shape, 0.8), random);
			long[] c = counts.clone();
			long[] n = negative.clone();
			add(storm, origin, c, n);
			// an alert already standing when the storm starts is not its detection, nor one long after it ended
			int last = Math.min(buckets, startBucket + (int) shape.length.plus(ATTRIBUTION).dividedBy(BUCKET) + 1);
			for (int b = startBucket; b < last; b++) {
				if (alerting(setting, c, n, b) && !alerting(setting, c, n, b - 1)) {
					Instant seen = origin.plus(BUCKET.multipliedBy(b + 1L));
					delays.add(Duration.between(start, seen).toSeconds() / 60.0);
					break;
				}
			}
		}
		double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new Outcome(trials, sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9));
	}

	static List<Event> storm(Storm storm, Random random) {
		List<Event> out = new ArrayList<>(storm.size());
		for (int i = 0; i < storm.size(); i++)
			out.add(new Event(storm.shape().at(storm.start(), random), random.nextDouble() < storm.negativeShare()));
		return out;
	}

	/** Alert episodes that start between {@code from} and {@code to}: how many times someone would be paged. */
	static int risingEdges(Setting setting, long[] counts, long[] negative, int from, int to) {
		int edges = 0;
		boolean before = alerting(setting, counts, negative, from - 1);
		for (int b = from; b <= to; b++) {
			boolean now = alerting(setting, counts, negative, b);
			if (now && !before) edges++;
			before = now;
		}
		return edges;
	}

	static boolean alerting(Setting setting, long[] counts, long[] negative, int end) {
		for (SpikeDetector d : setting.detectors())
			if (d.alert(counts, negative, end) != null) return true;
		return false;
	}

	static void add(List<Event> events, Instant origin, long[] counts, long[] negative) {
		for (Event e : events) {
			long b = Duration.between(origin, e.at()).dividedBy(BUCKET);
			if (b < 0 || b >= counts.length) continue;
			counts[(int) b]++;
			if (e.negative()) negative[(int) b]++;
		}
	}

	/**
	 * A busier brand with the same rhythm: the real series plus {@code scale - 1} copies of it, copy k shifted by k
	 * days (wrapping round the period), so daily and weekly patterns stay and copies do not clump together.
	 */
	static List<Event> upsample(List<Event> real, int scale) {
		Instant first = real.getFirst().at();
		long period = Duration.between(first, real.getLast().at()).toSeconds() + 1;
		List<Event> out = new ArrayList<>(real.size() * scale);
		for (int k = 0; k < scale; k++)
			for (Event e : real) {
				long offset = Math.floorMod(Duration.between(first, e.at()).toSeconds() + k * 86_400L, period);
				out.add(new Event(first.plusSeconds(offset), e.negative()));
			}
		out.sort((a, b) -> a.at().compareTo(b.at()));
		return out;
	}

	/**
	 * The inbound (customer) tweets of a TWCS file, oldest first, from the first day with at least ten of them (the
	 * sample's first weeks hold only stragglers).
	 */
	static List<Event> readInbound(Path file, MessageUnderstanding understanding) throws IOException {
		List<Event> events = new ArrayList<>();
		var format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (var parser = format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
			for (String column : List.of("created_at", "inbound", "text"))
				if (!parser.getHeaderMap().containsKey(column)) throw new IllegalArgumentException(file + " lacks the TWCS column " + column);
			for (var row : parser) {
				if (!row.isSet("text") || !"True".equals(row.get("inbound"))) continue;
				Instant when;
				try {
					when = ZonedDateTime.parse(row.get("created_at"), TWITTER_TIME).toInstant();
				}
				catch (DateTimeParseException e) {
					continue;
				}
				events.add(new Event(when, understanding.understand(row.get("text")).sentiment() == Sentiment.NEGATIVE));
			}
		}
		events.sort((a, b) -> a.at().compareTo(b.at()));
		Instant first = events.getFirst().at().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
		int days = (int) Duration.between(first, events.getLast().at()).toDays() + 1;
		long[] perDay = new long[days];
		for (Event e : events) perDay[(int) Duration.between(first, e.at()).toDays()]++;
		int dense = 0;
		while (dense < days && perDay[dense] < 10) dense++;
		Instant from = first.plus(Duration.ofDays(dense));
		return events.stream().filter(e -> !e.at().isBefore(from)).toList();
	}

	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) return Double.NaN;
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	private static String minutes(double m) {
		return Double.isNaN(m) ? "–" : String.format(Locale.ROOT, "%.0f", m);
	}
}
