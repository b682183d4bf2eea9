package nl.luister.enrich;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression model over hashed features: one weight per (feature bucket, class) and a bias per
 * class. Stored as gzip with weights quantised to 16 bits per class (a few MB for 2^18 buckets and three classes).
 * Immutable after loading; {@link #predict} is thread-safe and writes into the caller's array.
 */
final class LinearModel {

	private static final int MAGIC = 0x4C534D31; // "LSM1"

	final String[] labels;
	final int dimension;
	final float[] weights; // [bucket * classes + class]
	final float[] bias;

	LinearModel(String[] labels, int dimension, float[] weights, float[] bias) {
		this.labels = labels;
		this.dimension = dimension;
		this.weights = weights;
		this.bias = bias;
	}

	int classes() {
		return labels.length;
	}

	/**
	 * Writes class probabilities (softmax of the scores) into {@code probabilities}. The vector may come from features
	 * hashed into a larger power-of-two dimension: its buckets are folded into this model's by their low bits, which
	 * is exactly how {@link Features} would have bucketed them for this dimension.
	 */
	void predict(FeatureVector x, float[] probabilities) {
		int c = labels.length;
		int mask = dimension - 1;
		for (int k = 0; k < c; k++) {
			probabilities[k] = bias[k];
		}
		for (int i = 0; i < x.size; i++) {
			int base = (x.index[i] & mask) * c;
			float v = x.value[i];
			for (int k = 0; k < c; k++) {
				probabilities[k] += weights[base + k] * v;
			}
		}
		softmax(probabilities, c);
	}

	static int argmax(float[] p) {
		int best = 0;
		for (int k = 1; k < p.length; k++) {
			if (p[k] > p[best]) {
				best = k;
			}
		}
		return best;
	}

	static void softmax(float[] s, int c) {
		float max = Float.NEGATIVE_INFINITY;
		for (int k = 0; k < c; k++) {
			max = Math.max(max, s[k]);
		}
		float sum = 0;
		for (int k = 0; k < c; k++) {
			s[k] = (float) Math.exp(s[k] - max);
			sum += s[k];
		}
		for (int k = 0; k < c; k++) {
			s[k] /= sum;
		}
	}

	void write(OutputStream target) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target, 1 << 16))) {
			out.writeInt(MAGIC);
			out.writeInt(labels.length);
			for (String label : labels) {
				out.writeUTF(label);
			}
			out.writeInt(dimension);
			for (float b : bias) {
				out.writeFloat(b);
			}
			int c = labels.length;
			for (int k = 0; k < c; k++) {
				float max = 1e-9f;
				for (int i = k; i < weights.length; i += c) {
					max = Math.max(max, Math.abs(weights[i]));
				}
				float scale = max / Short.MAX_VALUE;
				out.writeFloat(scale);
				for (int i = k; i < weights.length; i += c) {
					out.writeShort(Math.round(weights[i] / scale));
				}
			}
		}
	}

	static LinearModel read(String resource) {
		InputStream in = LinearModel.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Model resource " + resource + " is missing from the classpath");
		}
		try (DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
			if (data.readInt() != MAGIC) {
				throw new IllegalStateException("Model resource " + resource + " is not a Luister linear model");
			}
			String[] labels = new String[data.readInt()];
			for (int k = 0; k < labels.length; k++) {
				labels[k] = data.readUTF();
			}
			int dimension = data.readInt();
			float[] bias = new float[labels.length];
			for (int k = 0; k < bias.length; k++) {
				bias[k] = data.readFloat();
			}
			int c = labels.length;
			float[] weights = new float[dimension * c];
			for (int k = 0; k < c; k++) {
				float scale = data.readFloat();
				for (int i = k; i < weights.length; i += c) {
					weights[i] = data.readShort() * scale;
				}
			}
			return new LinearModel(labels, dimension, weights, bias);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read model resource " + resource, e);
		}
	}
}
