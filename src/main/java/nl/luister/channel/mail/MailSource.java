package nl.luister.channel.mail;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;

import nl.luister.channel.Batch;
import nl.luister.channel.RawMention;
import nl.luister.channel.Source;
import nl.luister.channel.SourceUnavailable;

/**
 * Reads a support mailbox over IMAP. Every message is addressed to the organisation, so it reaches a case
 * without a topic; {@link MailReader} decides what it becomes.
 *
 * <p>Cursor: {@code UIDVALIDITY:UID}, the folder's UIDVALIDITY and the highest UID read. When the server
 * reports another UIDVALIDITY (the folder was rebuilt), the folder is read again from the start; the mention
 * log's unique Message-IDs make that harmless. At most {@value #MAX_PER_FETCH} messages are read per fetch, the
 * rest on the next poll. The folder is opened read-only, so reading changes no flags; messages are never
 * deleted or moved. Polled on the runner's schedule; where the server offers IMAP IDLE, {@link MailIdle} fetches as
 * soon as new mail is announced.
 *
 * <p>Stateless: every fetch opens and closes its own connection; safe for concurrent fetches of different
 * mailboxes. Failures to connect or log in are {@link SourceUnavailable} with the reason in plain words; a
 * single message that can't be read is skipped with its UID and the reason.
 */
public final class MailSource implements Source<MailSettings> {

	static final int MAX_PER_FETCH = 200;

	/** Messages up to this size are fetched whole; larger ones part by part. */
	static final int WHOLE_MESSAGE_BYTES = 2 * 1024 * 1024;

	private final MailReader reader;
	private final Clock clock;

	MailSource(MailReader reader, Clock clock) {
		this.reader = reader;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "mail";
	}

	@Override
	public Class<MailSettings> settingsType() {
		return MailSettings.class;
	}

	@Override
	public Probe probe(MailSettings settings) {
		try (Store store = connect(settings)) {
			Folder folder = open(store, settings);
			try {
				int count = folder.getMessageCount();
				return Probe.ok("IMAP folder '" + settings.folder() + "' of " + settings.username() + " at " + settings.imapHost()
						+ " with " + count + (count == 1 ? " message" : " messages"));
			}
			finally {
				close(folder);
			}
		}
		catch (SourceUnavailable e) {
			return Probe.failed(e.getMessage());
		}
		catch (MessagingException e) {
			return Probe.failed(describe(e, settings));
		}
	}

	@Override
	public Batch fetch(MailSettings settings, String cursor) {
		try (Store store = connect(settings)) {
			Folder folder = open(store, settings);
			try {
				return read(folder, settings, Cursor.parse(cursor));
			}
			finally {
				close(folder);
			}
		}
		catch (MessagingException e) {
			throw new SourceUnavailable(describe(e, settings), e);
		}
	}

