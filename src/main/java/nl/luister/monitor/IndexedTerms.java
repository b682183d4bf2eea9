package nl.luister.monitor;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.search.Query;

/**
 * Which terms of a mention the monitor's index of a batch has to hold. The presearcher only looks up terms some
 * topic was indexed with, so a field is indexed with just the terms the registered topics name (most prefixes,
 * suffixes, word pairs and stems of a mention name none). A field that Lucene itself reads to verify a topic
 * (proximity, sloppy phrases: see {@link VerifyingMatcher}) is indexed <em>verbatim</em>: every term, with
 * positions.
 *
 * <p>Only grows (a removed topic's terms stay until the next {@code replaceAll} builds a new one), which keeps it a
 * superset of what the registered topics need. Thread-safe: topics are added while batches read it; a batch analysed
 * just before a topic was added may lack that topic's terms, like the stemmed and prefix fields (see
 * {@link LuceneTopicMatcher}).
 */
final class IndexedTerms {

	private final Map<String, Set<String>> terms = new ConcurrentHashMap<>();

	private volatile Set<String> verbatim = Set.of();

	/** Notes a topic's compiled query; {@code verifiedByLucene} when its fields are read verbatim. */
	void add(Query query, boolean verifiedByLucene) {
		LuceneQueries.forEachTerm(query, (term) -> this.terms
			.computeIfAbsent(term.field(), (f) -> ConcurrentHashMap.newKeySet())
			.add(term.text()));
		if (verifiedByLucene) {
			Set<String> fields = LuceneQueries.fields(query);
			synchronized (this) {
				if (!this.verbatim.containsAll(fields)) {
					Set<String> more = new java.util.HashSet<>(this.verbatim);
					more.addAll(fields);
					this.verbatim = Set.copyOf(more);
				}
			}
		}
	}

	/**
	 * The terms of a field the registered topics name, or {@code null} for a field indexed verbatim; an
	 * empty set when no topic names any. Look it up once per field, then ask it per term.
	 */
	Set<String> named(String field) {
		if (this.verbatim.contains(field)) {
			return null;
		}
		return this.terms.getOrDefault(field, Set.of());
	}

}
