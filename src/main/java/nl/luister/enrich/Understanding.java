package nl.luister.enrich;

/**
 * What {@link MessageUnderstanding} makes of one message. Confidences are in [0, 1]; a flag is set when its
 * confidence reaches one half. The intents are independent: a message can be a complaint and a question.
 *
 * @param language            ISO 639-1 code of a configured language, or {@code und} (undetermined)
 * @param languageConfidence  how sure the language is
 * @param sentiment           never null; {@link Sentiment#NEUTRAL} with low confidence when there is nothing to judge
 * @param sentimentConfidence probability of the chosen sentiment
 */
public record Understanding(String language, double languageConfidence, Sentiment sentiment, double sentimentConfidence,
		boolean complaint, double complaintConfidence, boolean question, double questionConfidence, boolean praise,
		double praiseConfidence, boolean request, double requestConfidence) {

	/** The answer for text with nothing to understand (empty, only symbols, or an internal failure). */
	public static Understanding undetermined() {
		return new Understanding(LanguageIdentifier.UNDETERMINED, 0, Sentiment.NEUTRAL, 0, false, 0, false, 0, false, 0,
				false, 0);
	}
}
