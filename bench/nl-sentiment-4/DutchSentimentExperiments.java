package nl.luister.enrich;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Repeated cross-validation of Dutch headline sentiment models (BENCHMARKS.md, "Dutch sentiment, fourth pass"): only
 * the training headlines (ids not ending in 0) are read; folds are drawn from three fixed seeds and every model is
 * scored on the same folds, so the figures are paired. Prints, per model and combination, pooled accuracy and
 * macro-recall over the 3 × 5 folds and the accuracy of each fold. Writes nothing; deterministic.
 * <p>
 * Not part of the build: it needs the third pass's feature code ({@code third-pass-features.patch} beside it:
 * {@code DutchEconomy}, {@code Features.Options}, NB scaling in {@code Trainer}). To run it, on a scratch copy of
 * the project: {@code git apply bench/nl-sentiment-4/third-pass-features.patch}, copy this file to
 * {@code src/test/java/nl/luister/enrich/}, {@code ./mvnw -q -B -DskipTests test-compile}, then
 * {@code java -cp target/test-classes:target/classes:<test classpath> nl.luister.enrich.DutchSentimentExperiments
 * ../shared/data PLAN} where PLAN lists any of {@code bag,nb,ft,s2,s3,s4,s5,s6,lc} (the base models always run).
 */
final class DutchSentimentExperiments {

	static final int FOLDS = 5, CLASSES = 3;
	static final long[] FOLD_SEEDS = { 101, 202, 303 };
	static final int DIMENSION = 1 << 17;
	private static final PrintStream out = System.out;

	record View(int[][] index, float[][] value) {
	}

	final int n;
	List<TrainModels.Labeled> train;
	final int[] label;
	final View plain, dutch, words, stems;
	final int[][] fold = new int[FOLD_SEEDS.length][];
	/** Out-of-fold probabilities per model: [repeat][example][class]. */
	final Map<String, float[][][]> oof = new LinkedHashMap<>();

