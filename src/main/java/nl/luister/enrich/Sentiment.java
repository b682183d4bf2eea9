package nl.luister.enrich;

import java.util.Locale;

/** The polarity of a message. */
public enum Sentiment {
	NEGATIVE, NEUTRAL, POSITIVE;

	private static final Sentiment[] BY_INDEX = values();

	private final String label = name().toLowerCase(Locale.ROOT);

	/** The lower-case name used in files and JSON: negative, neutral or positive. */
	public String label() {
		return label;
	}

	/** By model class index (0 negative, 1 neutral, 2 positive), without the copy {@code values()} makes. */
	static Sentiment of(int index) {
		return BY_INDEX[index];
	}
}
