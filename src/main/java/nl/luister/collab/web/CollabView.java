package nl.luister.collab.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import nl.luister.cases.web.InboxViews;
import nl.luister.collab.CollabSettings;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the collaboration templates compute (bean {@code collabView}): times in the reader's locale and zone and what
 * a reply form has seen of the case. Stateless and thread-safe.
 */
@Component("collabView")
public class CollabView {

	private final CollabSettings settings;

	CollabView(CollabSettings settings) {
		this.settings = settings;
	}

	/** Until when a forward made now would open, in the reader's locale and zone. */
	public String forwardUntil() {
		return at(Instant.now().plus(settings.forwardValidity()));
	}

	/** A moment as a short local date and time; empty for {@code null}. */
	public String at(Instant at) {
		if (at == null) return "";
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(LocaleContextHolder.getTimeZone().toZoneId())
			.format(at);
	}

	public Instant now() {
		return Instant.now();
	}

	/** The newest reply the agent sees in the rendered thread (0 when none): what the reply form says it has seen. */
	public long seenReply(InboxViews.CaseView kase) {
		return kase.thread().stream().filter(InboxViews.Entry::ours).mapToLong(InboxViews.Entry::replyId).max().orElse(0);
	}

	/** The assignee the agent sees: a user id, or {@code none}. */
	public String seenAssignee(InboxViews.CaseView kase) {
		Long id = kase.c().assigneeId();
		return id == null ? "none" : String.valueOf(id);
	}
}
