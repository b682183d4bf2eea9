package nl.luister.customer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long mentions keep their content ({@code luister.retention.*}).
 *
 * @param maxAge mentions published longer ago than this lose their content; {@code null} (the default) keeps
 *               everything, so nothing is ever removed without someone choosing an age
 * @param mode ANONYMISE (default: the row stays for statistics, text, author and address are removed) or
 *             DELETE (the row goes)
 * @param batchSize mentions per transaction (default 1000), so a first run over years of data never holds
 *                  long locks
 */
@ConfigurationProperties("luister.retention")
public record RetentionProperties(Duration maxAge, @DefaultValue("ANONYMISE") Mode mode, @DefaultValue("1000") int batchSize) {

	/** What happens to an expired mention. */
	public enum Mode {
		ANONYMISE, DELETE
	}

	public RetentionProperties {
		if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) throw new IllegalArgumentException("luister.retention.max-age must be positive");
		if (batchSize < 1) throw new IllegalArgumentException("luister.retention.batch-size must be at least 1");
	}
}