	private Batch read(Folder folder, MailSettings settings, Cursor previous) throws MessagingException {
		UIDFolder uids = (UIDFolder) folder;
		long validity = uids.getUIDValidity();
		long after = previous != null && previous.validity() == validity ? previous.uid() : 0;
		Message[] found = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
		FetchProfile profile = new FetchProfile();
		profile.add(UIDFolder.FetchProfileItem.UID);
		profile.add(FetchProfile.Item.ENVELOPE);
		profile.add(FetchProfile.Item.CONTENT_INFO);
		profile.add(FetchProfile.Item.SIZE);
		// copying a message copies its flags: fetched here so that is not one more round trip per message
		profile.add(FetchProfile.Item.FLAGS);
		// all headers in one round trip per batch; asked one by one, each header name would cost one per message
		profile.add(IMAPFolder.FetchProfileItem.HEADERS);
		profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
		folder.fetch(found, profile);
		List<Message> fresh = new ArrayList<>();
		for (Message m : found) {
			// "n:*" also answers the last message when n is beyond it
			if (m != null && uids.getUID(m) > after) fresh.add(m);
		}
		fresh.sort(Comparator.comparingLong(m -> uid(uids, m)));
		if (fresh.size() > MAX_PER_FETCH) fresh = fresh.subList(0, MAX_PER_FETCH);
		List<Message> small = new ArrayList<>();
		for (Message m : fresh) {
			if (m.getSize() >= 0 && m.getSize() <= WHOLE_MESSAGE_BYTES) small.add(m);
		}
		FetchProfile whole = new FetchProfile();
		whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
		folder.fetch(small.toArray(Message[]::new), whole);

		List<RawMention> items = new ArrayList<>();
		List<Batch.Skipped> skipped = new ArrayList<>();
		long last = after;
		Instant now = clock.instant();
		for (Message m : fresh) {
			long uid = uid(uids, m);
			String where = "message UID " + uid + " in " + settings.folder() + " of " + settings.username();
			try {
				if (!(m instanceof MimeMessage mime)) throw new MessagingException("not a MIME message");
				Instant received = m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant();
				// a small message is read whole in one round trip; a large one part by part, so an attachment over
				// the limit is never downloaded
				MimeMessage local = m.getSize() >= 0 && m.getSize() <= WHOLE_MESSAGE_BYTES ? new MimeMessage(mime) : mime;
				MailReader.Outcome outcome = reader.read(local, settings.fromAddress(), received, now);
				if (outcome.mention() != null) items.add(outcome.mention());
				else skipped.add(new Batch.Skipped(where, outcome.skipped()));
			}
			catch (MessagingException | IOException | RuntimeException e) {
				if (!folder.isOpen() || !folder.getStore().isConnected()) {
					throw new SourceUnavailable("the connection to " + settings.imapHost() + " was lost while reading " + where, e);
				}
				skipped.add(new Batch.Skipped(where, "could not be read: " + e.getClass().getSimpleName()
						+ (e.getMessage() == null ? "" : ": " + MailReader.oneLine(e.getMessage()))));
			}
			last = Math.max(last, uid);
		}
		return new Batch(items, new Cursor(validity, last).encode(), skipped);
	}

	private static long uid(UIDFolder uids, Message m) {
		try {
			return uids.getUID(m);
		}
		catch (MessagingException e) {
			throw new SourceUnavailable("the mail server did not tell the UID of a message: " + e.getMessage(), e);
		}
	}

	private static Store connect(MailSettings settings) throws MessagingException {
		Store store = MailSessions.imap(settings).getStore(settings.imapSecurity() == MailSettings.Security.TLS ? "imaps" : "imap");
		store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
		return store;
	}

	private static Folder open(Store store, MailSettings settings) throws MessagingException {
		Folder folder = store.getFolder(settings.folder());
		if (!folder.exists()) {
			throw new SourceUnavailable("the folder '" + settings.folder() + "' does not exist in the mailbox of "
					+ settings.username() + " at " + settings.imapHost());
		}
		if (!(folder instanceof UIDFolder)) throw new SourceUnavailable("the server at " + settings.imapHost() + " does not offer IMAP UIDs");
		folder.open(Folder.READ_ONLY);
		return folder;
	}

	private static void close(Folder folder) {
		try {
			if (folder.isOpen()) folder.close(false);
		}
		catch (MessagingException e) {
			// closing a read-only folder changes nothing on the server; the store is closed next anyway
		}
	}

	private static String describe(MessagingException e, MailSettings settings) {
		if (e instanceof FolderNotFoundException) {
			return "the folder '" + settings.folder() + "' does not exist in the mailbox of " + settings.username();
		}
		return MailSessions.describe(e, "IMAP", settings.imapHost(), settings.imapPort(), settings.username());
	}

	/** Where a mailbox was left: the folder's UIDVALIDITY and the highest UID read. */
	record Cursor(long validity, long uid) {

		static Cursor parse(String cursor) {
			if (cursor == null || cursor.isBlank()) return null;
			String[] parts = cursor.strip().split(":");
			if (parts.length != 2) return null;
			try {
				return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		String encode() {
			return validity + ":" + uid;
		}
	}
}
