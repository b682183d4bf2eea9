package nl.luister.enrich;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Understands one message: its language, sentiment and intents (complaint, question, praise, request), each with a
 * confidence. Sentiment comes from Luister's own linear models (English trained on TweetEval, Dutch on Dutch news
 * headlines); complaints from a model trained on English complaint tweets, and for Dutch from a lexicon and rules;
 * questions, requests and praise from rules on top of the sentiment.
 * <p>
 * Created once (loads about 10 MB of models, well under a second; Lingua's language models load on first use) and
 * thread-safe: each thread reuses its own buffers, so a call allocates little. Never throws: null, empty, symbol-only,
 * huge or malformed text yields {@link Understanding#undetermined()} or a low-confidence answer. Only the first
 * {@value Tokens#MAX_CHARS} characters of a text are read.
 */
@Service
public class MessageUnderstanding {

	private static final Logger log = LoggerFactory.getLogger(MessageUnderstanding.class);
	private static final String RESOURCES = "/nl/luister/enrich/";

	private final LanguageIdentifier languages;
	private final TextClassifier englishSentiment;
	private final TextClassifier dutchSentiment;
	private final TextClassifier englishComplaint;
	private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

	private static final class Scratch {
		final Tokens tokens = new Tokens();
		final FeatureVector vector = new FeatureVector();
		final float[] sentiment = new float[3];
		final float[] complaint = new float[2];
	}

	MessageUnderstanding(EnrichProperties properties) {
		this.languages = new LanguageIdentifier(properties.languages(), properties.languageMinimumDistance(),
				properties.languageFastPath());
		this.englishSentiment = TextClassifier.load(RESOURCES + "sentiment-en.model.gz", "en",
				RESOURCES + "lexicon-en.tsv.gz", true);
		this.dutchSentiment = TextClassifier.load(RESOURCES + "sentiment-nl.model.gz", "nl",
				RESOURCES + "lexicon-nl.tsv.gz", true);
		this.englishComplaint = new TextClassifier(LinearModel.read(RESOURCES + "complaint-en.model.gz"),
				englishSentiment.lexicon(), true);
		if (!englishComplaint.canReuse(englishSentiment)) {
			throw new IllegalStateException("The complaint model needs features the English sentiment model does not "
					+ "extract (different lexicon, feature kinds or a larger dimension)");
		}
	}

	/** With the default settings (nl, en, de, fr, es); for command-line tools that run without Spring. */
	public static MessageUnderstanding withDefaults() {
		return new MessageUnderstanding(EnrichProperties.defaults());
	}

	public LanguageIdentifier languages() {
		return languages;
	}

	public Understanding understand(String text) {
		return understand(text, null);
	}

	/**
	 * @param text         the message, may be null or anything at all
	 * @param languageHint the author's or thread's language (ISO 639-1) or null; breaks close calls
	 */
	public Understanding understand(String text, String languageHint) {
		if (text == null || text.isBlank()) {
			return Understanding.undetermined();
		}
		try {
			return analyse(text, languageHint);
		}
		catch (RuntimeException e) {
			log.warn("Could not understand a message of {} characters; answering undetermined", text.length(), e);
			return Understanding.undetermined();
		}
	}

	private Understanding analyse(String text, String hint) {
		Scratch s = scratch.get();
		Tokens t = s.tokens;
		t.tokenize(text);
		LanguageIdentifier.Result language = languages.identify(t, hint);
		boolean dutch = "nl".equals(language.language())
				|| (LanguageIdentifier.UNDETERMINED.equals(language.language()) && "nl".equals(hint));
		boolean known = dutch || "en".equals(language.language());
		int signals = t.words;
		for (int k = 0; k < t.size; k++) {
			if (t.type[k] == Tokens.EMOJI || t.type[k] == Tokens.EMOTICON) {
				signals++;
			}
		}
		if (signals == 0) {
			return new Understanding(language.language(), language.confidence(), Sentiment.NEUTRAL, 0.34, false, 0,
					false, 0, false, 0, false, 0);
		}
		float[] p = s.sentiment;
		float polarity = (dutch ? dutchSentiment : englishSentiment).classify(t, s.vector, p);
		int best = LinearModel.argmax(p);
		double damp = (known ? 1.0 : 0.6) * (t.words == 0 ? 0.8 : 1.0);
		Sentiment sentiment = Sentiment.of(best);
		double negative = p[0], positive = p[2];

		double complaint;
		if (dutch) {
			complaint = 1 - Math.exp(-(IntentRules.dutchComplaintCues(t) + 1.5 * Math.max(0, negative - 0.3)));
		}
		else {
			// the vector still holds the English sentiment features of this text: the complaint model shares them
			englishComplaint.classifyExtracted(s.vector, s.complaint);
			complaint = s.complaint[1] * (known ? 1.0 : 0.7);
		}
		boolean praiseWord = IntentRules.hasPraiseWord(t);
		if (dutch) {
			// The Dutch model learnt from news headlines and has seen few customer messages: where it is unsure, a
			// clear complaint, a thank-you or a clear lexicon polarity decides.
			int override = -1;
			if (complaint >= 0.5 && sentiment != Sentiment.NEGATIVE && p[best] < 0.6) {
				override = 0;
			}
			else if (complaint < 0.5 && praiseWord && sentiment == Sentiment.NEUTRAL) {
				override = 2;
			}
			else if (p[best] < 0.5 && Math.abs(polarity) >= 0.3) {
				override = polarity > 0 ? 2 : 0;
			}
			if (override >= 0 && override != best) {
				p[override] = Math.max(p[override], 0.5f);
				best = override;
				sentiment = Sentiment.of(best);
				negative = p[0];
				positive = p[2];
			}
		}
		double question = IntentRules.question(t);
		double praise = praiseWord && complaint < 0.5 ? 0.5 + 0.45 * positive - 0.4 * negative : positive * 0.7;
		if (sentiment != Sentiment.POSITIVE) {
			praise = Math.min(praise, 0.45);
		}
		double request = IntentRules.request(t);
		return new Understanding(language.language(), language.confidence(), sentiment, p[best] * damp,
				complaint >= 0.5, complaint, question >= 0.5, question, praise >= 0.5, praise, request >= 0.5, request);
	}

	/** Sentiment only, for benchmarks: the model is picked by the given language (nl or else English). */
	Sentiment sentiment(String text, String language) {
		Scratch s = scratch.get();
		s.tokens.tokenize(text);
		("nl".equals(language) ? dutchSentiment : englishSentiment).classify(s.tokens, s.vector, s.sentiment);
		return Sentiment.of(LinearModel.argmax(s.sentiment));
	}

	/** Complaint probability from the English model (any language), for evaluation and benchmarks. */
	double englishComplaint(String text) {
		Scratch s = scratch.get();
		s.tokens.tokenize(text);
		englishComplaint.classify(s.tokens, s.vector, s.complaint);
		return s.complaint[1];
	}
}
