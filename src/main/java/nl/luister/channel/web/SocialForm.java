package nl.luister.channel.web;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.validation.BindingResult;

/**
 * The Mastodon, Bluesky and webhook fields of the add-source form. Field names carry their type's prefix so they
 * never clash with the mailbox fields. Required fields are checked here with a message per field; the settings
 * record checks the rest. Secrets (access token, app password, webhook secret) are never sent back to the page; a
 * webhook source without a secret gets a generated one, shown once after saving.
 */
record SocialForm(String mastodonInstance, String mastodonToken, String mastodonAccount, String mastodonHashtags,
		String mastodonSearch, String mastodonVisibility, String blueskyService, String blueskyHandle,
		String blueskyAppPassword, String blueskySearch, String webhookSecret, String webhookAddressed, String mapId,
		String mapText, String mapTitle, String mapUrl, String mapPublishedAt, String mapAuthorHandle, String mapAuthorName,
		String mapRating) {

	static final Set<String> TYPES = Set.of("mastodon", "bluesky", "webhook");
	private static final SecureRandom RANDOM = new SecureRandom();

	static boolean handles(String type) {
		return type != null && TYPES.contains(type);
	}

	/** The settings JSON of a {@code type} source, or {@code null} after rejecting a field. */
	String settings(String type, BindingResult result, JsonMapper json) {
		if (result.getFieldValue("name") == null || String.valueOf(result.getFieldValue("name")).isBlank()) {
			result.rejectValue("name", "sources.name.required");
		}
		Map<String, Object> s = new LinkedHashMap<>();
		switch (type) {
			case "mastodon" -> {
				required(s, "instance", mastodonInstance, "channels.form.mastodon.instance.required", result);
				if (s.containsKey("instance") && !SourcesController.isWebAddress((String) s.get("instance"))) {
					result.reject("channels.form.address.invalid", new Object[] { s.get("instance") }, "not an address");
				}
				required(s, "accessToken", mastodonToken, "channels.form.mastodon.token.required", result);
				put(s, "account", mastodonAccount);
				s.put("hashtags", list(mastodonHashtags));
				s.put("searchTerms", list(mastodonSearch));
				put(s, "replyVisibility", mastodonVisibility);
			}
			case "bluesky" -> {
				required(s, "service", blueskyService == null || blueskyService.isBlank() ? "https://bsky.social" : blueskyService,
						"channels.form.bluesky.service.required", result);
				if (s.containsKey("service") && !SourcesController.isWebAddress((String) s.get("service"))) {
					result.reject("channels.form.address.invalid", new Object[] { s.get("service") }, "not an address");
				}
				required(s, "handle", blueskyHandle, "channels.form.bluesky.handle.required", result);
				required(s, "appPassword", blueskyAppPassword, "channels.form.bluesky.password.required", result);
				s.put("searchTerms", list(blueskySearch));
			}
			case "webhook" -> {
				s.put("secrets", List.of(webhookSecret == null || webhookSecret.isBlank() ? newSecret() : webhookSecret.strip()));
				s.put("addressed", !"false".equals(webhookAddressed));
				Map<String, String> mapping = new LinkedHashMap<>();
				pointer(mapping, "id", mapId, true, result);
				pointer(mapping, "text", mapText, true, result);
				pointer(mapping, "title", mapTitle, false, result);
				pointer(mapping, "url", mapUrl, false, result);
				pointer(mapping, "publishedAt", mapPublishedAt, false, result);
				pointer(mapping, "author.handle", mapAuthorHandle, false, result);
				pointer(mapping, "author.name", mapAuthorName, false, result);
				pointer(mapping, "rating", mapRating, false, result);
				s.put("mapping", mapping);
			}
			default -> throw new IllegalArgumentException("not a social source type: " + type);
		}
		return result.hasErrors() ? null : json.writeValueAsString(s);
	}

	/** The generated webhook secret in these settings, to show once; {@code null} when the admin gave one. */
	String generatedSecret(String settingsJson) {
		if (webhookSecret != null && !webhookSecret.isBlank() || settingsJson == null) return null;
		int at = settingsJson.indexOf("whsec_");
		return at < 0 ? null : settingsJson.substring(at, settingsJson.indexOf('"', at));
	}

	static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

	private static void required(Map<String, Object> s, String name, String value, String message, BindingResult result) {
		if (value == null || value.isBlank()) result.reject(message);
		else s.put(name, value.strip());
	}

	private static void put(Map<String, Object> s, String name, String value) {
		if (value != null && !value.isBlank()) s.put(name, value.strip());
	}

	private static void pointer(Map<String, String> mapping, String field, String value, boolean required, BindingResult result) {
		if (value == null || value.isBlank()) {
			if (required) result.reject("channels.form.webhook.mapping.required", new Object[] { field }, field + " is required");
			return;
		}
		String p = value.strip();
		if (!p.startsWith("/")) {
			result.reject("channels.form.webhook.mapping.pointer", new Object[] { field, p }, "not a JSON pointer");
			return;
		}
		mapping.put(field, p);
	}

	private static List<String> list(String value) {
		if (value == null || value.isBlank()) return List.of();
		return Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}
}
