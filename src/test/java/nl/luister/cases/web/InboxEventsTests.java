package nl.luister.cases.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luister.cases.CasesChanged;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

class InboxEventsTests {

	@Test
	void sendsTheChangedIdsAsACasesEvent() {
		var events = new InboxEvents();
		var emitter = events.add(new CapturingEmitter());

		events.on(new CasesChanged(Set.of(7L), Set.of(3L)));

		assertThat(((CapturingEmitter) emitter).sent).containsExactly("event:cases\ndata:3,7\n\n");
	}

	@Test
	void sendsACommentAsHeartbeat() {
		var events = new InboxEvents();
		var emitter = (CapturingEmitter) events.add(new CapturingEmitter());

		events.heartbeat();
		events.heartbeat();

		assertThat(emitter.sent).containsExactly(":heartbeat\n\n", ":heartbeat\n\n");
	}

	@Test
	void dropsAnEmitterThatFailsToSend() {
		var events = new InboxEvents();
		var healthy = (CapturingEmitter) events.add(new CapturingEmitter());
		events.add(new FailingEmitter());
		assertThat(events.size()).isEqualTo(2);

		events.on(new CasesChanged(Set.of(1L), Set.of()));
		events.on(new CasesChanged(Set.of(2L), Set.of()));

		assertThat(events.size()).isEqualTo(1);
		assertThat(healthy.sent).hasSize(2);
	}

	static class CapturingEmitter extends SseEmitter {

		final List<String> sent = new ArrayList<>();

		@Override
		public void send(SseEventBuilder builder) {
			StringBuilder text = new StringBuilder();
			builder.build().forEach(part -> text.append(part.getData()));
			sent.add(text.toString());
		}
	}

	static class FailingEmitter extends SseEmitter {

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			throw new IOException("Broken pipe");
		}
	}
}
