package nl.luister.monitor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.search.Query;

/**
 * Which terms of a batch the presearcher's document has to hold: the presearcher only looks up terms some topic was
 * indexed with, so a field gets just the terms the registered topics name (most words, prefixes, suffixes, grams,
 * word pairs and stems of a mention name none).
 *
 * It also knows which fields Lucene reads to verify the topics it verifies ({@link #luceneFields}).
 *
 * <p>Only grows (a removed topic's terms stay until the next {@code replaceAll} builds a new one), which keeps it a
 * superset of what the registered topics need. Thread-safe: topics are added while batches read it; a batch analysed
 * just before a topic was added may lack that topic's terms, like the stemmed and prefix fields (see
 * {@link LuceneTopicMatcher}).
 */
final class IndexedTerms {

	private final Map<String, Set<String>> terms = new ConcurrentHashMap<>();

	private volatile Set<String> luceneFields = Set.of();

	/**
	 * Notes the terms a topic's compiled query names, and the fields its {@code verification} query (the one Lucene
	 * verifies it with on each mention, {@code null} when none) reads.
	 */
	void add(Query query, Query verification) {
		LuceneQueries.forEachTerm(query, (term) -> this.terms
			.computeIfAbsent(term.field(), (f) -> ConcurrentHashMap.newKeySet())
			.add(term.text()));
		if (verification != null) {
			Set<String> fields = new java.util.HashSet<>(LuceneQueries.fields(verification));
			// a wildcard word of a stemmed topic lives in the unstemmed field, masked as the stemmed one
			for (String field : List.copyOf(fields)) {
				if (field.endsWith("_nl") || field.endsWith("_en")) {
					fields.add(field.substring(0, field.length() - 3));
				}
			}
			synchronized (this) {
				if (!this.luceneFields.containsAll(fields)) {
					Set<String> more = new java.util.HashSet<>(this.luceneFields);
					more.addAll(fields);
					this.luceneFields = Set.copyOf(more);
				}
			}
		}
	}

	/**
	 * The fields Lucene reads to verify the topics it verifies (proximity, sloppy phrases): a mention's index for
	 * those topics needs these fields only.
	 */
	Set<String> luceneFields() {
		return this.luceneFields;
	}

	/** The terms of a field the registered topics name; empty when none does. Look it up once per field. */
	Set<String> named(String field) {
		return this.terms.getOrDefault(field, Set.of());
	}

}
