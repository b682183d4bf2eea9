package nl.luister.enrich;

/**
 * One trained linear model with the lexicon and feature settings it was trained with. Thread-safe: each thread gets
 * its own tokenizer and feature buffer, so {@link #classify} allocates nothing after a thread's first call.
 */
final class TextClassifier {

	private final LinearModel model;
	private final Lexicon lexicon;
	private final Features features;
	private final ThreadLocal<Scratch> scratch;

	static final class Scratch {
		final Tokens tokens = new Tokens();
		final FeatureVector vector = new FeatureVector();
	}

	TextClassifier(LinearModel model, Lexicon lexicon, boolean charGrams) {
		this.model = model;
		this.lexicon = lexicon;
		this.features = new Features(model.dimension, charGrams);
		this.scratch = ThreadLocal.withInitial(Scratch::new);
	}

	static TextClassifier load(String modelResource, String language, String lexiconResource, boolean charGrams) {
		return new TextClassifier(LinearModel.read(modelResource),
				Lexicon.forLanguage(language, Lexicon.readWords(lexiconResource)), charGrams);
	}

	String[] labels() {
		return model.labels;
	}

	Lexicon lexicon() {
		return lexicon;
	}

	/** Class probabilities of {@code text} in the order of {@link #labels()}, written into {@code out}. */
	void classify(CharSequence text, float[] out) {
		Scratch s = scratch.get();
		s.tokens.tokenize(text);
		classify(s.tokens, s.vector, out);
	}

	/** @return the lexicon polarity of the text, which the model also saw as a feature */
	float classify(Tokens tokens, FeatureVector vector, float[] out) {
		float polarity = features.extract(tokens, lexicon, vector);
		model.predict(vector, out);
		return polarity;
	}

	/**
	 * Classifies features another classifier already extracted into {@code vector}; only right when that one has the
	 * same lexicon and feature settings and a dimension at least this model's (see {@link #canReuse}).
	 */
	void classifyExtracted(FeatureVector vector, float[] out) {
		model.predict(vector, out);
	}

	/** Whether features extracted by {@code other} can be fed to {@link #classifyExtracted} of this classifier. */
	boolean canReuse(TextClassifier other) {
		return other.lexicon == lexicon && other.features.sameSettings(features)
				&& other.model.dimension >= model.dimension;
	}

	void vectorize(Tokens tokens, FeatureVector vector) {
		features.extract(tokens, lexicon, vector);
	}
}
