package nl.luister.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.luister.channel.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks the shipped demo workspace (src/main/resources/demo) is complete and self-consistent. */
class DemoDataTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Set<String> DUTCH = Set.of("de", "het", "een", "ik", "niet", "mijn", "van", "nog", "wel", "maar",
			"ook", "naar", "bij", "dat", "je", "voor");

	private static final Set<String> ENGLISH = Set.of("the", "my", "and", "not", "of", "to", "it", "was", "for", "but",
			"with", "you", "this", "that");

	private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

	private static JsonNode workspace;

	private static List<String> lines;

	private static List<JsonNode> mentions;

	@BeforeAll
	static void load() throws IOException {
		workspace = JSON.readTree(resource("demo/workspace.json"));
		lines = resource("demo/mentions.jsonl").lines().filter(l -> !l.isBlank()).toList();
		mentions = new ArrayList<>();
		for (String line : lines) {
			mentions.add(JSON.readTree(line));
		}
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = DemoDataTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as("classpath resource %s", path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	@Test
	void workspaceDeclaresBrandTopicsAndImportSources() {
		assertThat(text(workspace, "brand")).isEqualTo("KoerierSnel");

		JsonNode topics = workspace.get("topics");
		assertThat(topics.size()).isGreaterThanOrEqualTo(5);
		Set<String> names = new HashSet<>();
		for (JsonNode topic : topics.values()) {
			assertThat(text(topic, "name")).isNotBlank();
			assertThat(text(topic, "query")).as("query of topic %s", text(topic, "name")).isNotBlank();
			assertThat(names.add(text(topic, "name"))).as("duplicate topic name").isTrue();
		}

		JsonNode sources = workspace.get("sources");
		assertThat(sources.size()).isGreaterThanOrEqualTo(5);
		for (JsonNode source : sources.values()) {
			assertThat(text(source, "key")).isNotBlank();
			assertThat(text(source, "type")).isEqualTo("import");
			assertThat(text(source, "name")).isNotBlank();
			Channel.parse(text(source, "channel"));
		}
	}

	@Test
	void everyLineIsACompleteMention() {
		Map<String, String> sourceChannels = new HashMap<>();
		for (JsonNode source : workspace.get("sources").values()) {
			sourceChannels.put(text(source, "key"), text(source, "channel"));
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < mentions.size(); i++) {
			JsonNode m = mentions.get(i);
			String where = "line " + (i + 1) + ": " + lines.get(i);
			assertThat(text(m, "id")).as(where).isNotBlank();
			assertThat(ids.add(text(m, "id"))).as("duplicate id at " + where).isTrue();
			assertThat(text(m, "text")).as(where).isNotBlank();
			assertThat(parseInstant(text(m, "publishedAt"))).as(where).isNotNull();
			assertThat(sourceChannels).as(where).containsKey(text(m, "source"));

			String channel = text(m, "channel");
			assertThat(Channel.parse(channel).key()).as(where).isEqualTo(channel);
			assertThat(channel).as("channel matches its source, " + where).isEqualTo(sourceChannels.get(text(m, "source")));

			JsonNode author = m.get("author");
			assertThat(author).as(where).isNotNull();
			assertThat(text(author, "handle")).as(where).isNotBlank();
			assertThat(text(author, "name")).as(where).isNotBlank();

			String url = text(m, "url");
			if (url != null) {
				URI uri = URI.create(url);
				assertThat(uri.getScheme()).as(where).isEqualTo("https");
				assertThat(uri.getHost()).as("only reserved .example hosts, " + where).endsWith(".example");
			}
		}
	}

	@Test
	void repliesPointAtEarlierMentions() {
		Map<String, Instant> published = new HashMap<>();
		for (JsonNode m : mentions) {
			published.put(text(m, "id"), parseInstant(text(m, "publishedAt")));
		}
		int replies = 0;
		for (JsonNode m : mentions) {
			String parent = text(m, "inReplyTo");
			if (parent == null) continue;
			replies++;
			assertThat(published).as("inReplyTo of %s", text(m, "id")).containsKey(parent);
			assertThat(published.get(parent)).as("%s answers an earlier mention", text(m, "id"))
				.isBefore(published.get(text(m, "id")));
		}
		assertThat(replies).as("reply chains").isGreaterThanOrEqualTo(15);
	}

	@Test
	void isLargeAndVariedEnoughForADemo() {
		assertThat(mentions).hasSizeGreaterThanOrEqualTo(300);

		Set<String> channels = new HashSet<>();
		Instant first = Instant.MAX;
		Instant last = Instant.MIN;
		int dutch = 0;
		int english = 0;
		for (JsonNode m : mentions) {
			channels.add(text(m, "channel"));
			Instant at = parseInstant(text(m, "publishedAt"));
			first = at.isBefore(first) ? at : first;
			last = at.isAfter(last) ? at : last;

			int nl = 0;
			int en = 0;
			var words = WORD.matcher(text(m, "text").toLowerCase(Locale.ROOT));
			while (words.find()) {
				if (DUTCH.contains(words.group())) nl++;
				if (ENGLISH.contains(words.group())) en++;
			}
			if (nl > en) dutch++;
			else if (en > nl) english++;
		}
		assertThat(channels).hasSizeGreaterThanOrEqualTo(5);
		assertThat(java.time.Duration.between(first, last).toDays()).as("spread over days").isBetween(7L, 14L);
		assertThat(dutch).as("Dutch mentions").isGreaterThan(mentions.size() / 2);
		assertThat(english).as("English mentions").isGreaterThan(mentions.size() / 4);
	}

	private static Instant parseInstant(String value) {
		try {
			return value == null ? null : Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
