package nl.luister.cases;

import java.util.Set;

import nl.luister.mention.StoredMention;

/** A freshly stored mention and the topics it matched (empty when it matched none). */
public record MatchedMention(StoredMention mention, Set<Long> topicIds) {

	/** Whether this mention may open a case: it was said to the organisation, or a topic matched it. */
	public boolean reachesCases() {
		return mention.addressed() || !topicIds.isEmpty();
	}
}
