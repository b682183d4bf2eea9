package nl.luister.cases;

import java.time.Instant;
import java.util.List;

import nl.luister.mention.Labels;
import nl.luister.mention.StoredMention;

/**
 * A case with its whole thread (customer messages and our replies in time order), notes, history, the
 * author's other cases and what was understood of each customer message ({@code labels} by mention id).
 */
public record CaseDetail(CaseSummary summary, List<ThreadItem> thread, List<Note> notes, List<HistoryEntry> history,
		List<CaseSummary> otherCasesOfAuthor, List<String> topics, java.util.Map<Long, Labels> labels) {

	/** One message in the thread: a customer's mention or one of our replies. */
	public sealed interface ThreadItem permits CustomerMessage, OurReply {
		Instant at();
	}

	public record CustomerMessage(StoredMention mention) implements ThreadItem {
		@Override
		public Instant at() {
			return mention.publishedAt();
		}
	}

	/** A reply with its delivery state (queued, sent, failed, answered on site). */
	public record OurReply(long id, String text, String state, String author, Instant at, String lastError)
			implements ThreadItem {
	}

	public record Note(long id, String text, String author, Instant at) {
	}

	public record HistoryEntry(Instant at, String actor, String kind, String detail) {
	}

	/** The newest customer message, which a reply answers; {@code null} only for an empty thread. */
	public StoredMention lastCustomerMessage() {
		StoredMention last = null;
		for (ThreadItem item : thread) {
			if (item instanceof CustomerMessage(StoredMention m)) last = m;
		}
		return last;
	}
}
