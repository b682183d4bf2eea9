package nl.luister.channel;

import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the secrets in a source's settings (fields whose name contains {@code password}, {@code secret} or
 * {@code token}, at any depth) out of what is shown: listed settings show {@value #MASK} instead, and settings
 * sent back with {@value #MASK} keep the stored secret. Stateless and thread-safe.
 */
public final class SecretSettings {

	/** What a secret looks like when shown. */
	public static final String MASK = "********";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SecretSettings() {
	}

	/** Whether a settings field holds a secret. */
	public static boolean isSecret(String fieldName) {
		String n = fieldName.toLowerCase(Locale.ROOT);
		return n.contains("password") || n.contains("secret") || n.contains("token");
	}

	/** The settings JSON with every non-empty secret replaced by {@value #MASK}; unreadable JSON is shown as {@code {}}. */
	public static String mask(String settingsJson) {
		if (settingsJson == null) return null;
		try {
			JsonNode tree = JSON.readTree(settingsJson);
			mask(tree);
			return JSON.writeValueAsString(tree);
		}
		catch (JacksonException e) {
			return "{}";
		}
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (isSecret(field.getKey()) && field.getValue().isString() && !field.getValue().asString().isEmpty()) {
					object.put(field.getKey(), MASK);
				}
				else if (isSecret(field.getKey()) && field.getValue().isArray()) {
					// several secrets at once (rotation): mask each
					int count = field.getValue().size();
					var masked = object.putArray(field.getKey());
					for (int i = 0; i < count; i++) masked.add(MASK);
				}
				else mask(field.getValue());
			}
		}
		else if (node != null && node.isArray()) {
			for (JsonNode element : node) mask(element);
		}
	}

	/** {@code changedJson} with each top-level secret that is {@value #MASK} replaced by the one in {@code storedJson}. */
	static String keepStored(String changedJson, String storedJson) {
		if (changedJson == null || storedJson == null || !changedJson.contains(MASK)) return changedJson;
		try {
			JsonNode changed = JSON.readTree(changedJson);
			JsonNode stored = JSON.readTree(storedJson);
			if (!(changed instanceof ObjectNode object)) return changedJson;
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (isSecret(field.getKey()) && MASK.equals(field.getValue().asString(null)) && stored.has(field.getKey())) {
					object.set(field.getKey(), stored.get(field.getKey()));
				}
			}
			return JSON.writeValueAsString(object);
		}
		catch (JacksonException e) {
			return changedJson;
		}
	}
}