	DutchSentimentExperiments(List<TrainModels.Labeled> train, Lexicon lexicon, DutchEconomy economy) {
		n = train.size();
		label = new int[n];
		List<String> names = List.of(TrainModels.SENTIMENT);
		for (int i = 0; i < n; i++) {
			label[i] = names.indexOf(train.get(i).label());
		}
		plain = view(train, new Features(DIMENSION, Features.Options.plain(true)), lexicon);
		dutch = view(train, new Features(DIMENSION, Features.Options.dutch(economy)), lexicon);
		words = wordView(train);
		stems = stemView(train, economy);
		for (int r = 0; r < FOLD_SEEDS.length; r++) {
			int[] order = new int[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			Random random = new Random(FOLD_SEEDS[r]);
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			fold[r] = new int[n];
			for (int p = 0; p < n; p++) {
				fold[r][order[p]] = p % FOLDS;
			}
		}
	}

	static View view(List<TrainModels.Labeled> data, Features features, Lexicon lexicon) {
		Tokens tokens = new Tokens();
		FeatureVector v = new FeatureVector();
		int[][] index = new int[data.size()][];
		float[][] value = new float[data.size()][];
		for (int i = 0; i < data.size(); i++) {
			tokens.tokenize(data.get(i).text());
			features.extract(tokens, lexicon, v);
			index[i] = v.indexCopy();
			value[i] = v.valueCopy();
		}
		return new View(index, value);
	}

	/** Word unigrams and bigrams only, by presence (for naive Bayes). */
	static View wordView(List<TrainModels.Labeled> data) {
		Tokens t = new Tokens();
		int[][] index = new int[data.size()][];
		float[][] value = new float[data.size()][];
		int mask = DIMENSION - 1;
		for (int i = 0; i < data.size(); i++) {
			t.tokenize(data.get(i).text());
			int[] idx = new int[2 * t.size + 1];
			int m = 0;
			long prev = 0x5eedL;
			for (int k = 0; k < t.size; k++) {
				idx[m++] = (int) Hashing.mix(t.hash[k]) & mask;
				idx[m++] = (int) Hashing.combine(prev, t.hash[k]) & mask;
				prev = t.hash[k];
			}
			idx = Arrays.stream(idx, 0, m).distinct().toArray();
			index[i] = idx;
			value[i] = new float[idx.length];
			Arrays.fill(value[i], 1f);
		}
		return new View(index, value);
	}

	/** Word unigrams, bigrams, Snowball stems and stem bigrams, by presence (for naive Bayes). */
	static View stemView(List<TrainModels.Labeled> data, DutchEconomy economy) {
		Tokens t = new Tokens();
		int[][] index = new int[data.size()][];
		float[][] value = new float[data.size()][];
		int mask = DIMENSION - 1;
		for (int i = 0; i < data.size(); i++) {
			t.tokenize(data.get(i).text());
			DutchEconomy.Analysis a = economy.analyse(t);
			int[] idx = new int[4 * t.size + 1];
			int m = 0;
			long prev = 0x5eedL, prevStem = 0x5eedL;
			for (int k = 0; k < t.size; k++) {
				idx[m++] = (int) Hashing.mix(t.hash[k]) & mask;
				idx[m++] = (int) Hashing.combine(prev, t.hash[k]) & mask;
				idx[m++] = (int) Hashing.combine(a.stem[k], 0x51L) & mask;
				idx[m++] = (int) Hashing.combine(Hashing.combine(prevStem, a.stem[k]), 0x52L) & mask;
				prev = t.hash[k];
				prevStem = a.stem[k];
			}
			idx = Arrays.stream(idx, 0, m).distinct().toArray();
			index[i] = idx;
			value[i] = new float[idx.length];
			Arrays.fill(value[i], 1f);
		}
		return new View(index, value);
	}

	/** Character 2–5-grams of the whole lower-cased headline, across word boundaries, by presence. */
	static View charView(List<TrainModels.Labeled> data) {
		int[][] index = new int[data.size()][];
		float[][] value = new float[data.size()][];
		int mask = DIMENSION - 1;
		for (int i = 0; i < data.size(); i++) {
			String text = " " + data.get(i).text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim() + " ";
			List<Integer> idx = new ArrayList<>();
			for (int len = 2; len <= 5; len++) {
				for (int from = 0; from + len <= text.length(); from++) {
					idx.add((int) Hashing.combine(Hashing.hash(text, from, from + len), 0x60L + len) & mask);
				}
			}
			index[i] = idx.stream().mapToInt(Integer::intValue).distinct().toArray();
			value[i] = new float[index[i].length];
			Arrays.fill(value[i], 1f);
		}
		return new View(index, value);
	}

	/** Every feature of a view by presence (for naive Bayes over the linear model's own features). */
	static View presence(View v) {
		int[][] index = new int[v.index().length][];
		float[][] value = new float[index.length][];
		for (int i = 0; i < index.length; i++) {
			index[i] = Arrays.stream(v.index()[i]).distinct().toArray();
			value[i] = new float[index[i].length];
			Arrays.fill(value[i], 1f);
		}
		return new View(index, value);
	}

	interface Model {
		/** Trains on {@code fit} and writes class probabilities of every example of {@code test} into {@code out}. */
		void run(int[] fit, int[] test, float[][] out);
	}

	void crossValidate(String name, Model model) {
		long started = System.nanoTime();
		float[][][] probs = new float[FOLD_SEEDS.length][n][];
		for (int r = 0; r < FOLD_SEEDS.length; r++) {
			for (int f = 0; f < FOLDS; f++) {
				int[] fit = members(r, f, false), test = members(r, f, true);
				float[][] p = new float[test.length][CLASSES];
				model.run(fit, test, p);
				for (int j = 0; j < test.length; j++) {
					probs[r][test[j]] = p[j];
				}
			}
		}
		oof.put(name, probs);
		report(name, probs, (System.nanoTime() - started) / 1e9);
	}

	int[] members(int r, int f, boolean inFold) {
		return java.util.stream.IntStream.range(0, n).filter(i -> (fold[r][i] == f) == inFold).toArray();
	}

	void report(String name, float[][][] probs, double seconds) {
		Metrics pooled = new Metrics(TrainModels.SENTIMENT);
		StringBuilder folds = new StringBuilder();
		for (int r = 0; r < FOLD_SEEDS.length; r++) {
			int[] right = new int[FOLDS], count = new int[FOLDS];
			for (int i = 0; i < n; i++) {
				int p = LinearModel.argmax(probs[r][i]);
				pooled.add(TrainModels.SENTIMENT[label[i]], TrainModels.SENTIMENT[p]);
				count[fold[r][i]]++;
				right[fold[r][i]] += p == label[i] ? 1 : 0;
			}
			folds.append(r == 0 ? "" : " |");
			for (int f = 0; f < FOLDS; f++) {
				folds.append(String.format(Locale.ROOT, " %.3f", (double) right[f] / count[f]));
			}
		}
		out.printf(Locale.ROOT, "%-44s acc %.4f  macro-recall %.4f  folds%s  (%.0f s)%n", name, pooled.accuracy(),
				pooled.macroRecall(), folds, seconds);
	}

	/** Weighted average of the probabilities of models already cross-validated (weights need not sum to 1). */
	void average(String name, double[] weights, String... models) {
		float[][][] probs = new float[FOLD_SEEDS.length][n][CLASSES];
		for (int m = 0; m < models.length; m++) {
			float[][][] p = oof.get(models[m]);
			for (int r = 0; r < probs.length; r++) {
				for (int i = 0; i < n; i++) {
					for (int k = 0; k < CLASSES; k++) {
						probs[r][i][k] += (float) weights[m] * p[r][i][k];
					}
				}
			}
		}
		oof.put(name, probs);
		report(name, probs, 0);
	}

	// ---- linear models (the shipped trainer) ----

	List<Trainer.Example> examples(View v, int[] rows) {
		List<Trainer.Example> list = new ArrayList<>(rows.length);
		for (int i : rows) {
			list.add(new Trainer.Example(v.index()[i], v.value()[i], label[i]));
		}
		return list;
	}

	static void predict(LinearModel m, int[] index, float[] value, float[] out) {
		int c = m.classes();
		for (int k = 0; k < c; k++) {
			out[k] = m.bias[k];
		}
		for (int i = 0; i < index.length; i++) {
			int base = index[i] * c;
			for (int k = 0; k < c; k++) {
				out[k] += m.weights[base + k] * value[i];
			}
		}
		LinearModel.softmax(out, c);
	}

	/**
	 * Logistic regression as {@link TrainModels#fit} trains it: {@code members} seeds whose weights are averaged,
	 * optional NB scaling and neutral offset.
	 */
	Model linear(View v, int epochs, int members, float nb, float neutral, double classWeightPower) {
		return (fit, test, out) -> {
			LinearModel m = trainLinear(examples(v, fit), epochs, members, nb, neutral, classWeightPower, 17);
			for (int j = 0; j < test.length; j++) {
				predict(m, v.index()[test[j]], v.value()[test[j]], out[j]);
			}
		};
	}

	static LinearModel trainLinear(List<Trainer.Example> ex, int epochs, int members, float nb, float neutral,
			double classWeightPower, long seed) {
		float[] cw = Trainer.classWeights(ex, CLASSES, classWeightPower);
		float[] scale = nb > 0 ? Trainer.naiveBayesScale(ex, CLASSES, DIMENSION, 1f, nb) : null;
		LinearModel sum = null;
		for (int s = 0; s < members; s++) {
			LinearModel next = Trainer.train(ex, TrainModels.SENTIMENT, cw,
					new Trainer.Settings(DIMENSION, epochs, 0.01f, 1e-5f, seed + s), scale);
			if (sum == null) {
				sum = next;
				continue;
			}
			for (int i = 0; i < sum.weights.length; i++) {
				sum.weights[i] += next.weights[i];
			}
			for (int k = 0; k < CLASSES; k++) {
				sum.bias[k] += next.bias[k];
			}
		}
		for (int i = 0; i < sum.weights.length; i++) {
			sum.weights[i] /= members;
		}
		for (int k = 0; k < CLASSES; k++) {
			sum.bias[k] /= members;
		}
		sum.bias[1] += neutral;
		return sum;
	}

	/** Bagging: {@code bags} single-seed models on bootstrap samples of the training folds, probabilities averaged. */
	Model bagged(View v, int epochs, int bags, float nb, float neutral) {
		return (fit, test, out) -> {
			Random random = new Random(4242 + fit.length);
			float[] p = new float[CLASSES];
			for (int b = 0; b < bags; b++) {
				int[] sample = new int[fit.length];
				for (int i = 0; i < sample.length; i++) {
					sample[i] = fit[random.nextInt(fit.length)];
				}
				LinearModel m = trainLinear(examples(v, sample), epochs, 1, nb, neutral, 1.0, 17 + b);
				for (int j = 0; j < test.length; j++) {
					predict(m, v.index()[test[j]], v.value()[test[j]], p);
					for (int k = 0; k < CLASSES; k++) {
						out[j][k] += p[k] / bags;
					}
				}
			}
		};
	}

	/** The model trained on the first {@code share} of the training rows in a fixed shuffled order. */
	static Model subsample(Model model, double share) {
		return (fit, test, out) -> {
			int[] rows = fit.clone();
			Random random = new Random(99);
			for (int i = rows.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = rows[i];
				rows[i] = rows[j];
				rows[j] = t;
			}
			model.run(Arrays.copyOf(rows, (int) Math.round(rows.length * share)), test, out);
		};
	}

	// ---- naive Bayes on word unigrams and bigrams ----

	/** Multinomial (complement = false) or complement naive Bayes; probabilities softmax(log-likelihood / temperature). */
	Model naiveBayes(View v, float alpha, boolean complement, float temperature) {
		return (fit, test, out) -> {
			double[] count = new double[DIMENSION * CLASSES];
			double[] total = new double[CLASSES];
			int[] docs = new int[CLASSES];
			for (int i : fit) {
				docs[label[i]]++;
				for (int b : v.index()[i]) {
					count[b * CLASSES + label[i]]++;
					total[label[i]]++;
				}
			}
			double all = total[0] + total[1] + total[2];
			for (int j = 0; j < test.length; j++) {
				float[] s = out[j];
				for (int k = 0; k < CLASSES; k++) {
					s[k] = complement ? 0 : (float) Math.log((double) docs[k] / fit.length);
				}
				for (int b : v.index()[test[j]]) {
					double rowSum = count[b * CLASSES] + count[b * CLASSES + 1] + count[b * CLASSES + 2];
					for (int k = 0; k < CLASSES; k++) {
						double c = count[b * CLASSES + k];
						if (complement) {
							s[k] -= (float) Math.log((rowSum - c + alpha) / (all - total[k] + alpha * DIMENSION));
						}
						else {
							s[k] += (float) Math.log((c + alpha) / (total[k] + alpha * DIMENSION));
						}
					}
				}
				for (int k = 0; k < CLASSES; k++) {
					s[k] /= temperature;
				}
				LinearModel.softmax(s, CLASSES);
			}
		};
	}

	// ---- fastText-style: averaged learned embeddings of the hashed features, softmax on top ----

	Model fastText(View v, int dim, int epochs, float lr, long seed) {
		return (fit, test, out) -> {
			FastText m = FastText.train(v, label, fit, DIMENSION, dim, epochs, lr, seed);
			for (int j = 0; j < test.length; j++) {
				m.predict(v.index()[test[j]], v.value()[test[j]], out[j]);
			}
		};
	}

	static final class FastText {
		final int dim;
		final float[] embedding, output, bias;
		final float[] hidden;

		FastText(int buckets, int dim, long seed) {
			this.dim = dim;
			embedding = new float[buckets * dim];
			output = new float[CLASSES * dim];
			bias = new float[CLASSES];
			hidden = new float[dim];
			Random random = new Random(seed);
			for (int i = 0; i < embedding.length; i++) {
				embedding[i] = (random.nextFloat() * 2 - 1) / dim;
			}
		}

		void hidden(int[] index, float[] value) {
			Arrays.fill(hidden, 0);
			float norm = 0;
			for (int i = 0; i < index.length; i++) {
				int base = index[i] * dim;
				float x = value[i];
				norm += Math.abs(x);
				for (int d = 0; d < dim; d++) {
					hidden[d] += embedding[base + d] * x;
				}
			}
			if (norm > 0) {
				for (int d = 0; d < dim; d++) {
					hidden[d] /= norm;
				}
			}
		}

		void predict(int[] index, float[] value, float[] p) {
			hidden(index, value);
			for (int k = 0; k < CLASSES; k++) {
				float s = bias[k];
				for (int d = 0; d < dim; d++) {
					s += output[k * dim + d] * hidden[d];
				}
				p[k] = s;
			}
			LinearModel.softmax(p, CLASSES);
		}

		static FastText train(View v, int[] label, int[] rows, int buckets, int dim, int epochs, float lr0, long seed) {
			FastText m = new FastText(buckets, dim, seed);
			Random random = new Random(seed);
			int[] order = rows.clone();
			float[] p = new float[CLASSES], grad = new float[dim];
			long steps = (long) epochs * order.length, step = 0;
			for (int e = 0; e < epochs; e++) {
				for (int i = order.length - 1; i > 0; i--) {
					int j = random.nextInt(i + 1);
					int t = order[i];
					order[i] = order[j];
					order[j] = t;
				}
				for (int row : order) {
					float lr = lr0 * (1 - (float) step++ / steps);
					int[] index = v.index()[row];
					float[] value = v.value()[row];
					m.predict(index, value, p);
					Arrays.fill(grad, 0);
					for (int k = 0; k < CLASSES; k++) {
						float g = (k == label[row] ? 1f : 0f) - p[k];
						for (int d = 0; d < dim; d++) {
							grad[d] += g * m.output[k * dim + d];
							m.output[k * dim + d] += lr * g * m.hidden[d];
						}
						m.bias[k] += lr * g;
					}
					float norm = 0;
					for (float x : value) {
						norm += Math.abs(x);
					}
					if (norm == 0) {
						continue;
					}
					for (int i = 0; i < index.length; i++) {
						int base = index[i] * dim;
						float f = lr * value[i] / norm;
						for (int d = 0; d < dim; d++) {
							m.embedding[base + d] += f * grad[d];
						}
					}
				}
			}
			return m;
		}
	}

	// ---- stacking: a small multinomial logistic combiner on the log-probabilities of base models ----

	/**
	 * For each fold, the combiner is fitted on the out-of-fold probabilities of the other four folds of the same
	 * repeat and applied to this fold. (The base models that produced those probabilities saw this fold's labels, so
	 * the combiner's inputs are not fully nested; with 3 × models + 1 parameters per class the effect is small.)
	 */
	void stack(String name, String... models) {
		float[][][] probs = new float[FOLD_SEEDS.length][n][CLASSES];
		int d = models.length * CLASSES + 1;
		for (int r = 0; r < FOLD_SEEDS.length; r++) {
			float[][] raw = new float[n][d];
			for (int i = 0; i < n; i++) {
				for (int m = 0; m < models.length; m++) {
					for (int k = 0; k < CLASSES; k++) {
						raw[i][m * CLASSES + k] = (float) Math.log(Math.max(1e-3, oof.get(models[m])[r][i][k]));
					}
				}
			}
			for (int f = 0; f < FOLDS; f++) {
				int[] fit = members(r, f, false), test = members(r, f, true);
				// standardised on the fitting rows, then full-batch gradient descent with a small L2 (convex, few
				// parameters)
				double[] mean = new double[d - 1], sd = new double[d - 1];
				for (int j = 0; j < d - 1; j++) {
					for (int i : fit) {
						mean[j] += raw[i][j] / fit.length;
					}
					for (int i : fit) {
						sd[j] += (raw[i][j] - mean[j]) * (raw[i][j] - mean[j]) / fit.length;
					}
					sd[j] = Math.sqrt(sd[j]) + 1e-6;
				}
				float[][] x = new float[n][d];
				for (int i = 0; i < n; i++) {
					for (int j = 0; j < d - 1; j++) {
						x[i][j] = (float) ((raw[i][j] - mean[j]) / sd[j]);
					}
					x[i][d - 1] = 1;
				}
				float[][] w = new float[CLASSES][d];
				float[] p = new float[CLASSES];
				for (int it = 0; it < 500; it++) {
					float[][] g = new float[CLASSES][d];
					for (int i : fit) {
						score(w, x[i], p);
						for (int k = 0; k < CLASSES; k++) {
							float e = p[k] - (k == label[i] ? 1 : 0);
							for (int j = 0; j < d; j++) {
								g[k][j] += e * x[i][j];
							}
						}
					}
					for (int k = 0; k < CLASSES; k++) {
						for (int j = 0; j < d; j++) {
							w[k][j] -= 0.3f * (g[k][j] / fit.length + 1e-3f * w[k][j]);
						}
					}
				}
				for (int i : test) {
					score(w, x[i], probs[r][i]);
				}
			}
		}
		oof.put(name, probs);
		report(name, probs, 0);
	}

	static void score(float[][] w, float[] x, float[] p) {
		for (int k = 0; k < CLASSES; k++) {
			float s = 0;
			for (int j = 0; j < x.length; j++) {
				s += w[k][j] * x[j];
			}
			p[k] = s;
		}
		LinearModel.softmax(p, CLASSES);
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data").toAbsolutePath().normalize();
		Path file = data.resolve("ecosent-nl-news-headlines/train.tsv");
		List<TrainModels.Labeled> all = TrainModels.read(file, "headline", "label_name");
		List<String> ids = TrainModels.column(file, "id");
		List<TrainModels.Labeled> train = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (!TrainModels.isHeldOut(ids.get(i))) {
				train.add(all.get(i));
			}
		}
		if (!Files.exists(file) || train.size() != 5534) {
			throw new IllegalStateException("Expected 5,534 training headlines in " + file + ", found " + train.size());
		}
		DutchSentimentExperiments x = new DutchSentimentExperiments(train, Lexicon.dutch(TrainModels.dutchLexicon(data)),
				DutchEconomy.load());
		String plan = args.length > 1 ? args[1] : "base";
		out.printf(Locale.ROOT, "%d training headlines, %d folds x %d fold seeds %s, plan %s%n", x.n, FOLDS,
				FOLD_SEEDS.length, Arrays.toString(FOLD_SEEDS), plan);
		x.train = train;
		x.run(plan);
	}

