package nl.luister.channel.mail;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.channel.Connectors;
import nl.luister.channel.SourceRecord;
import nl.luister.channel.SourceRunner;
import nl.luister.channel.Sources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE for mailboxes whose server offers it: one named virtual thread per mail source
 * ({@code mail-idle-<id>-<key>}) keeps the folder open in IDLE and fetches as soon as the server announces new
 * mail, through {@link SourceRunner#pollNow} (so a mailbox is still never read twice at once and the cursor stays
 * the only truth). The runner's regular polling goes on underneath: it is the fallback for servers without IDLE, for
 * a connection that dropped, and for anything an IDLE notification missed.
 *
 * <p>IDLE is re-issued every {@code luister.mail.idle.reissue} (default 9 minutes; RFC 2177 asks for less than 29,
 * some providers drop idle connections after 10) by a NOOP from a second virtual thread, which ends the running
 * IDLE. A lost connection is retried with back-off (30 seconds doubling to 10 minutes); a server without the IDLE
 * capability is left to polling until its settings change. Mail sources are looked at every
 * {@code luister.mail.idle.rescan} (default 1 minute): new and resumed ones get a thread, paused, removed and
 * changed ones lose theirs. On by default when the runner schedules sources ({@code luister.mail.idle.enabled}).
 */
@Component
public class MailIdle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailIdle.class);
	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
	private static final Duration MAX_RETRY = Duration.ofMinutes(10);

	private final Sources sources;
	private final Connectors connectors;
	private final SourceRunner runner;
	private final boolean enabled;
	private final Duration reissue;
	private final Map<Long, Idler> idlers = new ConcurrentHashMap<>();
	private volatile boolean running;

	MailIdle(Sources sources, Connectors connectors, SourceRunner runner,
			@Value("${luister.mail.idle.enabled:${luister.sources.scheduling:true}}") boolean enabled,
			@Value("${luister.mail.idle.reissue:PT9M}") Duration reissue) {
		this.sources = sources;
		this.connectors = connectors;
		this.runner = runner;
		this.enabled = enabled;
		this.reissue = reissue;
	}

	/** Whether the source's mailbox is in IDLE right now (its server offers it and the connection is up). */
	public boolean idling(long sourceId) {
		Idler idler = idlers.get(sourceId);
		return idler != null && idler.idling;
	}

	/** How many IDLE commands the source's thread has issued so far (re-issues included); 0 without a thread. */
	public long idleCommands(long sourceId) {
		Idler idler = idlers.get(sourceId);
		return idler == null ? 0 : idler.commands;
	}

	/** Starts, keeps or stops the IDLE thread of every mail source; runs every {@code luister.mail.idle.rescan}. */
	@Scheduled(fixedDelayString = "${luister.mail.idle.rescan:PT1M}", initialDelayString = "${luister.mail.idle.initial-delay:PT5S}")
	public void refresh() {
		if (!enabled || !running) return;
		Map<Long, SourceRecord> wanted = sources.all().stream()
			.filter(s -> "mail".equals(s.type()) && !s.paused())
			.collect(Collectors.toMap(SourceRecord::id, s -> s));
		for (var entry : Set.copyOf(idlers.entrySet())) {
			SourceRecord now = wanted.get(entry.getKey());
			if (now == null || !now.settings().equals(entry.getValue().settingsJson)) {
				idlers.remove(entry.getKey());
				entry.getValue().stop();
			}
		}
		for (SourceRecord s : wanted.values()) {
			idlers.computeIfAbsent(s.id(), id -> {
				MailSettings settings;
				try {
					settings = connectors.settings(connectors.find("mail").map(c -> (MailSource) c).orElseThrow(), s.settings());
				}
				catch (RuntimeException e) {
					return new Idler(s, null, null);
				}
				Idler idler = new Idler(s, settings, s.settings());
				idler.thread = Thread.ofVirtual().name("mail-idle-" + s.id() + "-" + s.key()).start(idler::run);
				return idler;
			});
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		idlers.values().forEach(Idler::stop);
		idlers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** One mailbox kept in IDLE. */
	private final class Idler {

		final SourceRecord source;
		final MailSettings settings;
		final String settingsJson;
		volatile Thread thread;
		volatile Store store;
		volatile boolean idling;
		volatile boolean stopped;
		volatile long commands;

		Idler(SourceRecord source, MailSettings settings, String settingsJson) {
			this.source = source;
			this.settings = settings;
			this.settingsJson = settingsJson;
			// unreadable settings: nothing to idle on; the runner reports the problem
			if (settings == null) this.stopped = true;
		}

		void run() {
			Duration retry = FIRST_RETRY;
			while (!stopped && running) {
				try {
					if (!idleOnce()) return;
					retry = FIRST_RETRY;
				}
				catch (MessagingException | RuntimeException e) {
					if (stopped) return;
					log.info("IMAP IDLE of source {} stopped ({}); polling goes on, next IDLE in {}", source.key(),
							MailSessions.describe(e instanceof MessagingException m ? m : new MessagingException(String.valueOf(e.getMessage()), e),
									"IMAP", settings.imapHost(), settings.imapPort(), settings.username()), retry);
				}
				finally {
					idling = false;
					closeStore();
				}
				try {
					Thread.sleep(retry);
				}
				catch (InterruptedException e) {
					return;
				}
				retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
			}
		}

		/** Connects and idles until the connection ends; {@code false} when the server does not offer IDLE. */
		private boolean idleOnce() throws MessagingException {
			Store s = MailSessions.imap(settings).getStore(settings.imapSecurity() == MailSettings.Security.TLS ? "imaps" : "imap");
			store = s;
			s.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
			if (!(s instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
				log.info("The IMAP server of source {} does not offer IDLE; it is polled every {} s", source.key(), source.pollSeconds());
				return false;
			}
			Folder f = s.getFolder(settings.folder());
			if (!(f instanceof IMAPFolder folder)) return false;
			folder.open(Folder.READ_ONLY);
			Thread keepAlive = Thread.ofVirtual().name("mail-idle-reissue-" + source.id()).start(() -> reissue(folder));
			try {
				int seen = folder.getMessageCount();
				// whatever arrived while no IDLE was running (first start, reconnect)
				fetch();
				while (!stopped && running && folder.isOpen()) {
					idling = true;
					commands++;
					folder.idle(true);
					idling = false;
					int count = folder.getMessageCount();
					if (count != seen) {
						seen = count;
						fetch();
					}
				}
				return true;
			}
			finally {
				keepAlive.interrupt();
			}
		}

		private void fetch() {
			try {
				runner.pollNow(source.id());
			}
			catch (RuntimeException e) {
				log.warn("Fetching source {} after an IDLE notification failed: {}", source.key(), e.getMessage());
			}
		}

		/** Ends the running IDLE every {@code reissue} with a NOOP, so the loop issues a fresh one. */
		private void reissue(IMAPFolder folder) {
			try {
				while (!stopped) {
					Thread.sleep(reissue);
					folder.doCommand(protocol -> {
						protocol.simpleCommand("NOOP", null);
						return null;
					});
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (MessagingException | RuntimeException e) {
				// the connection is gone; the IDLE loop notices and reconnects
			}
		}

		void stop() {
			stopped = true;
			closeStore();
			Thread t = thread;
			if (t != null) t.interrupt();
		}

		private void closeStore() {
			Store s = store;
			if (s == null) return;
			try {
				s.close();
			}
			catch (MessagingException e) {
				// closing is best effort: the server drops the connection on its own
			}
		}
	}
}
