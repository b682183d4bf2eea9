package nl.luister.channel;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and how admins hear about failing sources ({@code luister.health.*}).
 *
 * @param notifyAfter   a source failing for longer than this is reported, once per outage (default 15 minutes)
 * @param checkInterval how often outages are looked for (default 30 seconds)
 * @param notifyTo      extra addresses that get the e-mails; admins whose user name is an e-mail address always do.
 *                      The SMTP server is the one of all notices, {@code luister.notify.mail.*}.
 */
@ConfigurationProperties("luister.health")
public record HealthProperties(@DefaultValue("15m") Duration notifyAfter, @DefaultValue("30s") Duration checkInterval,
		@DefaultValue List<String> notifyTo) {

	public HealthProperties {
		if (notifyAfter.isNegative()) throw new IllegalArgumentException("luister.health.notify-after must not be negative");
		notifyTo = notifyTo == null ? List.of() : notifyTo.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
	}
}
