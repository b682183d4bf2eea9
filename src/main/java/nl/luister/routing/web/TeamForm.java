package nl.luister.routing.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.luister.channel.Channel;
import nl.luister.routing.InvalidTeam;
import nl.luister.routing.Team;

/** The team form as posted: languages as text (commas or spaces), the rest as check boxes; missing fields are {@code null}. */
public record TeamForm(String name, String languages, List<String> channels, List<Long> brands, List<Long> members) {

	static TeamForm empty() {
		return new TeamForm("", "", List.of(), List.of(), List.of());
	}

	static TeamForm of(Team t) {
		return new TeamForm(t.name(), String.join(", ", t.languages().stream().sorted().toList()),
				t.channels().stream().map(Channel::name).sorted().toList(), t.brandIds().stream().sorted().toList(), t.memberIds());
	}

	/** @throws InvalidTeam naming the field at fault */
	Team toTeam(long id) {
		Set<Channel> ch = new LinkedHashSet<>();
		for (String c : channels == null ? List.<String> of() : channels) {
			try {
				ch.add(Channel.parse(c));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidTeam("channels", "routing.error.channel");
			}
		}
		Set<String> langs = languages == null || languages.isBlank() ? Set.of()
				: new LinkedHashSet<>(Arrays.stream(languages.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
		return new Team(id, name, langs, ch, brands == null ? Set.of() : Set.copyOf(brands), members == null ? List.of() : members);
	}

	public boolean has(List<?> values, Object value) {
		return values != null && values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(value)));
	}
}
