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
 * @param notifyTo      extra addresses that get the e-mails; admins whose user name is an e-mail address always do
 * @param smtp          the SMTP server notices are sent through; no e-mail is sent when its host is blank
 */
@ConfigurationProperties("luister.health")
public record HealthProperties(@DefaultValue("15m") Duration notifyAfter, @DefaultValue("30s") Duration checkInterval,
		@DefaultValue List<String> notifyTo, @DefaultValue Smtp smtp) {

	public HealthProperties {
		if (notifyAfter.isNegative()) throw new IllegalArgumentException("luister.health.notify-after must not be negative");
		notifyTo = notifyTo == null ? List.of() : notifyTo.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
	}

	/**
	 * @param host     the SMTP server; blank for no e-mail
	 * @param port     its port (default 587)
	 * @param security {@code starttls} (default), {@code tls} or {@code none}
	 * @param username the login, blank for none
	 * @param password its password
	 * @param from     the sender address (default {@code luister@localhost})
	 */
	public record Smtp(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("starttls") String security,
			@DefaultValue("") String username, @DefaultValue("") String password, @DefaultValue("luister@localhost") String from) {

		@Override
		public String toString() {
			return "Smtp[" + host + ":" + port + " (" + security + "), " + username + ", password ****]";
		}
	}
}
