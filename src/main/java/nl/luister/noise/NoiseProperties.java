package nl.luister.noise;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How near-identical mentions are grouped.
 *
 * @param duplicates     whether the pipeline groups near-duplicates at all (default on)
 * @param duplicateWindow a mention joins a group whose mentions lie within this window of its own time (default 48h)
 * @param maxDistance    at most this many of the 64 SimHash bits may differ (0 to 5; default 5)
 * @param minWords       texts with fewer words are never grouped: too little to tell a copy from a coincidence
 *                       (default 6)
 */
@ConfigurationProperties("luister.noise")
public record NoiseProperties(@DefaultValue("true") boolean duplicates, @DefaultValue("48h") Duration duplicateWindow,
		@DefaultValue("5") int maxDistance, @DefaultValue("6") int minWords) {

	public NoiseProperties {
		if (maxDistance < 0 || maxDistance >= TextFingerprint.BANDS) {
			throw new IllegalArgumentException("luister.noise.max-distance must lie between 0 and " + (TextFingerprint.BANDS - 1)
					+ " (the band index finds nothing further apart), not " + maxDistance);
		}
	}
}
