package nl.luister.cases;

import java.util.Set;

import nl.luister.mention.StoredMention;

/** A freshly stored mention and the topics it matched (empty when it matched none). */
public record MatchedMention(StoredMention mention, Set<Long> topicIds) {
}
