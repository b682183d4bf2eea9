package nl.luister.noise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.cases.CasesChanged;
import nl.luister.mention.StoredMention;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups near-identical mentions (copy-paste storms, retweets, syndicated news) as the pipeline stores them, and
 * decides which of them stay out of cases.
 *
 * <p>The rule: a mention that is a near-duplicate of an earlier one (within {@link NoiseProperties#duplicateWindow()})
 * joins that mention's group. An <em>overheard</em> duplicate stays quiet — it is stored, tagged with its topics and
 * counted as "N similar" on the group's case, but opens no case and joins none — once another member of its group
 * reached cases. A duplicate <em>addressed</em> to the organisation (support mail, a DM, a mention of its account)
 * is never quiet: a person who writes to us gets an answer even when their words are copied. Replies to a message
 * of a case still join that case.
 *
 * <p>Lookups go by SimHash band and by shingle key (see {@link TextFingerprint} and {@link ShingleSketch}) through
 * the database indexes (only groups are indexed, not their members; at most a few of the newest groups per key), so
 * a storm of thousands of copies costs two indexed look-ups per batch, not a scan. A news item's title is
 * fingerprinted apart from its text: outlets that carry one article write their own headlines. Called from the
 * pipeline thread, inside the batch's transaction; the in-memory index lives for one batch.
 */
@Service
public class NearDuplicates {

	private final DuplicateGroups groups;

	private final NoiseProperties properties;

	private final ApplicationEventPublisher events;

	NearDuplicates(DuplicateGroups groups, NoiseProperties properties, ApplicationEventPublisher events) {
		this.groups = groups;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Puts freshly stored mentions into duplicate groups; joins the caller's transaction.
	 *
	 * @param mentions     the stored mentions of a batch, none {@code null}
	 * @param reachesCases at the same index: whether the mention would reach cases on its own (addressed or matched)
	 * @return at the same index: whether the mention is an overheard duplicate that must not reach cases
	 */
	@Transactional
	public boolean[] group(List<StoredMention> mentions, List<Boolean> reachesCases) {
		boolean[] quiet = new boolean[mentions.size()];
		if (!properties.duplicates() || mentions.isEmpty()) return quiet;
		DuplicateIndex index = new DuplicateIndex(properties.maxDistance(), properties.minWords(), properties.duplicateWindow());
		List<TextFingerprint> fingerprints = new ArrayList<>(mentions.size());
		List<TextFingerprint> eligible = new ArrayList<>();
		Instant from = Instant.MAX, to = Instant.MIN;
		for (StoredMention m : mentions) {
			TextFingerprint fp = TextFingerprint.of(m.title(), m.text());
			fingerprints.add(fp);
			if (index.eligible(fp)) {
				eligible.add(fp);
				if (m.publishedAt().isBefore(from)) from = m.publishedAt();
				if (m.publishedAt().isAfter(to)) to = m.publishedAt();
			}
		}
		if (eligible.isEmpty()) return quiet;
		List<DuplicateIndex.Group> touched = new ArrayList<>();
		Map<Long, DuplicateIndex.Group> loaded = new java.util.HashMap<>();
		Instant since = from.minus(properties.duplicateWindow()), until = to.plus(properties.duplicateWindow());
		for (DuplicateIndex.Group g : groups.candidates(eligible, since, until, properties.minWords())) {
			loaded.put(g.id, g);
			index.add(g);
			touched.add(g);
		}
		long[] keys = eligible.stream().flatMapToLong(fp -> java.util.Arrays.stream(fp.sketch().keys())).distinct().toArray();
		for (DuplicateGroups.Keyed k : groups.candidatesByKey(keys, since, until, properties.minWords())) {
			DuplicateIndex.Group g = loaded.get(k.group().id);
			if (g == null) {
				g = k.group();
				loaded.put(g.id, g);
				index.add(g);
				touched.add(g);
			}
			index.addKey(k.key(), g);
		}
		List<Long> memberIds = new ArrayList<>(), memberGroups = new ArrayList<>();
		Integer[] order = new Integer[mentions.size()];
		for (int i = 0; i < order.length; i++) order[i] = i;
		// in time order, so the first copy of a storm leads its group whatever order the batch came in
		java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> mentions.get(i).publishedAt())
			.thenComparing(i -> mentions.get(i).id()));
		for (int i : order) {
			StoredMention m = mentions.get(i);
			TextFingerprint fp = fingerprints.get(i);
			if (!index.eligible(fp)) continue;
			DuplicateIndex.Group g = index.find(fp, m.publishedAt());
			if (g == null) {
				g = new DuplicateIndex.Group(m.id(), fp, m.publishedAt(), m.publishedAt(), null, true);
				g.reachesCases = reachesCases.get(i);
				index.add(g);
				touched.add(g);
				continue;
			}
			g.join(m.publishedAt());
			memberIds.add(m.id());
			memberGroups.add(g.id);
			boolean groupHasCase = g.caseId != null || g.reachesCases;
			quiet[i] = !m.addressed() && groupHasCase;
			if (!quiet[i] && reachesCases.get(i)) g.reachesCases = true;
		}
		groups.save(touched, memberIds.stream().mapToLong(Long::longValue).toArray(), memberGroups.stream().mapToLong(Long::longValue).toArray());
		// a case whose group grew shows a new "+N similar": the live inbox redraws it
		Set<Long> grown = new java.util.HashSet<>();
		for (DuplicateIndex.Group g : touched) {
			if (g.caseId != null && g.added > 0) grown.add(g.caseId);
		}
		if (!grown.isEmpty()) events.publishEvent(new CasesChanged(Set.of(), Set.copyOf(grown)));
		return quiet;
	}

	/** After the batch's mentions were threaded: each group without a case adopts its first member's case. */
	@Transactional
	public void casesAttached(List<Long> mentionIds) {
		if (!properties.duplicates()) return;
		groups.adoptCases(mentionIds.stream().mapToLong(Long::longValue).toArray());
	}

	/** Of these mentions, the later group members whose group already has a case (a backfill leaves them quiet). */
	public Set<Long> quietMembers(List<Long> mentionIds) {
		return groups.quietMembers(mentionIds.stream().mapToLong(Long::longValue).toArray());
	}

	/** How many similar mentions each case stands for beyond its own, by case id (cases without any are absent). */
	public Map<Long, Integer> similarCounts(List<Long> caseIds) {
		return groups.similarCounts(caseIds.stream().mapToLong(Long::longValue).toArray());
	}

	/** How many similar mentions the case stands for beyond its own (0 when none). */
	public int similarCount(long caseId) {
		return similarCounts(List.of(caseId)).getOrDefault(caseId, 0);
	}

	/** The similar mentions grouped under a case that are not in the case themselves, newest first. */
	public List<StoredMention> similarOf(long caseId, int limit) {
		return groups.similarOf(caseId, limit);
	}
}
