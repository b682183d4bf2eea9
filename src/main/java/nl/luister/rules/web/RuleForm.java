package nl.luister.rules.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import nl.luister.channel.Channel;
import nl.luister.rules.BusinessHours;
import nl.luister.rules.InvalidRule;
import nl.luister.rules.Rule;
import nl.luister.rules.RuleActions;
import nl.luister.rules.RuleConditions;

/**
 * The rule form as posted: lists for the check boxes, text for words, languages and tags (separated by commas or
 * new lines). Missing fields are {@code null}. Turned into the typed rule by {@link #conditions()} and
 * {@link #actions()}, which throw {@link InvalidRule} naming the field at fault.
 */
public record RuleForm(String name, List<String> channels, List<Long> topics, String languages, List<String> sentiments,
		List<String> intents, Integer minTier, String words, Integer minRepeat, Boolean hours, List<String> days, String from,
		String to, String zone, String hoursMode, List<Long> sources, Integer severity, String tags, Boolean escalate,
		Boolean notifyLead, Long assignTo, Long assignToTeam, Boolean requireApproval, String acknowledgement, Integer tryLimit,
		Long acknowledgementTemplate) {

	static RuleForm empty() {
		return new RuleForm("", List.of(), List.of(), "", List.of(), List.of(), null, "", null, false,
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "09:00", "17:00", "Europe/Amsterdam", "inside",
				List.of(), null, "", false, false, null, null, false, "", 50, null);
	}

	static RuleForm of(Rule r) {
		RuleConditions w = r.when();
		RuleActions a = r.then();
		BusinessHours h = w.hours();
		return new RuleForm(r.name(), w.channels().stream().map(Channel::name).sorted().toList(), w.topicIds().stream().sorted().toList(),
				String.join(", ", w.languages().stream().sorted().toList()), List.copyOf(w.sentiments()), List.copyOf(w.intents()),
				w.minTier(), String.join("\n", w.words()), w.minRepeat(), h != null,
				h == null ? List.of() : h.days().stream().map(DayOfWeek::name).toList(), h == null ? "09:00" : h.from().toString(),
				h == null ? "17:00" : h.to().toString(), h == null ? "Europe/Amsterdam" : h.zone(), h == null || h.inside() ? "inside" : "outside",
				w.sourceIds().stream().sorted().toList(), a.severity(), String.join(", ", a.tags()), a.escalate(), a.notifyLead(),
				a.assignTo(), a.assignToTeam(), a.requireApproval(), a.acknowledgement() == null ? "" : a.acknowledgement(), 50,
				a.acknowledgementTemplate());
	}

	RuleConditions conditions() {
		Set<Channel> ch = new LinkedHashSet<>();
		for (String c : list(channels)) {
			try {
				ch.add(Channel.parse(c));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRule("channels", "rules.error.channel");
			}
		}
		BusinessHours window = null;
		if (Boolean.TRUE.equals(hours)) {
			Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
			try {
				for (String day : list(days)) d.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
				window = new BusinessHours(d, LocalTime.parse(from.strip()), LocalTime.parse(to.strip()),
						zone == null ? "" : zone.strip(), !"outside".equals(hoursMode));
			}
			catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
				if (e instanceof InvalidRule invalid) throw invalid;
				throw new InvalidRule("hours", "rules.error.hours");
			}
		}
		return new RuleConditions(ch, Set.copyOf(list(topics)), Set.copyOf(split(languages)), Set.copyOf(list(sentiments)),
				Set.copyOf(list(intents)), minTier, split(words), minRepeat, window, Set.copyOf(list(sources)));
	}

	RuleActions actions() {
		return new RuleActions(severity, split(tags), Boolean.TRUE.equals(escalate), Boolean.TRUE.equals(notifyLead), assignTo, assignToTeam,
				Boolean.TRUE.equals(requireApproval), acknowledgement, acknowledgementTemplate);
	}

	public boolean has(List<?> values, Object value) {
		return values != null && values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(value)));
	}

	private static <T> List<T> list(List<T> values) {
		return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
	}

	/** Splits on commas and new lines; a word may hold spaces ("niet ontvangen"). */
	static List<String> split(String text) {
		if (text == null || text.isBlank()) return List.of();
		return Arrays.stream(text.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
			.collect(Collectors.toList());
	}
}
