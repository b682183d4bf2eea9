package nl.luister.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A person's sentiment per week over the last {@value #WEEKS} weeks, oldest first, drawn as a small SVG
 * sparkline (SVG attributes only, no style, for the strict CSP). A week's balance is (positive − negative) /
 * messages with a sentiment, from −1 to 1; a week without such messages has no point.
 */
public record SentimentTrend(List<Week> weeks) {

	static final int WEEKS = 12;
	static final int WIDTH = 120, HEIGHT = 24;

	/** One week: {@code weeksAgo} 0 is the current one. */
	public record Week(int weeksAgo, int positive, int negative, int total) {
		public Double balance() {
			return total == 0 ? null : (positive - negative) / (double) total;
		}
	}

	/** A point of the line, in SVG user units. */
	public record Point(String x, String y) {
	}

	public boolean isEmpty() {
		return weeks.stream().allMatch(w -> w.total() == 0);
	}

	public int positive() {
		return weeks.stream().mapToInt(Week::positive).sum();
	}

	public int negative() {
		return weeks.stream().mapToInt(Week::negative).sum();
	}

	public int neutral() {
		return weeks.stream().mapToInt(w -> w.total() - w.positive() - w.negative()).sum();
	}

	/** The weeks with messages as points: x by week (oldest left), y from the top (positive) to the bottom (negative). */
	public List<Point> points() {
		List<Point> points = new ArrayList<>();
		for (Week w : weeks) {
			Double b = w.balance();
			if (b == null) continue;
			double x = 4 + (WEEKS - 1 - w.weeksAgo()) * (WIDTH - 8) / (double) (WEEKS - 1);
			double y = HEIGHT / 2.0 - b * (HEIGHT / 2.0 - 3);
			points.add(new Point(String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", y)));
		}
		return points;
	}

	/** The {@code points} attribute of the polyline. */
	public String polyline() {
		return String.join(" ", points().stream().map(p -> p.x() + "," + p.y()).toList());
	}
}
