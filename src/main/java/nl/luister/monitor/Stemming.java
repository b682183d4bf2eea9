package nl.luister.monitor;

import java.util.Locale;

/**
 * Whether a topic's words match other forms of the same word ({@code bezorgen} finds {@code bezorgd}), per
 * topic. Uses Lucene's Snowball stemmers; wildcard words are never stemmed.
 */
public enum Stemming {

	NONE, DUTCH, ENGLISH;

	/** The key stored in the database and used in JSON and forms: {@code none}, {@code dutch}, {@code english}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a key case-insensitively; {@code null} or blank is {@link #NONE}.
	 * @throws IllegalArgumentException for an unknown key, naming the allowed ones
	 */
	public static Stemming parse(String key) {
		if (key == null || key.isBlank()) {
			return NONE;
		}
		for (Stemming stemming : values()) {
			if (stemming.key().equalsIgnoreCase(key.strip())) {
				return stemming;
			}
		}
		throw new IllegalArgumentException("unknown stemming '" + key + "': use none, dutch or english");
	}

}
