package nl.luister.rules;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RuleJsonTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void conditionsAndActionsSurviveTheirJsonForm() {
		RuleConditions when = new RuleConditions(Set.of(Channel.EMAIL), Set.of(3L), Set.of("nl"), Set.of("negative"), Set.of("complaint"), 4,
				List.of("kwijt"), 1, new BusinessHours(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 30), "Europe/Amsterdam", false),
				Set.of(8L));
		RuleActions then = new RuleActions(5, List.of("vip"), true, true, 2L, 6L, true, "Dank!");

		assertThat(json.readValue(json.writeValueAsString(when), RuleConditions.class)).isEqualTo(when);
		assertThat(json.readValue(json.writeValueAsString(then), RuleActions.class)).isEqualTo(then);
	}

	@Test
	void missingPartsOfAPostedRuleMeanAnyAndNot() {
		RuleConditions when = json.readValue("{\"intents\": [\"complaint\"], \"minTier\": 3}", RuleConditions.class);
		RuleActions then = json.readValue("{\"severity\": 4, \"tags\": [\"api\"]}", RuleActions.class);

		assertThat(when.channels()).isEmpty();
		assertThat(when.minTier()).isEqualTo(3);
		assertThat(then.escalate()).isFalse();
		assertThat(then.assignToTeam()).isNull();
		assertThat(json.readValue("{\"assignToTeam\": 3}", RuleActions.class).assignToTeam()).isEqualTo(3L);
		assertThat(then.tags()).containsExactly("api");
	}
}
