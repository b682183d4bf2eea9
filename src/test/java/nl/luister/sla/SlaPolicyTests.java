package nl.luister.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;

class SlaPolicyTests {

	private static SlaPolicy policy(long id, String name, Channel channel, Integer severity, int position) {
		return new SlaPolicy(id, name, channel, severity, position, 1, 60, null, null, false);
	}

	private static SlaPolicies.Settings settings(SlaPolicy... policies) {
		return new SlaPolicies.Settings(List.of(policies), Map.of(1L, BusinessCalendar.alwaysOpen("24/7", "UTC")));
	}

	@Test
	void theMostSpecificPolicyWinsThenThePosition() {
		SlaPolicies.Settings s = settings(policy(1, "everything", null, null, 1), policy(2, "mastodon", Channel.MASTODON, null, 2),
				policy(3, "urgent", null, 5, 3), policy(4, "urgent on mastodon", Channel.MASTODON, 5, 4), policy(5, "mastodon too", Channel.MASTODON, null, 5));

		assertThat(s.policyFor(Channel.MASTODON, 5)).get().extracting(SlaPolicy::name).isEqualTo("urgent on mastodon");
		assertThat(s.policyFor(Channel.MASTODON, 3)).get().extracting(SlaPolicy::name).isEqualTo("mastodon");
		assertThat(s.policyFor(Channel.FORUM, 5)).get().extracting(SlaPolicy::name).isEqualTo("urgent");
		assertThat(s.policyFor(Channel.FORUM, 2)).get().extracting(SlaPolicy::name).isEqualTo("everything");
		assertThat(s.policyFor(Channel.EMAIL, null)).get().extracting(SlaPolicy::name).isEqualTo("everything");
	}

	@Test
	void betweenAChannelPolicyAndASeverityPolicyThePositionDecides() {
		SlaPolicies.Settings s = settings(policy(1, "urgent", null, 5, 1), policy(2, "mastodon", Channel.MASTODON, null, 2));
		assertThat(s.policyFor(Channel.MASTODON, 5)).get().extracting(SlaPolicy::name).isEqualTo("urgent");
	}

	@Test
	void aCaseWithoutMatchingPolicyHasNoClock() {
		SlaPolicies.Settings s = settings(policy(1, "forum", Channel.FORUM, null, 1));
		assertThat(s.policyFor(Channel.MASTODON, 3)).isEmpty();
		assertThat(settings().policyFor(Channel.MASTODON, 3)).isEmpty();
	}

	@Test
	void refusesNegativeOrMissingTargetsAndUnknownSeverities() {
		assertThatThrownBy(() -> new SlaPolicy(null, "x", null, null, 0, 1, -5, null, null, false)).isInstanceOf(InvalidSla.class)
			.hasMessage("firstResponse target must be a positive number of minutes, not -5");
		assertThatThrownBy(() -> new SlaPolicy(null, "x", null, null, 0, 1, null, null, null, false)).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("at least one target");
		assertThatThrownBy(() -> SlaAdmin.policyOf("x", "any", "7", 1, 60, null, null, false)).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("severity must be 1 to 5");
		assertThatThrownBy(() -> SlaAdmin.policyOf("x", "fax", null, 1, 60, null, null, false)).isInstanceOf(InvalidSla.class)
			.hasMessageContaining("unknown channel 'fax'");
		assertThat(SlaAdmin.policyOf("x", "any", "", 1, 60, null, null, false).channel()).isNull();
	}
}
