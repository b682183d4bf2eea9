package nl.luister.cases.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.luister.cases.CaseDetail;
import nl.luister.cases.CaseSummary;
import nl.luister.mention.Labels;
import nl.luister.mention.StoredMention;

/**
 * What the inbox templates show, prepared from the case records: ages and times in the reader's locale and
 * zone, and customer links already vetted by {@link SafeLinks}, so templates never decide what is safe.
 */
public final class InboxViews {

	private final Instant now;
	private final DateTimeFormatter format;

	InboxViews(Instant now, Locale locale, ZoneId zone) {
		this.now = now;
		this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
	}

	/** A moment as the templates need it: relative age ("2h"), full local time and ISO for {@code <time datetime>}. */
	public record When(String ageKey, long ageAmount, String full, String iso) {
	}

	/** A case in the list with its last activity. */
	public record Row(CaseSummary c, When when) {
	}

	/**
	 * One message of the thread: a customer message, our reply ({@code ours}) or an internal note ({@code note}),
	 * in time order.
	 */
	public record Entry(boolean ours, boolean note, Instant at, When when, String channel, String author, String title, String text, String href, String host,
			String state, String error, long replyId, long mentionId, Labels labels) {

		public boolean failed() {
			return "failed".equals(state);
		}
	}

	/** One line of the case history; {@code actor} is {@code null} for Luister itself. */
	public record History(String actor, String kind, String detail, When when) {
	}

	/** The open case; {@code answerHref}/{@code answerHost} point at the last customer message (may be {@code null}). */
	public record CaseView(CaseSummary c, List<Entry> thread, List<History> history, List<Row> others,
			List<String> topics, boolean canSend, String answerHref, String answerHost) {
	}

	When when(Instant at) {
		long seconds = Math.max(0, Duration.between(at, now).toSeconds());
		String key;
		long amount;
		if (seconds < 60) { key = "inbox.age.now"; amount = 0; }
		else if (seconds < 3600) { key = "inbox.age.minutes"; amount = seconds / 60; }
		else if (seconds < 86_400) { key = "inbox.age.hours"; amount = seconds / 3600; }
		else if (seconds < 14 * 86_400) { key = "inbox.age.days"; amount = seconds / 86_400; }
		else { key = "inbox.age.weeks"; amount = seconds / (7 * 86_400); }
		return new When(key, amount, format.format(at), at.toString());
	}

	List<Row> rows(List<CaseSummary> cases) {
		return cases.stream().map(c -> new Row(c, when(c.lastActivityAt()))).toList();
	}

	CaseView caseView(CaseDetail d, boolean canSend) {
		List<Entry> thread = new ArrayList<>();
		for (CaseDetail.ThreadItem item : d.thread()) {
			switch (item) {
				case CaseDetail.CustomerMessage(StoredMention m) -> thread.add(new Entry(false, false, m.publishedAt(), when(m.publishedAt()),
						m.channel().key(), author(m), m.title(), m.text(), SafeLinks.href(m.url()), SafeLinks.host(m.url()),
						null, null, 0, m.id(), d.labels().get(m.id())));
				case CaseDetail.OurReply r -> thread.add(new Entry(true, false, r.at(), when(r.at()), d.summary().channel().key(), r.author(),
						null, r.text(), null, null, r.state().toLowerCase(Locale.ROOT), r.lastError(), r.id(), 0, null));
			}
		}
		for (CaseDetail.Note n : d.notes()) {
			thread.add(new Entry(false, true, n.at(), when(n.at()), null, n.author(), null, n.text(), null, null, null, null, 0, 0, null));
		}
		thread.sort(java.util.Comparator.comparing(Entry::at));
		StoredMention last = d.lastCustomerMessage();
		String lastUrl = last == null ? null : last.url();
		return new CaseView(d.summary(), thread,
				d.history().stream().map(h -> new History(h.actor(), h.kind(), h.detail(), when(h.at()))).toList(),
				rows(d.otherCasesOfAuthor()), d.topics(), canSend, SafeLinks.href(lastUrl), SafeLinks.host(lastUrl));
	}

	private static String author(StoredMention m) {
		if (m.authorName() != null && !m.authorName().isBlank()) {
			return m.authorHandle() == null ? m.authorName() : m.authorName() + " (" + m.authorHandle() + ")";
		}
		return m.authorHandle() != null ? m.authorHandle() : "unknown";
	}
}
