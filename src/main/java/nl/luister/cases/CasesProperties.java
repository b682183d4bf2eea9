package nl.luister.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mentions thread into cases.
 *
 * @param joinWindow a new matched mention of the same author on the same channel joins their latest case when
 *                   that case saw activity within this window (default 72 hours)
 */
@ConfigurationProperties("luister.cases")
public record CasesProperties(@DefaultValue("72h") Duration joinWindow) {
}
