package nl.luister.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityScoringTests {

	final SeverityScoring scoring = new SeverityScoring(Duration.ofMinutes(10), List.of("vip", "Gold"));

	static CaseFacts facts(String sentiment, boolean complaint, Integer tier, String segment, int repeat, int recent, int authors) {
		return new CaseFacts(1, Channel.MASTODON, 1, null, Set.of(), "nl", sentiment, complaint, false, false, tier, segment, 7L,
				repeat, repeat > 0 ? 3L : null, recent, authors, "text", Instant.parse("2026-11-20T10:00:00Z"), null, false, List.of());
	}

	@Test
	void aNeutralQuestionFromAnOrdinaryPersonIsSeverityOneForAnyAgentInformingNobody() {
		CaseFacts f = new CaseFacts(1, Channel.FORUM, 1, null, Set.of(), "nl", "NEUTRAL", false, true, false, 1, null, 7L, 0, null, 1, 1,
				"waar is mijn pakket?", Instant.now(), null, false, List.of());
		Triaged t = scoring.score(f);
		assertThat(t.severity()).isEqualTo(1);
		assertThat(t.reasons()).extracting(Reason::code).containsExactly("base", "question", "tierLow");
		Recommendation r = scoring.recommend(f, t);
		assertThat(r.handler()).isEqualTo("agent");
		assertThat(r.inform()).isEmpty();
		assertThat(r.notNeeded()).containsExactly("lead", "communications", "management");
	}

	@Test
	void aNegativeComplaintIsThreeAndStaysWithAnAgent() {
		CaseFacts f = facts("NEGATIVE", true, 2, null, 0, 1, 1);
		Triaged t = scoring.score(f);
		assertThat(t.severity()).isEqualTo(3);
		assertThat(t.reasons()).extracting(Reason::code).containsExactly("base", "negative", "complaint", "tierLow");
		assertThat(scoring.recommend(f, t).inform()).isEmpty();
	}

	@Test
	void influenceAddsOneForTierFourAndTwoForTierFiveCappedAtFive() {
		assertThat(scoring.score(facts("NEGATIVE", true, 4, null, 0, 1, 1)).severity()).isEqualTo(4);
		Triaged five = scoring.score(facts("NEGATIVE", true, 5, "vip", 0, 1, 1));
		assertThat(five.severity()).isEqualTo(5);
		assertThat(five.reasons()).extracting(Reason::code).contains("tier", "segment");
	}

	@Test
	void aTierFourComplaintGoesToAnExperiencedAgentInformingTheLeadAndCommunications() {
		CaseFacts f = facts("NEGATIVE", true, 4, null, 0, 1, 1);
		Recommendation r = scoring.recommend(f, scoring.score(f));
		assertThat(r.handler()).isEqualTo("senior");
		assertThat(r.inform()).containsExactly("lead", "communications");
		assertThat(r.notNeeded()).containsExactly("management");
	}

	@Test
	void aSpreadingConversationAddsOneFromHalfAMessageAMinuteAndTwoFromTwo() {
		assertThat(scoring.score(facts("NEUTRAL", false, null, null, 0, 5, 3)).severity()).isEqualTo(2);
		Triaged fast = scoring.score(facts("NEUTRAL", false, null, null, 0, 25, 9));
		assertThat(fast.severity()).isEqualTo(3);
		assertThat(fast.reasons()).extracting(Reason::code, Reason::arg).contains(org.assertj.core.groups.Tuple.tuple("spreadingFast", "2.5"));
	}

	@Test
	void oneAuthorPostingOftenIsNotSpreading() {
		assertThat(scoring.score(facts("NEUTRAL", false, null, null, 0, 30, 1)).severity()).isEqualTo(1);
	}

	@Test
	void vipSegmentsCountCaseInsensitivelyOthersNot() {
		assertThat(scoring.score(facts("NEUTRAL", false, null, "GOLD", 0, 1, 1)).severity()).isEqualTo(2);
		assertThat(scoring.score(facts("NEUTRAL", false, null, "bronze", 0, 1, 1)).severity()).isEqualTo(1);
	}

	@Test
	void aSecondComplaintIsEscalatedAtHighestSeverityForTheLeadWithTheEarlierCase() {
		CaseFacts f = facts("NEUTRAL", true, 1, null, 1, 1, 1);
		Triaged t = scoring.score(f);
		assertThat(t.severity()).isEqualTo(5);
		assertThat(t.escalated()).isTrue();
		assertThat(t.newlyEscalated()).isTrue();
		assertThat(t.escalatedFrom()).isEqualTo(3L);
		Recommendation r = scoring.recommend(f, t);
		assertThat(r.handler()).isEqualTo("lead");
		assertThat(r.inform()).as("a repeat complaint of an ordinary customer needs no audience").isEmpty();
	}

	@Test
	void aQuestionAfterAnEarlierComplaintIsNotARepeatComplaint() {
		assertThat(scoring.score(facts("NEUTRAL", false, 1, null, 1, 1, 1)).escalated()).isFalse();
	}

	@Test
	void anEscalatedCaseStaysAtTheHighestSeverityWhenItIsUpdated() {
		CaseFacts f = new CaseFacts(1, Channel.EMAIL, 1, null, Set.of(), "nl", "POSITIVE", false, false, true, null, null, 7L, 0, null, 1, 1,
				"dank", Instant.now(), null, true, List.of());
		Triaged t = scoring.score(f);
		assertThat(t.severity()).isEqualTo(5);
		assertThat(t.reasons()).extracting(Reason::code).contains("stillEscalated");
	}

	@Test
	void anAlreadyEscalatedCaseIsNotNewlyEscalatedAgain() {
		CaseFacts f = new CaseFacts(1, Channel.EMAIL, 1, null, Set.of(), "nl", "NEGATIVE", true, false, false, null, null, 7L, 1, 3L, 1, 1,
				"x", Instant.now(), null, true, List.of());
		Triaged t = scoring.score(f);
		assertThat(t.escalated()).isTrue();
		assertThat(t.newlyEscalated()).isFalse();
	}
}
