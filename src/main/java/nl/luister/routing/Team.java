package nl.luister.routing;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.luister.channel.Channel;

/**
 * A team of agents and the cases it takes. Each skill set limits the cases the team matches; an empty set means
 * "any". Immutable; validated on construction ({@link InvalidTeam} names the field).
 *
 * @param id        the team's id ({@code 0} before it is stored)
 * @param name      1–100 characters, unique
 * @param languages language codes ({@code nl}, {@code en}), at most 20
 * @param channels  channels, at most all of them
 * @param brandIds  ids of brands (a case's brand is its topic's brand), at most 100
 * @param memberIds user ids of the members, at most 500
 */
public record Team(long id, String name, Set<String> languages, Set<Channel> channels, Set<Long> brandIds, List<Long> memberIds) {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	public Team {
		name = name == null ? "" : name.strip();
		if (name.isEmpty() || name.length() > 100) throw new InvalidTeam("name", "routing.error.name");
		languages = languages == null ? Set.of() : Set.copyOf(new TreeSet<>(languages.stream().filter(l -> l != null && !l.isBlank())
			.map(l -> l.strip().toLowerCase(java.util.Locale.ROOT)).toList()));
		if (languages.size() > 20 || languages.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
			throw new InvalidTeam("languages", "routing.error.languages");
		}
		channels = channels == null ? Set.of() : Set.copyOf(channels);
		brandIds = brandIds == null ? Set.of() : Set.copyOf(brandIds);
		if (brandIds.size() > 100) throw new InvalidTeam("brands", "routing.error.brands");
		memberIds = memberIds == null ? List.of() : memberIds.stream().distinct().sorted().toList();
		if (memberIds.size() > 500) throw new InvalidTeam("members", "routing.error.members");
	}

	/**
	 * How well this team fits a case: {@code -1} when a skill rules the case out, otherwise the number of skills that
	 * are set and match (a more specific team fits better). An unknown value ({@code null} language or brand) neither
	 * rules a case out nor counts.
	 */
	public int fit(String language, Channel channel, Long brandId) {
		int score = 0;
		if (!languages.isEmpty() && language != null) {
			if (!languages.contains(language)) return -1;
			score++;
		}
		if (!channels.isEmpty() && channel != null) {
			if (!channels.contains(channel)) return -1;
			score++;
		}
		if (!brandIds.isEmpty() && brandId != null) {
			if (!brandIds.contains(brandId)) return -1;
			score++;
		}
		return score;
	}

	/** The same team with other members. */
	public Team withMembers(Collection<Long> members) {
		return new Team(id, name, languages, channels, brandIds, List.copyOf(members));
	}
}
