package nl.luister.enrich;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of message understanding.
 *
 * @param languages               ISO 639-1 codes the language identifier chooses among
 * @param languageMinimumDistance how far Lingua's best language must lead the second (relative, 0–1) to be believed
 *                                without a hint
 * @param languageFastPath        settle clear cases by stop words before asking Lingua
 */
@ConfigurationProperties("luister.enrich")
record EnrichProperties(@DefaultValue({ "nl", "en", "de", "fr", "es" }) List<String> languages,
		@DefaultValue("0.02") double languageMinimumDistance, @DefaultValue("true") boolean languageFastPath) {

	static EnrichProperties defaults() {
		return new EnrichProperties(List.of("nl", "en", "de", "fr", "es"), 0.02, true);
	}
}
