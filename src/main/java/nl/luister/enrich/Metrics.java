package nl.luister.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A confusion matrix over named labels with accuracy, macro-averaged recall and macro-averaged F1. Not thread-safe. */
final class Metrics {

	private final List<String> labels = new ArrayList<>();
	private long[][] counts = new long[0][0];
	private long total;

	Metrics(String... labels) {
		for (String label : labels) {
			index(label);
		}
	}

	void add(String gold, String predicted) {
		int g = index(gold), p = index(predicted);
		counts[g][p]++;
		total++;
	}

	private int index(String label) {
		int i = labels.indexOf(label);
		if (i >= 0) {
			return i;
		}
		labels.add(label);
		long[][] grown = new long[labels.size()][labels.size()];
		for (int r = 0; r < counts.length; r++) {
			System.arraycopy(counts[r], 0, grown[r], 0, counts[r].length);
		}
		counts = grown;
		return labels.size() - 1;
	}

	long total() {
		return total;
	}

	double accuracy() {
		long right = 0;
		for (int i = 0; i < counts.length; i++) {
			right += counts[i][i];
		}
		return total == 0 ? 0 : (double) right / total;
	}

	double recall(int i) {
		long gold = 0;
		for (long n : counts[i]) {
			gold += n;
		}
		return gold == 0 ? 0 : (double) counts[i][i] / gold;
	}

	double precision(int i) {
		long predicted = 0;
		for (long[] row : counts) {
			predicted += row[i];
		}
		return predicted == 0 ? 0 : (double) counts[i][i] / predicted;
	}

	double f1(int i) {
		double p = precision(i), r = recall(i);
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	/** Averages over the labels that occur in the gold standard. */
	double macroRecall() {
		return macro(true);
	}

	double macroF1() {
		return macro(false);
	}

	private double macro(boolean recall) {
		double sum = 0;
		int n = 0;
		for (int i = 0; i < labels.size(); i++) {
			long gold = 0;
			for (long c : counts[i]) {
				gold += c;
			}
			if (gold > 0) {
				sum += recall ? recall(i) : f1(i);
				n++;
			}
		}
		return n == 0 ? 0 : sum / n;
	}

	String report() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "n=%d accuracy=%.4f macro-recall=%.4f macro-F1=%.4f%n", total, accuracy(),
				macroRecall(), macroF1()));
		out.append("confusion (rows gold, columns predicted):\n");
		int width = 10;
		for (String l : labels) {
			width = Math.max(width, l.length() + 1);
		}
		out.append(String.format(Locale.ROOT, "%" + width + "s", ""));
		for (String l : labels) {
			out.append(String.format(Locale.ROOT, "%" + width + "s", l));
		}
		out.append(String.format(Locale.ROOT, "%" + width + "s%n", "recall"));
		for (int r = 0; r < labels.size(); r++) {
			out.append(String.format(Locale.ROOT, "%" + width + "s", labels.get(r)));
			for (int c = 0; c < labels.size(); c++) {
				out.append(String.format(Locale.ROOT, "%" + width + "d", counts[r][c]));
			}
			out.append(String.format(Locale.ROOT, "%" + width + ".4f%n", recall(r)));
		}
		return out.toString();
	}
}
