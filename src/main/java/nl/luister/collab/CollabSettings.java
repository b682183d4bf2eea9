package nl.luister.collab;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code luister.collab.*}; every value has a default, so none is needed.
 *
 * @param presenceExpiry       how long a viewer counts as present after their last heartbeat (default 15 s; the
 *                             page beats every 4 s)
 * @param forwardValidity      how long a forward link opens the case (default 7 days)
 * @param forwardSecret        the secret forward links are signed with; when blank, one is generated once and kept in
 *                             {@code luister.home/forward-link-secret}. Changing it invalidates every link sent.
 * @param forwardsPerCase      at most this many forwards of one case that are still valid (default 10)
 * @param forwardsPerUserPerDay at most this many forwards by one user in 24 hours (default 30)
 */
@ConfigurationProperties("luister.collab")
public record CollabSettings(Duration presenceExpiry, Duration forwardValidity, String forwardSecret, Integer forwardsPerCase,
		Integer forwardsPerUserPerDay) {

	public CollabSettings {
		if (presenceExpiry == null) presenceExpiry = Duration.ofSeconds(15);
		if (forwardValidity == null) forwardValidity = Duration.ofDays(7);
		if (forwardsPerCase == null) forwardsPerCase = 10;
		if (forwardsPerUserPerDay == null) forwardsPerUserPerDay = 30;
		if (presenceExpiry.isNegative() || presenceExpiry.isZero()) throw new IllegalArgumentException("luister.collab.presence-expiry must be positive");
		if (forwardValidity.isNegative() || forwardValidity.isZero()) throw new IllegalArgumentException("luister.collab.forward-validity must be positive");
	}

	@Override
	public String toString() {
		return "CollabSettings[presenceExpiry=" + presenceExpiry + ", forwardValidity=" + forwardValidity + ", forwardSecret=****, forwardsPerCase="
				+ forwardsPerCase + ", forwardsPerUserPerDay=" + forwardsPerUserPerDay + "]";
	}
}
