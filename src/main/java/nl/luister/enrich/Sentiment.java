package nl.luister.enrich;

import java.util.Locale;

/** The polarity of a message. */
public enum Sentiment {
	NEGATIVE, NEUTRAL, POSITIVE;

	/** The lower-case name used in files and JSON: negative, neutral or positive. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
