package nl.luister.triage;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cases are triaged.
 *
 * @param repeatWindow a person's complaint within this window after an earlier complaint (any channel) escalates
 *                     (default 30 days)
 * @param spreadWindow the window over which a conversation's speed is measured (default 10 minutes)
 * @param vipSegments  CRM segments that raise the severity by one (case-insensitive; default vip, gold, platinum)
 */
@ConfigurationProperties("luister.triage")
public record TriageProperties(@DefaultValue("30d") Duration repeatWindow, @DefaultValue("10m") Duration spreadWindow,
		@DefaultValue({ "vip", "gold", "platinum" }) List<String> vipSegments) {
}
