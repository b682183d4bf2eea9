package nl.luister.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.luister.channel.Channel;
import nl.luister.triage.CaseFacts;

/**
 * When a rule applies. Every condition that is set must hold (AND); within one condition any listed value will do
 * (OR). Empty sets, empty lists and {@code null} mean "any". Immutable; normalised on construction (languages,
 * sentiments and intents lower-case, words stripped and lower-case, blanks dropped).
 *
 * @param sentiments negative, neutral, positive (of the newest customer message)
 * @param intents    complaint, question, praise (any message of the case)
 * @param minTier    the author's influence tier is at least this (1–5); an author without a tier never matches
 * @param words      the newest customer message contains any of these (case-insensitive)
 * @param minRepeat  the person had at least this many earlier complaint cases in the repeat window
 * @param hours      a weekly window; {@code null} for any time
 * @param sourceIds  the account or source the case came in on
 */
public record RuleConditions(Set<Channel> channels, Set<Long> topicIds, Set<String> languages, Set<String> sentiments,
		Set<String> intents, Integer minTier, List<String> words, Integer minRepeat, BusinessHours hours, Set<Long> sourceIds) {

	static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
	static final Set<String> INTENTS = Set.of("complaint", "question", "praise");

	public RuleConditions {
		channels = channels == null ? Set.of() : Set.copyOf(channels);
		topicIds = topicIds == null ? Set.of() : Set.copyOf(topicIds);
		sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
		languages = lower(languages);
		sentiments = lower(sentiments);
		intents = lower(intents);
		words = words == null ? List.of() : words.stream().filter(w -> w != null && !w.isBlank())
			.map(w -> w.strip().toLowerCase(Locale.ROOT)).distinct().toList();
		if (!SENTIMENTS.containsAll(sentiments)) throw new InvalidRule("sentiments", "rules.error.sentiment");
		if (!INTENTS.containsAll(intents)) throw new InvalidRule("intents", "rules.error.intent");
		if (minTier != null && (minTier < 1 || minTier > 5)) throw new InvalidRule("minTier", "rules.error.tier");
		if (minRepeat != null && (minRepeat < 0 || minRepeat > 100)) throw new InvalidRule("minRepeat", "rules.error.repeat");
		if (words.size() > 100 || words.stream().anyMatch(w -> w.length() > 100)) throw new InvalidRule("words", "rules.error.words");
		if (languages.stream().anyMatch(l -> !l.matches("[a-z]{2,3}"))) throw new InvalidRule("languages", "rules.error.language");
	}

	/** No condition at all: matches every case. */
	public static RuleConditions any() {
		return new RuleConditions(null, null, null, null, null, null, null, null, null, null);
	}

	/** Whether the case meets every condition that is set. */
	public boolean matches(CaseFacts f) {
		if (!channels.isEmpty() && !channels.contains(f.channel())) return false;
		if (!topicIds.isEmpty() && f.topicIds().stream().noneMatch(topicIds::contains)) return false;
		if (!languages.isEmpty() && (f.language() == null || !languages.contains(f.language().toLowerCase(Locale.ROOT)))) return false;
		if (!sentiments.isEmpty() && (f.sentiment() == null || !sentiments.contains(f.sentiment().toLowerCase(Locale.ROOT)))) return false;
		if (!intents.isEmpty() && !((intents.contains("complaint") && f.complaint()) || (intents.contains("question") && f.question())
				|| (intents.contains("praise") && f.praise()))) return false;
		if (minTier != null && (f.tier() == null || f.tier() < minTier)) return false;
		if (minRepeat != null && f.repeatCount() < minRepeat) return false;
		if (!sourceIds.isEmpty() && !sourceIds.contains(f.sourceId())) return false;
		if (!words.isEmpty()) {
			if (f.lastText() == null) return false;
			String text = f.lastText().toLowerCase(Locale.ROOT);
			if (words.stream().noneMatch(text::contains)) return false;
		}
		if (hours != null && !hours.matches(f.lastAt() != null ? f.lastAt() : java.time.Instant.now())) return false;
		return true;
	}

	private static Set<String> lower(Set<String> values) {
		if (values == null) return Set.of();
		return values.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.strip().toLowerCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}
}
