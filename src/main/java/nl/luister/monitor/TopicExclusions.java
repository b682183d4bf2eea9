package nl.luister.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.luister.database.AfterCommit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exclusion lists: per topic and workspace-wide, of own accounts, spam authors, job-ad words, other words and
 * domains. A mention an exclusion of the topic (or of the workspace) applies to does not match that topic.
 *
 * <p>Matching: authors compare without {@code @}, case and accents; words and phrases match whole words in the
 * title and text the way topic queries do (case- and accent-insensitive, consecutive for a phrase); a domain
 * matches the mention's address on that host or any subdomain ({@code tweakers.net} covers
 * {@code gathering.tweakers.net}).
 *
 * <p>The lists are held in memory as an immutable snapshot, replaced after each committed change: {@link #filter}
 * never touches the database and is safe from any thread.
 */
@Service
public class TopicExclusions implements SmartInitializingSingleton {

	/** At most this many characters per entry. */
	static final int MAX_VALUE = 200;

	private final Exclusions exclusions;

	private volatile Snapshot snapshot = new Snapshot(List.of());

	TopicExclusions(Exclusions exclusions) {
		this.exclusions = exclusions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	/** Reads the lists again (after a change, or a test that emptied the tables). */
	public void reload() {
		snapshot = new Snapshot(exclusions.all());
	}

	/** Every kind of entry, in the order forms offer them. */
	public List<ExclusionKind> kinds() {
		return List.of(ExclusionKind.values());
	}

	/** The workspace-wide list. */
	public List<Exclusion> workspaceWide() {
		return snapshot.global;
	}

	/** The topic's own list (without the workspace-wide entries). */
	public List<Exclusion> ofTopic(long topicId) {
		return snapshot.byTopic.getOrDefault(topicId, List.of());
	}

	/**
	 * Adds an entry to a topic's list ({@code topicId} set) or the workspace-wide list ({@code null}); adding one that
	 * is there already changes nothing. Takes effect for mentions matched after commit.
	 *
	 * @throws IllegalArgumentException when the value is blank, too long or has no word in it
	 */
	@Transactional
	public Exclusion add(Long topicId, ExclusionKind kind, String value) {
		String v = value == null ? "" : value.strip();
		if (kind.target == ExclusionKind.Target.AUTHOR) v = v.replaceFirst("^@+", "");
		if (kind.target == ExclusionKind.Target.DOMAIN) {
			String host = MentionAnalysis.host(v);
			v = host == null ? "" : host.startsWith("www.") ? host.substring(4) : host;
		}
		if (v.isEmpty()) throw new IllegalArgumentException("an exclusion needs a value");
		if (v.length() > MAX_VALUE) throw new IllegalArgumentException("an exclusion can be at most " + MAX_VALUE + " characters");
		if (kind.target == ExclusionKind.Target.WORDS && TokenizedText.tokenize(v).isEmpty()) {
			throw new IllegalArgumentException("an excluded word needs at least one letter or digit");
		}
		long id = exclusions.insert(topicId, kind, v);
		AfterCommit.run(this::reload);
		return new Exclusion(id, topicId, kind, v);
	}

	/** Removes an entry; returns whether it existed. */
	@Transactional
	public boolean remove(long id) {
		boolean removed = exclusions.delete(id);
		AfterCommit.run(this::reload);
		return removed;
	}

	/** The entry that keeps this mention out of the topic, if any (workspace-wide entries first). */
	public Optional<Exclusion> why(long topicId, MatchDocument document) {
		Snapshot s = snapshot;
		Facts facts = new Facts(document);
		for (Exclusion e : s.global) {
			if (facts.applies(e)) return Optional.of(e);
		}
		for (Exclusion e : s.byTopic.getOrDefault(topicId, List.of())) {
			if (facts.applies(e)) return Optional.of(e);
		}
		return Optional.empty();
	}

	/**
	 * The matches of a batch with every excluded topic removed.
	 *
	 * @param matches for each document, at the same index, the topics it matched (as {@link TopicMatcher#match} gives)
	 */
	public List<Set<Long>> filter(List<MatchDocument> documents, List<Set<Long>> matches) {
		Snapshot s = snapshot;
		if (s.isEmpty()) return matches;
		List<Set<Long>> result = new ArrayList<>(matches.size());
		for (int i = 0; i < matches.size(); i++) {
			Set<Long> topics = matches.get(i);
			if (topics.isEmpty()) {
				result.add(topics);
				continue;
			}
			Facts facts = new Facts(documents.get(i));
			if (s.global.stream().anyMatch(facts::applies)) {
				result.add(Set.of());
				continue;
			}
			Set<Long> kept = null;
			for (Long topic : topics) {
				List<Exclusion> own = s.byTopic.get(topic);
				if (own != null && own.stream().anyMatch(facts::applies)) {
					if (kept == null) kept = new HashSet<>(topics);
					kept.remove(topic);
				}
			}
			result.add(kept == null ? topics : Set.copyOf(kept));
		}
		return result;
	}

	private record Snapshot(List<Exclusion> global, Map<Long, List<Exclusion>> byTopic) {

		Snapshot(List<Exclusion> all) {
			this(all.stream().filter(Exclusion::workspaceWide).toList(), byTopic(all));
		}

		boolean isEmpty() {
			return global.isEmpty() && byTopic.isEmpty();
		}

		private static Map<Long, List<Exclusion>> byTopic(List<Exclusion> all) {
			Map<Long, List<Exclusion>> map = new HashMap<>();
			for (Exclusion e : all) {
				if (e.topicId() != null) map.computeIfAbsent(e.topicId(), t -> new ArrayList<>()).add(e);
			}
			map.replaceAll((t, l) -> List.copyOf(l));
			return Collections.unmodifiableMap(map);
		}
	}

	/** What exclusions look at in one document, worked out lazily. */
	private static final class Facts {

		private final MatchDocument document;

		private String author;

		private String host;

		private List<String> words;

		Facts(MatchDocument document) {
			this.document = document;
		}

		boolean applies(Exclusion e) {
			return switch (e.kind().target) {
				case AUTHOR -> {
					if (author == null) author = document.authorHandle() == null ? "" : MentionAnalysis.handle(document.authorHandle());
					yield !author.isEmpty() && author.equals(MentionAnalysis.handle(e.value()));
				}
				case DOMAIN -> {
					if (host == null) {
						String h = document.url() == null ? null : MentionAnalysis.host(document.url());
						host = h == null ? "" : h;
					}
					String d = e.value().toLowerCase(java.util.Locale.ROOT);
					yield !host.isEmpty() && (host.equals(d) || host.endsWith("." + d));
				}
				case WORDS -> {
					if (words == null) {
						words = new ArrayList<>(TokenizedText.tokenize(document.title()));
						words.addAll(TokenizedText.tokenize(document.text()));
					}
					yield Collections.indexOfSubList(words, TokenizedText.tokenize(e.value())) >= 0;
				}
			};
		}
	}
}
