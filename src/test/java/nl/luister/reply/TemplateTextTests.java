package nl.luister.reply;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTextTests {

	@Test
	void fillsEveryVariableOnce() {
		TemplateText t = TemplateText.parse("Hoi {{customer.first_name}}, {{ agent.first_name }} van {{brand}} (zaak {{case.number}})");
		assertThat(t.variables()).containsExactly("customer.first_name", "agent.first_name", "brand", "case.number");
		assertThat(t.render(Map.of("customer.first_name", "Anna", "agent.first_name", "Bob", "brand", "KoerierSnel", "case.number", "12")))
			.isEqualTo("Hoi Anna, Bob van KoerierSnel (zaak 12)");
	}

	@Test
	void refusesAnUnknownVariableAtItsColumnWithTheClosestKnownOne() {
		assertThatThrownBy(() -> TemplateText.parse("Dag {{klant.naam}}"))
			.isInstanceOfSatisfying(InvalidTemplate.class, e -> {
				assertThat(e.column()).isEqualTo(5);
				assertThat(e.hint()).contains("known variables: {{customer.name}}");
			});
		assertThatThrownBy(() -> TemplateText.parse("Hi {{agent.fist_name}}"))
			.isInstanceOfSatisfying(InvalidTemplate.class, e -> assertThat(e.hint()).startsWith("did you mean {{agent.first_name}}?"));
		assertThatThrownBy(() -> TemplateText.parse("Hi {{customer.name and {{brand}}"))
			.isInstanceOfSatisfying(InvalidTemplate.class, e -> assertThat(e.getMessage()).contains("not closed").contains("column 4"));
	}

	@Test
	void insertsHostileValuesAsPlainTextWithoutExpandingThem() {
		TemplateText t = TemplateText.parse("Hoi {{customer.name}}, groet {{agent.name}}");
		String rendered = t.render(Map.of("customer.name", "{{agent.name}} <script>alert(1)</script>\u0000\u202E\n", "agent.name", "Bob"));
		assertThat(rendered).isEqualTo("Hoi {{agent.name}} <script>alert(1)</script>, groet Bob");
	}

	@Test
	void capsLongValuesAndTheWholeText() {
		TemplateText t = TemplateText.parse("{{customer.name}}");
		assertThat(t.render(Map.of("customer.name", "x".repeat(5000)))).hasSize(TemplateText.MAX_VALUE);
		TemplateText many = TemplateText.parse("{{customer.name}}".repeat(100));
		assertThat(many.render(Map.of("customer.name", "y".repeat(500)))).hasSize(TemplateText.MAX_RENDERED);
	}

	@Test
	void aDraftNamesTheFieldAtFault() {
		assertThatThrownBy(() -> new TemplateDraft(null, "nl", " ", "", "Hoi")).isInstanceOfSatisfying(InvalidTemplate.class,
				e -> assertThat(e.field()).isEqualTo("name"));
		assertThatThrownBy(() -> new TemplateDraft(null, "dutch", "A", "", "Hoi")).isInstanceOfSatisfying(InvalidTemplate.class,
				e -> assertThat(e.field()).isEqualTo("language"));
	}

	@Test
	void signsShortPublicChannelsWithInitialsAndOthersWithTheSignature() {
		AgentProfile p = new AgentProfile(1, false, "Groet,\nAnna", null);
		assertThat(Signatures.sign("Hoi", p, "Anna de Vries", Channel.MASTODON)).isEqualTo("Hoi ^AV");
		assertThat(Signatures.sign("Hoi", p, "Anna de Vries", Channel.EMAIL)).isEqualTo("Hoi\n\nGroet,\nAnna");
		assertThat(Signatures.sign("Hoi ^AV", p, "Anna de Vries", Channel.TWITTER)).as("not twice").isEqualTo("Hoi ^AV");
		assertThat(Signatures.sign("Hoi", AgentProfile.none(1), "Anna", Channel.EMAIL)).isEqualTo("Hoi");
		assertThat(Signatures.sign("Hoi", new AgentProfile(1, false, null, "AdV"), "Anna", Channel.BLUESKY)).isEqualTo("Hoi ^AdV");
		assertThat(Templates.firstName("@anna_v")).isEqualTo("anna_v");
		assertThat(Templates.firstName("Anna de Vries")).isEqualTo("Anna");
	}
}
