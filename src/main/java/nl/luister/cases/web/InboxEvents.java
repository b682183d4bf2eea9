package nl.luister.cases.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.luister.cases.CasesChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open inbox pages, each an {@link SseEmitter}, and what they are told: an event {@code cases} (data: the
 * changed case ids, comma-separated) after a transaction that changed cases commits, and a comment every 20
 * seconds so proxies keep the connection open and dead connections are found. Thread-safe: emitters are added
 * by request threads and written by whichever thread committed the change; one that fails a send is dropped.
 */
@Component
class InboxEvents {

	/** Long enough that the browser rarely reconnects; when it does, EventSource reconnects by itself. */
	static final Duration TIMEOUT = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);

	private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

	/** A new emitter for one inbox page, registered until it completes, times out or fails. */
	SseEmitter open() {
		return add(new SseEmitter(TIMEOUT.toMillis()));
	}

	SseEmitter add(SseEmitter emitter) {
		emitters.add(emitter);
		emitter.onCompletion(() -> emitters.remove(emitter));
		emitter.onTimeout(() -> emitters.remove(emitter));
		emitter.onError(error -> emitters.remove(emitter));
		return emitter;
	}

	// Before the web server's graceful shutdown, which would otherwise wait its whole timeout for open streams.
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		emitters.forEach(SseEmitter::complete);
		emitters.clear();
	}

	int size() {
		return emitters.size();
	}

	// After commit only: a page re-fetching its list before the commit would not see the change.
	@TransactionalEventListener(fallbackExecution = true)
	void on(CasesChanged changed) {
		Set<Long> ids = new TreeSet<>(changed.opened());
		ids.addAll(changed.changed());
		String data = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
		broadcast(() -> SseEmitter.event().name("cases").data(data));
	}

	@Scheduled(fixedRate = 20_000, initialDelay = 20_000)
	void heartbeat() {
		broadcast(() -> SseEmitter.event().comment("heartbeat"));
	}

	// A builder per emitter: building one appends its closing line, so a shared builder would grow.
	private void broadcast(Supplier<SseEmitter.SseEventBuilder> event) {
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(event.get());
			}
			catch (IOException | IllegalStateException e) {
				// The browser went away: the container reports it on its own thread, so just forget this one.
				log.debug("Dropping an inbox event stream: {}", e.getMessage());
				emitters.remove(emitter);
			}
		}
	}
}
