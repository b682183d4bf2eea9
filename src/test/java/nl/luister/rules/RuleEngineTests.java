package nl.luister.rules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;
import nl.luister.rules.RuleEngine.Action;
import nl.luister.rules.RuleEngine.Effect;
import nl.luister.triage.CaseFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleEngineTests {

	// Friday 20 November 2026, 10:00 in Amsterdam
	static final Instant FRIDAY_MORNING = Instant.parse("2026-11-20T09:00:00Z");

	static CaseFacts anna() {
		return new CaseFacts(11, Channel.MASTODON, 3, "WEBCARE", Set.of(5L), "nl", "NEGATIVE", true, false, false, 4, "gold", 7L, 1, 9L,
				1, 1, "KoerierSnel, mijn Pakket is KWIJT!", FRIDAY_MORNING, null, false, List.of());
	}

	static RuleConditions when(Set<Channel> channels, Set<Long> topics, Set<String> languages, Set<String> sentiments, Set<String> intents,
			Integer minTier, List<String> words, Integer minRepeat, BusinessHours hours, Set<Long> sources) {
		return new RuleConditions(channels, topics, languages, sentiments, intents, minTier, words, minRepeat, hours, sources);
	}

	static RuleActions severity(int s) {
		return new RuleActions(s, null, false, false, null, false, null);
	}

	static Rule rule(long id, String name, RuleConditions when, RuleActions then) {
		return new Rule(id, name, (int) id, true, when, then, null);
	}

	@Test
	void noConditionsMatchesEveryCase() {
		assertThat(RuleConditions.any().matches(anna())).isTrue();
	}

	@Test
	void channelConditionMatchesListedChannelsOnly() {
		assertThat(when(Set.of(Channel.MASTODON, Channel.EMAIL), null, null, null, null, null, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(Set.of(Channel.EMAIL), null, null, null, null, null, null, null, null, null).matches(anna())).isFalse();
	}

	@Test
	void topicConditionMatchesWhenAnyMessageHasTheTopic() {
		assertThat(when(null, Set.of(5L, 6L), null, null, null, null, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(null, Set.of(6L), null, null, null, null, null, null, null, null).matches(anna())).isFalse();
	}

	@Test
	void languageConditionIsCaseInsensitive() {
		assertThat(when(null, null, Set.of("NL"), null, null, null, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, Set.of("en"), null, null, null, null, null, null, null).matches(anna())).isFalse();
	}

	@Test
	void sentimentConditionMatchesTheNewestMessagesTone() {
		assertThat(when(null, null, null, Set.of("negative"), null, null, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, Set.of("positive", "neutral"), null, null, null, null, null, null).matches(anna())).isFalse();
	}

	@Test
	void intentConditionMatchesAnyListedIntent() {
		assertThat(when(null, null, null, null, Set.of("question", "complaint"), null, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, Set.of("praise"), null, null, null, null, null).matches(anna())).isFalse();
	}

	@Test
	void tierConditionNeedsAtLeastThatTierAndAKnownTier() {
		assertThat(when(null, null, null, null, null, 4, null, null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, null, 5, null, null, null, null).matches(anna())).isFalse();
		CaseFacts unknown = new CaseFacts(1, Channel.EMAIL, 3, null, Set.of(), null, null, false, false, false, null, null, null, 0, null, 0,
				0, null, null, null, false, List.of());
		assertThat(when(null, null, null, null, null, 1, null, null, null, null).matches(unknown)).isFalse();
	}

	@Test
	void wordsConditionMatchesAnyWordCaseInsensitivelyInTheNewestMessage() {
		assertThat(when(null, null, null, null, null, null, List.of("boos", "kwijt"), null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, null, null, List.of("  pakket is "), null, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, null, null, List.of("advocaat"), null, null, null).matches(anna())).isFalse();
	}

	@Test
	void repeatConditionCountsEarlierComplaints() {
		assertThat(when(null, null, null, null, null, null, null, 1, null, null).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, null, null, null, 2, null, null).matches(anna())).isFalse();
	}

	@Test
	void sourceConditionMatchesTheAccountTheCaseCameIn() {
		assertThat(when(null, null, null, null, null, null, null, null, null, Set.of(3L)).matches(anna())).isTrue();
		assertThat(when(null, null, null, null, null, null, null, null, null, Set.of(4L)).matches(anna())).isFalse();
	}

	@Test
	void conditionsAreCombinedWithAnd() {
		assertThat(when(Set.of(Channel.MASTODON), null, null, null, null, 5, null, null, null, null).matches(anna())).isFalse();
		assertThat(when(Set.of(Channel.MASTODON), null, Set.of("nl"), Set.of("negative"), Set.of("complaint"), 4, List.of("kwijt"), 1, null,
				Set.of(3L)).matches(anna())).isTrue();
	}

	@Test
	void businessHoursAreWeekdaysAndTimesInTheRulesZone() {
		BusinessHours office = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
				"Europe/Amsterdam", true);
		assertThat(office.contains(FRIDAY_MORNING)).as("10:00 in Amsterdam").isTrue();
		assertThat(office.contains(Instant.parse("2026-11-20T07:30:00Z"))).as("08:30 in Amsterdam").isFalse();
		assertThat(office.contains(Instant.parse("2026-11-20T16:00:00Z"))).as("17:00 is closed").isFalse();
		assertThat(office.contains(Instant.parse("2026-11-21T10:00:00Z"))).as("Saturday").isFalse();
		BusinessHours newYork = new BusinessHours(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), "America/New_York", true);
		assertThat(newYork.contains(FRIDAY_MORNING)).as("04:00 in New York").isFalse();
	}

	@Test
	void outsideHoursMatchesWhenTheWindowIsClosed() {
		BusinessHours closed = new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
				"Europe/Amsterdam", false);
		assertThat(when(null, null, null, null, null, null, null, null, closed, null).matches(anna())).isFalse();
		assertThat(closed.matches(Instant.parse("2026-11-22T12:00:00Z"))).as("Sunday").isTrue();
	}

	@Test
	void aWindowPastMidnightBelongsToTheDayItStarts() {
		BusinessHours night = new BusinessHours(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), "UTC", true);
		assertThat(night.contains(Instant.parse("2026-11-20T23:00:00Z"))).isTrue();
		assertThat(night.contains(Instant.parse("2026-11-21T05:00:00Z"))).as("Saturday early is Friday's night").isTrue();
		assertThat(night.contains(Instant.parse("2026-11-20T05:00:00Z"))).as("Friday early is Thursday's night").isFalse();
	}

	@Test
	void everyActionBecomesAnEffectInTheDocumentedOrder() {
		RuleActions all = new RuleActions(2, List.of("vip", "pers"), true, true, 42L, true, "We kijken ernaar.");
		List<Effect> effects = RuleEngine.evaluate(List.of(rule(1, "All", RuleConditions.any(), all)), anna());
		assertThat(effects).extracting(Effect::action).containsExactly(Action.SEVERITY, Action.TAG, Action.TAG, Action.ESCALATE, Action.NOTIFY,
				Action.ASSIGN, Action.APPROVAL, Action.ACKNOWLEDGE);
		assertThat(effects).extracting(Effect::value).containsExactly("2", "vip", "pers", null, null, "42", null, "We kijken ernaar.");
	}

	@Test
	void rulesThatDoNotMatchDoNothing() {
		assertThat(RuleEngine.evaluate(List.of(rule(1, "Email", when(Set.of(Channel.EMAIL), null, null, null, null, null, null, null, null, null),
				severity(5))), anna())).isEmpty();
	}

	@Test
	void onTheSameFieldTheLaterRuleWinsAndNamesTheRuleItOverrides() {
		List<Effect> effects = RuleEngine.evaluate(List.of(
				rule(1, "Influencer", RuleConditions.any(), new RuleActions(5, List.of("a"), false, false, 1L, false, null)),
				rule(2, "Calm down", RuleConditions.any(), new RuleActions(2, List.of("b"), false, false, 2L, false, null))), anna());
		assertThat(effects).filteredOn(e -> e.action() == Action.SEVERITY).singleElement()
			.satisfies(e -> {
				assertThat(e.ruleName()).isEqualTo("Calm down");
				assertThat(e.value()).isEqualTo("2");
				assertThat(e.overrides()).isEqualTo("Influencer: 5");
			});
		assertThat(effects).filteredOn(e -> e.action() == Action.ASSIGN).singleElement().extracting(Effect::value).isEqualTo("2");
		assertThat(effects).filteredOn(e -> e.action() == Action.TAG).extracting(Effect::value).containsExactly("a", "b");
	}

	@Test
	void teamAssignmentComesAfterTheAgentAndTheLaterRuleWins() {
		Rule toAgent = rule(1, "To Bob", RuleConditions.any(), new RuleActions(null, null, false, false, 7L, 3L, true, null));
		Rule toTeam = rule(2, "To English", RuleConditions.any(), new RuleActions(null, null, false, false, null, 4L, false, null));

		List<Effect> effects = RuleEngine.evaluate(List.of(toAgent, toTeam), anna());

		assertThat(effects).extracting(Effect::action).containsExactly(Action.ASSIGN, Action.APPROVAL, Action.TEAM);
		assertThat(effects).filteredOn(e -> e.action() == Action.TEAM).singleElement().satisfies(e -> {
			assertThat(e.value()).isEqualTo("4");
			assertThat(e.overrides()).isEqualTo("To Bob: 3");
		});
		assertThat(RuleEngine.evaluate(List.of(toAgent), anna())).extracting(Effect::action)
			.as("the documented order: assign, team, approval").containsExactly(Action.ASSIGN, Action.TEAM, Action.APPROVAL);
		assertThat(new RuleActions(null, null, false, false, null, 4L, false, null).any()).isTrue();
	}

	@Test
	void hostileValuesAreKeptAsPlainTextNotInterpreted() {
		RuleActions a = new RuleActions(null, List.of("<img src=x onerror=alert(1)>"), false, false, null, false, "<script>alert(1)</script>");
		assertThat(a.tags()).containsExactly("<img src=x onerror=alert(1)>");
		RuleConditions c = when(null, null, null, null, null, null, List.of("<b>KWIJT</b>"), null, null, null);
		assertThat(c.words()).containsExactly("<b>kwijt</b>");
		assertThat(c.matches(anna())).isFalse();
	}

	@Test
	void invalidValuesAreRefusedNamingTheField() {
		assertThatThrownBy(() -> severity(6)).isInstanceOf(InvalidRule.class).extracting("field").isEqualTo("severity");
		assertThatThrownBy(() -> when(null, null, null, Set.of("furious"), null, null, null, null, null, null))
			.isInstanceOf(InvalidRule.class).extracting("field").isEqualTo("sentiments");
		assertThatThrownBy(() -> when(null, null, null, null, null, 0, null, null, null, null)).isInstanceOf(InvalidRule.class);
		assertThatThrownBy(() -> when(null, null, Set.of("<nl>"), null, null, null, null, null, null, null)).isInstanceOf(InvalidRule.class);
		assertThatThrownBy(() -> new BusinessHours(EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.MIDNIGHT, "Mars/Olympus", true))
			.isInstanceOf(InvalidRule.class).extracting("field").isEqualTo("zone");
		assertThatThrownBy(() -> new RuleActions(null, List.of("x".repeat(41)), false, false, null, false, null)).isInstanceOf(InvalidRule.class);
	}
}
