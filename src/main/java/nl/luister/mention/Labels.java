package nl.luister.mention;

/**
 * What Luister understood of a stored mention: its language, sentiment and intents with their confidences
 * (0–1; an intent holds when its confidence reaches one half). {@code language} is an ISO 639-1 code or
 * {@code und}; {@code sentiment} is NEGATIVE, NEUTRAL or POSITIVE.
 */
public record Labels(String language, String sentiment, double sentimentConfidence, double complaint, double question,
		double praise, double request) {

	public boolean isComplaint() {
		return complaint >= 0.5;
	}

	public boolean isQuestion() {
		return question >= 0.5;
	}

	public boolean isPraise() {
		return praise >= 0.5;
	}

	public boolean isRequest() {
		return request >= 0.5;
	}
}
