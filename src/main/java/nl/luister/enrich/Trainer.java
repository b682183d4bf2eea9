package nl.luister.enrich;

import java.util.List;
import java.util.Random;

/**
 * Fits a {@link LinearModel} by stochastic gradient descent with AdaGrad step sizes, class weights (for macro-averaged
 * metrics on unbalanced data) and L2 regularisation applied to the features an example touches. Used by the training
 * command only; single-threaded and deterministic for a given seed.
 */
final class Trainer {

	record Example(int[] index, float[] value, int label) {
	}

	record Settings(int dimension, int epochs, float learningRate, float l2, long seed) {
	}

	private Trainer() {
	}

	static LinearModel train(List<Example> data, String[] labels, float[] classWeights, Settings s) {
		int c = labels.length;
		float[] w = new float[s.dimension() * c];
		float[] g2 = new float[w.length];
		float[] bias = new float[c];
		float[] biasG2 = new float[c];
		float[] p = new float[c];
		int[] order = new int[data.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Random random = new Random(s.seed());
		for (int epoch = 0; epoch < s.epochs(); epoch++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int n : order) {
				Example e = data.get(n);
				for (int k = 0; k < c; k++) {
					p[k] = bias[k];
				}
				for (int i = 0; i < e.index().length; i++) {
					int base = e.index()[i] * c;
					for (int k = 0; k < c; k++) {
						p[k] += w[base + k] * e.value()[i];
					}
				}
				LinearModel.softmax(p, c);
				float cw = classWeights[e.label()];
				for (int k = 0; k < c; k++) {
					float grad = (p[k] - (k == e.label() ? 1f : 0f)) * cw;
					biasG2[k] += grad * grad;
					bias[k] -= s.learningRate() * grad / (float) Math.sqrt(biasG2[k] + 1e-8f);
					for (int i = 0; i < e.index().length; i++) {
						int at = e.index()[i] * c + k;
						float g = grad * e.value()[i] + s.l2() * w[at];
						g2[at] += g * g;
						w[at] -= s.learningRate() * g / (float) Math.sqrt(g2[at] + 1e-8f);
					}
				}
			}
		}
		return new LinearModel(labels, s.dimension(), w, bias);
	}

	/** Weights inversely proportional to class frequency, softened by {@code power} (0 = none, 1 = full balance). */
	static float[] classWeights(List<Example> data, int classes, double power) {
		int[] counts = new int[classes];
		for (Example e : data) {
			counts[e.label()]++;
		}
		float[] w = new float[classes];
		for (int k = 0; k < classes; k++) {
			w[k] = (float) Math.pow((double) data.size() / (classes * Math.max(1, counts[k])), power);
		}
		return w;
	}
}
