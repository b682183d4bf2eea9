package nl.luister.log;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows the mention log on {@code /actuator/health}: how many entries wait and how many were set aside
 * because they could not be processed (those need a look; the pipeline goes on without them).
 */
@Component("mentionLog")
class MentionLogHealth implements HealthIndicator {

	private final MentionLog log;

	MentionLogHealth(MentionLog log) {
		this.log = log;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("backlog", log.backlog()).withDetail("quarantined", log.quarantined()).build();
	}
}
