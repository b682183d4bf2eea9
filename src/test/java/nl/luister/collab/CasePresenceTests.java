package nl.luister.collab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CasePresenceTests {

	/** A clock the test moves by hand. */
	static final class HandClock extends Clock {

		Instant now = Instant.parse("2026-11-26T09:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}
	}

	final HandClock clock = new HandClock();
	final CasePresence presence = new CasePresence(new CollabSettings(Duration.ofSeconds(15), null, null, null, null), clock);

	@Test
	void showsTheOthersOnACaseButNotYourself() {
		presence.heartbeat(1, 10, "Anna", CasePresence.Activity.VIEWING);
		presence.heartbeat(1, 20, "Bram", CasePresence.Activity.VIEWING);
		presence.heartbeat(2, 30, "Carla", CasePresence.Activity.VIEWING);

		assertThat(presence.others(1, 20)).extracting(CasePresence.Viewer::name).containsExactly("Anna");
		assertThat(presence.others(1, 99)).extracting(CasePresence.Viewer::name).containsExactly("Anna", "Bram");
		assertThat(presence.openElsewhere(20)).containsExactlyInAnyOrder(1L, 2L);
		assertThat(presence.openElsewhere(30)).containsExactly(1L);
		assertThat(presence.openByOthers(1, 10)).isTrue();
		assertThat(presence.openByOthers(2, 30)).isFalse();
		assertThat(presence.openByOthers(3, 10)).isFalse();
	}

	@Test
	void typistsComeFirstAndTheLatestHeartbeatSaysWhatSomeoneDoes() {
		presence.heartbeat(1, 10, "Anna", CasePresence.Activity.VIEWING);
		presence.heartbeat(1, 20, "Bram", CasePresence.Activity.TYPING_REPLY);
		assertThat(presence.others(1, 0)).extracting(CasePresence.Viewer::name).containsExactly("Bram", "Anna");

		presence.heartbeat(1, 20, "Bram", CasePresence.Activity.VIEWING);
		assertThat(presence.others(1, 0)).extracting(CasePresence.Viewer::activity)
			.containsOnly(CasePresence.Activity.VIEWING);
	}

	@Test
	void aViewerWithoutHeartbeatExpires() {
		presence.heartbeat(1, 10, "Anna", CasePresence.Activity.TYPING_NOTE);
		clock.advance(Duration.ofSeconds(14));
		assertThat(presence.others(1, 20)).hasSize(1);

		clock.advance(Duration.ofSeconds(1));
		assertThat(presence.others(1, 20)).isEmpty();
		assertThat(presence.openElsewhere(20)).isEmpty();
		assertThat(presence.size()).isEqualTo(1);
		presence.expire();
		assertThat(presence.size()).isZero();
	}

	@Test
	void aHeartbeatKeepsAViewerAndLeavingRemovesThemAtOnce() {
		presence.heartbeat(1, 10, "Anna", CasePresence.Activity.VIEWING);
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofSeconds(4));
			presence.heartbeat(1, 10, "Anna", CasePresence.Activity.VIEWING);
		}
		assertThat(presence.others(1, 20)).hasSize(1);

		presence.leave(1, 10);
		assertThat(presence.others(1, 20)).isEmpty();
	}

	@Test
	void oddActivitiesFromABrowserCountAsViewing() {
		assertThat(CasePresence.Activity.parse("reply")).isEqualTo(CasePresence.Activity.TYPING_REPLY);
		assertThat(CasePresence.Activity.parse("note")).isEqualTo(CasePresence.Activity.TYPING_NOTE);
		assertThat(CasePresence.Activity.parse("<script>")).isEqualTo(CasePresence.Activity.VIEWING);
		assertThat(CasePresence.Activity.parse(null)).isEqualTo(CasePresence.Activity.VIEWING);
	}
}
