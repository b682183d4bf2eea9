package nl.luister.channel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes, pauses and tests sources. Settings are validated by binding them to the connector's
 * settings type before they are stored, so a source never holds settings its connector can't read.
 */
@Service
public class SourceAdmin {

	/** The type of sources that only receive imported or pushed items. */
	public static final String IMPORT_TYPE = "import";
	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

	private final Sources sources;
	private final Connectors connectors;
	private final SourceRunner runner;

	SourceAdmin(Sources sources, Connectors connectors, SourceRunner runner) {
		this.sources = sources;
		this.connectors = connectors;
		this.runner = runner;
	}

	public List<SourceRecord> all() {
		return sources.all();
	}

	public SourceRecord get(long id) {
		return sources.find(id).orElseThrow(() -> new SourceNotFound(id));
	}

	/** The connector types a person can add (every registered type, plus import). */
	public List<String> types() {
		var types = new java.util.ArrayList<>(connectors.allTypes());
		types.add(IMPORT_TYPE);
		types.sort(null);
		return types;
	}

	/**
	 * Adds a source.
	 *
	 * @param settingsJson the connector's settings as JSON, e.g. {@code {"url": "https://…/feed"}}
	 * @throws IllegalArgumentException with a reason when the type is unknown or the settings are invalid
	 */
	@Transactional
	public SourceRecord create(String key, String type, String name, Channel channel, String settingsJson, int pollSeconds) {
		String cleanType = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
		String settings = validSettings(cleanType, settingsJson);
		String cleanName = requireName(name);
		String cleanKey = key == null || key.isBlank() ? slug(cleanName) : key.strip();
		if (!KEY.matcher(cleanKey).matches()) {
			throw new IllegalArgumentException("a source key uses lower-case letters, digits, '.', '_' and '-' (got '" + cleanKey + "')");
		}
		if (sources.findByKey(cleanKey).isPresent()) throw new IllegalArgumentException("a source with key '" + cleanKey + "' exists already");
		long id = sources.insert(cleanKey, cleanType, cleanName, channel == null ? Channel.OTHER : channel, settings, pollSeconds(pollSeconds));
		return get(id);
	}

	@Transactional
	public SourceRecord update(long id, String name, Channel channel, String settingsJson, int pollSeconds) {
		SourceRecord s = get(id);
		sources.update(id, requireName(name), channel == null ? s.channel() : channel,
				settingsJson == null ? s.settings() : validSettings(s.type(), SecretSettings.keepStored(settingsJson, s.settings())), pollSeconds(pollSeconds));
		return get(id);
	}

	@Transactional
	public void pause(long id, boolean paused) {
		get(id);
		sources.setPaused(id, paused);
	}

	/** "Test connection": reads the source with its stored settings without ingesting anything. */
	public Source.Probe test(long id) {
		SourceRecord s = get(id);
		if (IMPORT_TYPE.equals(s.type())) return Source.Probe.ok("import sources receive files; nothing to connect to");
		return runner.probe(s);
	}

	/** Fetches the source now instead of waiting for its next attempt; returns the number of new items. */
	public int pollNow(long id) {
		return runner.pollNow(id);
	}

	/** The id of the import source with this key, created when missing. */
	@Transactional
	public long importSource(String key, Channel channel) {
		return sources.insertIfAbsent(key, IMPORT_TYPE, key, channel);
	}

	private String validSettings(String type, String settingsJson) {
		if (IMPORT_TYPE.equals(type)) return "{}";
		Source<?> connector = connectors.find(type)
			.orElseThrow(() -> new IllegalArgumentException("unknown source type '" + type + "' (known: " + String.join(", ", types()) + ")"));
		try {
			return connectors.toJson(connectors.settings(connector, settingsJson == null || settingsJson.isBlank() ? "{}" : settingsJson));
		}
		catch (SourceUnavailable e) {
			throw new IllegalArgumentException(e.getMessage());
		}
	}

	private static int pollSeconds(int requested) {
		if (requested <= 0) return 300;
		return Math.max(10, Math.min(requested, 86_400));
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) throw new IllegalArgumentException("a source needs a name");
		return name.strip();
	}

	static String slug(String name) {
		String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (s.isEmpty()) s = "source";
		return s.length() > 60 ? s.substring(0, 60) : s;
	}
}
