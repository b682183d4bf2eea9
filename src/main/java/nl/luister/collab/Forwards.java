package nl.luister.collab;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.luister.account.User;
import nl.luister.account.UserId;
import nl.luister.account.Users;
import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseNotFound;
import nl.luister.cases.CaseSummary;
import nl.luister.notice.NoticeMail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Forwards a case to someone outside the webcare team (product, R&amp;D): a row in {@code case_forwards}, an e-mail
 * through {@link NoticeMail} with the agent's note and a signed link ({@link ForwardLinks}) that opens a read-only
 * view of the case without signing in until it expires (default 7 days) or an agent revokes it. Each forward and
 * revocation is in the case history; opens are counted on the forward. A mail that cannot be sent leaves the forward
 * listed with the server's reason and a link that does not open. Thread-safe; each statement commits on its own (the
 * mail is sent outside any transaction).
 */
@Service
public class Forwards {

	static final int MAX_NOTE = 2_000;
	private static final Logger log = LoggerFactory.getLogger(Forwards.class);
	private static final Set<String> SHOWN_REPLY_STATES = Set.of("SENT", "ANSWERED_ON_SITE", "POSTED_OUTSIDE");

	/** One forward as listed on the case; {@code forwardedBy} may be {@code null} (user deleted), {@code mailError} is {@code null} when the mail went out. */
	public record Forward(long id, long caseId, String forwardedBy, String recipient, String note, Instant createdAt, Instant expiresAt,
			Instant revokedAt, String revokedBy, int openCount, Instant lastOpenedAt, String mailError) {

		/** {@code active}, {@code expired}, {@code revoked} or {@code failed} (mail not sent). */
		public String state(Instant now) {
			if (mailError != null) return "failed";
			if (revokedAt != null) return "revoked";
			return expiresAt.isAfter(now) ? "active" : "expired";
		}
	}

	/** What opening a link gave: the case to show, or why not (and the HTTP status to answer with). */
	public sealed interface Opening permits Opened, Refused {
	}

	/** A link that opens: the forward and the case as the recipient may see it. */
	public record Opened(Forward forward, ReadOnlyCase kase) implements Opening {
	}

	/** {@code forged} (403: no valid signature), {@code expired}, {@code revoked} or {@code gone} (410). */
	public record Refused(String reason, int status) implements Opening {
	}

	/** The case without anything internal: customer messages and the replies that went out, oldest first. */
	public record ReadOnlyCase(long id, String channel, String status, String author, List<Message> messages) {
	}

	/** A customer message ({@code ours} false) or a reply of ours; {@code title} may be {@code null}. */
	public record Message(boolean ours, String author, String title, String text, Instant at) {
	}

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final Users users;
	private final NoticeMail mail;
	private final MessageSource messages;
	private final CollabSettings settings;
	private final ForwardLinks links;
	private final String baseUrl;
	private final Clock clock;

