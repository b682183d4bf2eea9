package nl.luister.analytics.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values over time: one array per named series, one value per bucket (0 where nothing happened, never missing).
 *
 * @param unit what the values count, e.g. {@code mentions}, {@code cases} or {@code minutes}
 */
public record Series(String unit, List<Instant> buckets, Map<String, double[]> values) {

	static Series empty(String unit, List<Instant> buckets, String... names) {
		Map<String, double[]> v = new LinkedHashMap<>();
		for (String n : names) v.put(n, new double[buckets.size()]);
		return new Series(unit, buckets, v);
	}

	/** The total of one series over the period. */
	public double total(String name) {
		double t = 0;
		for (double x : values.getOrDefault(name, new double[0])) t += x;
		return t;
	}
}