	void run(String plan) {
		crossValidate("shipped (plain, 8 ep, 5 seeds)", linear(plain, 8, 5, 0, 0, 1.0));
		crossValidate("third (dutch, NB .5, 16 ep, 5 seeds, +0.2)", linear(dutch, 16, 5, 0.5f, 0.2f, 1.0));
		average("avg shipped + third", new double[] { 0.5, 0.5 }, "shipped (plain, 8 ep, 5 seeds)",
				"third (dutch, NB .5, 16 ep, 5 seeds, +0.2)");
		if (plan.contains("lc")) {
			// learning curve: each fold's training part cut to a fixed share (same rows for every model)
			for (double share : new double[] { 0.25, 0.5, 0.75 }) {
				crossValidate("shipped on " + share + " of the training folds",
						subsample(linear(plain, 8, 5, 0, 0, 1.0), share));
				crossValidate("third on " + share + " of the training folds",
						subsample(linear(dutch, 16, 5, 0.5f, 0.2f, 1.0), share));
			}
		}
		if (plan.contains("s6")) {
			crossValidate("MNB words alpha 0.3", naiveBayes(words, 0.3f, false, 1f));
			for (double cw : new double[] { 0.5, 0 }) {
				String name = "third, class weights " + cw;
				crossValidate(name, linear(dutch, 16, 5, 0.5f, 0.2f, cw));
				stack("stack " + name + " + MNB words", name, "MNB words alpha 0.3");
			}
		}
		if (plan.contains("s5")) {
			String third = "third (dutch, NB .5, 16 ep, 5 seeds, +0.2)";
			View chars = charView(train);
			crossValidate("MNB words alpha 0.3", naiveBayes(words, 0.3f, false, 1f));
			crossValidate("LR chars 2-5 (8 ep, 5 seeds)", linear(chars, 8, 5, 0, 0, 1.0));
			crossValidate("LR chars 2-5 NB .5 (8 ep, 5 seeds)", linear(chars, 8, 5, 0.5f, 0, 1.0));
			crossValidate("MNB chars alpha 0.3", naiveBayes(chars, 0.3f, false, 1f));
			stack("stack third + LR chars", third, "LR chars 2-5 (8 ep, 5 seeds)");
			stack("stack third + LR chars NB", third, "LR chars 2-5 NB .5 (8 ep, 5 seeds)");
			stack("stack third + MNB words + LR chars", third, "MNB words alpha 0.3", "LR chars 2-5 (8 ep, 5 seeds)");
			stack("stack third + MNB words + LR chars NB", third, "MNB words alpha 0.3",
					"LR chars 2-5 NB .5 (8 ep, 5 seeds)");
			stack("stack third + MNB words + MNB chars", third, "MNB words alpha 0.3", "MNB chars alpha 0.3");
		}
		if (plan.contains("s4")) {
			String third = "third (dutch, NB .5, 16 ep, 5 seeds, +0.2)";
			for (float alpha : new float[] { 0.2f, 0.3f, 0.5f }) {
				crossValidate("MNB words alpha " + alpha, naiveBayes(words, alpha, false, 1f));
				crossValidate("MNB words+stems alpha " + alpha, naiveBayes(stems, alpha, false, 1f));
				crossValidate("MNB dutch-view presence alpha " + alpha, naiveBayes(presence(dutch), alpha, false, 1f));
				stack("stack third + MNB words " + alpha, third, "MNB words alpha " + alpha);
				stack("stack third + MNB words+stems " + alpha, third, "MNB words+stems alpha " + alpha);
				stack("stack third + MNB dutch-view " + alpha, third, "MNB dutch-view presence alpha " + alpha);
			}
			stack("stack third + MNB words .3 + MNB words+stems .3", third, "MNB words alpha 0.3",
					"MNB words+stems alpha 0.3");
		}
		if (plan.contains("s3")) {
			String third = "third (dutch, NB .5, 16 ep, 5 seeds, +0.2)", shipped = "shipped (plain, 8 ep, 5 seeds)";
			crossValidate("MNB words alpha 0.3", naiveBayes(words, 0.3f, false, 1f));
			crossValidate("fastText dutch d20 ep30 lr0.2", fastText(dutch, 20, 30, 0.2f, 7));
			stack("stack shipped + third", shipped, third);
			stack("stack third + MNB", third, "MNB words alpha 0.3");
			stack("stack shipped + third + MNB", shipped, third, "MNB words alpha 0.3");
			stack("stack third + fastText", third, "fastText dutch d20 ep30 lr0.2");
			stack("stack shipped + third + MNB + fastText", shipped, third, "MNB words alpha 0.3",
					"fastText dutch d20 ep30 lr0.2");
			for (double w : new double[] { 0.2, 0.35, 0.5 }) {
				average("avg third + fastText " + w, new double[] { 1 - w, w }, third, "fastText dutch d20 ep30 lr0.2");
				average("avg third + MNB " + w, new double[] { 1 - w, w }, third, "MNB words alpha 0.3");
			}
		}
		if (plan.contains("s2")) {
			crossValidate("MNB words alpha 0.3", naiveBayes(words, 0.3f, false, 1f));
			stack("stack shipped + third", "shipped (plain, 8 ep, 5 seeds)", "third (dutch, NB .5, 16 ep, 5 seeds, +0.2)");
			stack("stack third + MNB", "third (dutch, NB .5, 16 ep, 5 seeds, +0.2)", "MNB words alpha 0.3");
			stack("stack shipped + third + MNB", "shipped (plain, 8 ep, 5 seeds)",
					"third (dutch, NB .5, 16 ep, 5 seeds, +0.2)", "MNB words alpha 0.3");
			for (float lr : new float[] { 0.2f, 0.5f }) {
				for (int epochs : new int[] { 30, 60 }) {
					crossValidate("fastText plain d20 ep" + epochs + " lr" + lr, fastText(plain, 20, epochs, lr, 7));
					crossValidate("fastText dutch d20 ep" + epochs + " lr" + lr, fastText(dutch, 20, epochs, lr, 7));
				}
			}
		}
		if (plan.contains("bag")) {
			crossValidate("bag plain 10", bagged(plain, 8, 10, 0, 0));
			crossValidate("bag third 10", bagged(dutch, 16, 10, 0.5f, 0.2f));
			average("avg bag plain + bag third", new double[] { 0.5, 0.5 }, "bag plain 10", "bag third 10");
		}
		if (plan.contains("nb")) {
			for (float alpha : new float[] { 0.1f, 0.3f, 1f }) {
				crossValidate("MNB words alpha " + alpha, naiveBayes(words, alpha, false, 1f));
				crossValidate("CNB words alpha " + alpha, naiveBayes(words, alpha, true, 1f));
			}
		}
		if (plan.contains("ft")) {
			for (int dim : new int[] { 20, 50 }) {
				for (int epochs : new int[] { 5, 15 }) {
					crossValidate("fastText plain d" + dim + " ep" + epochs,
							fastText(plain, dim, epochs, 0.2f, 7));
				}
			}
		}
	}
}