	Forwards(JdbcClient jdbc, CaseManagement cases, Users users, NoticeMail mail, MessageSource messages, CollabSettings settings,
			@Value("${luister.home:./data}") Path home, @Value("${luister.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.users = users;
		this.mail = mail;
		this.messages = messages;
		this.settings = settings;
		this.links = ForwardLinks.fromSecretOrFile(settings.forwardSecret(), home.resolve("forward-link-secret"));
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Forwards the case to {@code to} with {@code note} (may be blank) and mails the link in {@code locale}.
	 *
	 * @return the forward; its {@code mailError} says when the mail could not be sent (the link then does not open)
	 * @throws ForwardRefused when the address or note is not acceptable or a cap is reached
	 * @throws CaseNotFound when there is no such case
	 */
	public Forward forward(long caseId, String to, String note, long actorId, Locale locale) {
		CaseSummary c = cases.summary(caseId);
		String address = to == null ? "" : to.strip();
		if (!NoticeMail.isAddress(address)) throw new ForwardRefused(ForwardRefused.Reason.ADDRESS, "'" + address + "' is not one plain e-mail address");
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) throw new ForwardRefused(ForwardRefused.Reason.NOTE, "a forward's note can be at most " + MAX_NOTE + " characters");
		int activeOnCase = jdbc.sql("select count(*) from case_forwards where case_id = ? and revoked_at is null and mail_error is null and expires_at > now()")
			.param(caseId).query(Integer.class).single();
		if (activeOnCase >= settings.forwardsPerCase()) {
			throw new ForwardRefused(ForwardRefused.Reason.CASE_LIMIT, "case " + caseId + " already has " + activeOnCase
					+ " valid forward links (at most " + settings.forwardsPerCase() + "): revoke one first");
		}
		int byUser = jdbc.sql("select count(*) from case_forwards where forwarded_by = ? and created_at > now() - interval '1 day'")
			.param(actorId).query(Integer.class).single();
		if (byUser >= settings.forwardsPerUserPerDay()) {
			throw new ForwardRefused(ForwardRefused.Reason.USER_LIMIT, "you forwarded " + byUser + " cases in the last 24 hours (at most "
					+ settings.forwardsPerUserPerDay() + "): try again later");
		}
		Instant expires = clock.instant().plus(settings.forwardValidity()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		long id = jdbc.sql("insert into case_forwards (case_id, forwarded_by, recipient, note, expires_at) values (?, ?, ?, ?, ?) returning id")
			.params(caseId, actorId, address, text, java.sql.Timestamp.from(expires))
			.query(Long.class).single();
		cases.record(caseId, actorId, "forward", address);
		String sender = users.findById(new UserId(actorId)).map(User::displayName).orElse("Luister");
		try {
			sendMail(c, address, text, sender, link(id, expires), expires, locale);
		}
		catch (MessagingException e) {
			String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			log.warn("Forward {} of case {} to {} not sent: {}", id, caseId, address, reason);
			jdbc.sql("update case_forwards set mail_error = ? where id = ?").params(reason, id).update();
			cases.record(caseId, actorId, "forward-failed", address + ": " + reason);
		}
		return find(id).orElseThrow();
	}

	/** The case's forwards, newest first. */
	public List<Forward> of(long caseId) {
		return jdbc.sql(SELECT + " where f.case_id = ? order by f.created_at desc, f.id desc").param(caseId).query(Forwards::forward).list();
	}

	public Optional<Forward> find(long forwardId) {
		return jdbc.sql(SELECT + " where f.id = ?").param(forwardId).query(Forwards::forward).optional();
	}

	/**
	 * Revokes a forward of this case: its link stops opening at once. Revoking twice is harmless.
	 *
	 * @throws IllegalArgumentException when the case has no such forward
	 */
	public Forward revoke(long caseId, long forwardId, long actorId) {
		Forward f = find(forwardId).filter(x -> x.caseId() == caseId)
			.orElseThrow(() -> new IllegalArgumentException("case " + caseId + " has no forward " + forwardId));
		if (f.revokedAt() != null) return f;
		jdbc.sql("update case_forwards set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null").params(actorId, forwardId).update();
		cases.record(caseId, actorId, "forward-revoked", f.recipient());
		return find(forwardId).orElseThrow();
	}

	/** The link of a forward (absolute, under {@code luister.base-url}). */
	public String link(Forward f) {
		return link(f.id(), f.expiresAt());
	}

	/**
	 * Opens a link's token: checks the signature, the expiry in the token and in the database, revocation and the
	 * case; a link that opens is counted.
	 */
	public Opening open(String token) {
		Optional<ForwardLinks.Claim> claim = links.verify(token);
		if (claim.isEmpty()) return new Refused("forged", 403);
		Instant now = clock.instant();
		if (!claim.get().expiresAt().isAfter(now)) return new Refused("expired", 410);
		Optional<Forward> found = find(claim.get().forwardId());
		if (found.isEmpty()) return new Refused("gone", 410);
		Forward f = found.get();
		if (f.mailError() != null || f.revokedAt() != null) return new Refused("revoked", 410);
		if (!f.expiresAt().isAfter(now) || !f.expiresAt().equals(claim.get().expiresAt())) return new Refused("expired", 410);
		CaseDetail detail;
		try {
			detail = cases.detail(f.caseId());
		}
		catch (CaseNotFound e) {
			return new Refused("gone", 410);
		}
		jdbc.sql("update case_forwards set open_count = open_count + 1, last_opened_at = now() where id = ?").param(f.id()).update();
		return new Opened(find(f.id()).orElseThrow(), readOnly(detail));
	}

	private static ReadOnlyCase readOnly(CaseDetail d) {
		List<Message> shown = new java.util.ArrayList<>();
		for (CaseDetail.ThreadItem item : d.thread()) {
			switch (item) {
				case CaseDetail.CustomerMessage(var m) -> shown.add(new Message(false, author(m.authorName(), m.authorHandle()), m.title(), m.text(), m.publishedAt()));
				case CaseDetail.OurReply r -> {
					if (SHOWN_REPLY_STATES.contains(r.state().toUpperCase(Locale.ROOT))) shown.add(new Message(true, r.author(), null, r.text(), r.at()));
				}
			}
		}
		CaseSummary c = d.summary();
		return new ReadOnlyCase(c.id(), c.channel().key(), c.status().key(), author(c.authorName(), c.authorHandle()), shown);
	}

	private void sendMail(CaseSummary c, String to, String note, String sender, String link, Instant expires, Locale locale) throws MessagingException {
		Locale l = locale == null ? Locale.ENGLISH : locale;
		String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(l).withZone(ZoneId.systemDefault()).format(expires);
		String subject = messages.getMessage("collab.forward.mail.subject", new Object[] { sender, c.id() }, l);
		StringBuilder text = new StringBuilder(messages.getMessage("collab.forward.mail.intro", new Object[] { sender, c.id() }, l)).append("\n\n");
		if (!note.isEmpty()) text.append(note).append("\n\n");
		text.append(messages.getMessage("collab.forward.mail.link", new Object[] { until }, l)).append('\n').append(link).append("\n\n")
			.append(messages.getMessage("collab.forward.mail.footer", null, l)).append('\n');
		mail.send(to, subject, text.toString(), null);
	}

	private String link(long id, Instant expires) {
		return baseUrl + "/shared/cases/" + links.token(id, expires);
	}

	private static String author(String name, String handle) {
		if (name != null && !name.isBlank()) return handle == null ? name : name + " (" + handle + ")";
		return handle == null ? "?" : handle;
	}

	private static final String SELECT = """
			select f.id, f.case_id, coalesce(a.display_name, a.username) as forwarded_by, f.recipient, f.note, f.created_at, f.expires_at,
			       f.revoked_at, coalesce(r.display_name, r.username) as revoked_by, f.open_count, f.last_opened_at, f.mail_error
			from case_forwards f left join users a on a.id = f.forwarded_by left join users r on r.id = f.revoked_by""";

	private static Forward forward(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Forward(rs.getLong("id"), rs.getLong("case_id"), rs.getString("forwarded_by"), rs.getString("recipient"), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), instant(rs, "revoked_at"),
				rs.getString("revoked_by"), rs.getInt("open_count"), instant(rs, "last_opened_at"), rs.getString("mail_error"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
