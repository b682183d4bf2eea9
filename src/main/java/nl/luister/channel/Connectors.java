package nl.luister.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Every {@link Source} connector, looked up by its type, and the binding of stored settings to its settings type. */
@Component
public class Connectors {

	private final Map<String, Source<?>> byType;
	private final JsonMapper json;

	Connectors(List<Source<?>> sources, JsonMapper json) {
		this.byType = sources.stream().collect(Collectors.toUnmodifiableMap(Source::type, Function.identity()));
		this.json = json;
	}

	public Optional<Source<?>> find(String type) {
		return Optional.ofNullable(byType.get(type));
	}

	/** The types that are polled (every registered connector except push-only ones). */
	public Set<String> types() {
		return byType.values().stream().filter(Source::polled).map(Source::type).collect(Collectors.toUnmodifiableSet());
	}

	/** Every registered connector type, polled or push-only. */
	public Set<String> allTypes() {
		return byType.keySet();
	}

	/** Binds the stored settings JSON to the connector's settings record; a bad value is a clear error. */
	public <S> S settings(Source<S> source, String settingsJson) {
		try {
			return json.readValue(settingsJson == null ? "{}" : settingsJson, source.settingsType());
		}
		catch (JacksonException e) {
			throw new SourceUnavailable("the settings of this " + source.type() + " source are not valid: " + e.getOriginalMessage());
		}
	}

	public String toJson(Object settings) {
		return json.writeValueAsString(settings);
	}
}
