package nl.luister.channel.webhook;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.luister.channel.Channel;

/**
 * Settings of one webhook source.
 *
 * @param secrets     signing secrets, each {@code whsec_<base64>}; several during a rotation (a delivery signed with
 *                    any of them is accepted). At least one, here or in {@code secret}
 * @param secret      a single secret, for convenience; joins {@code secrets}
 * @param channel     what the items are shown as; {@link Channel#REVIEW} when {@code null}
 * @param addressed   whether items are said to the organisation (reviews of its own listing, contact forms: true,
 *                    the default) or overheard (false: they need a topic)
 * @param mapping     mention field → JSON pointer into the posted body. Fields: {@code id} and {@code text}
 *                    (required), {@code title}, {@code url}, {@code publishedAt}, {@code inReplyTo},
 *                    {@code author.handle}, {@code author.name}, {@code author.followers}, {@code rating}
 * @param ratingScale the best possible rating, 5 when {@code null}
 * @param html        whether text and title hold HTML to be turned into plain text (default false: kept literally)
 */
public record WebhookSettings(List<String> secrets, String secret, Channel channel, Boolean addressed,
		Map<String, String> mapping, Integer ratingScale, Boolean html) {

	static final Set<String> FIELDS = Set.of("id", "text", "title", "url", "publishedAt", "inReplyTo", "author.handle",
			"author.name", "author.followers", "rating");

	public WebhookSettings {
		List<String> all = new ArrayList<>();
		if (secrets != null) secrets.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(all::add);
		if (secret != null && !secret.isBlank() && !all.contains(secret.strip())) all.add(secret.strip());
		if (all.isEmpty()) throw new IllegalArgumentException("a webhook source needs at least one secret (whsec_<base64>)");
		for (String s : all) key(s);
		secrets = List.copyOf(all);
		secret = null;
		if (channel == null) channel = Channel.REVIEW;
		if (addressed == null) addressed = true;
		if (mapping == null || !mapping.containsKey("id") || !mapping.containsKey("text")) {
			throw new IllegalArgumentException("the mapping needs JSON pointers for at least 'id' and 'text', e.g. {\"id\": \"/review/id\", \"text\": \"/review/body\"}");
		}
		Map<String, String> clean = new LinkedHashMap<>();
		mapping.forEach((field, pointer) -> {
			if (!FIELDS.contains(field)) throw new IllegalArgumentException("unknown mapping field '" + field + "' (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
			if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
				throw new IllegalArgumentException("the mapping of '" + field + "' is not a JSON pointer (it starts with /): '" + pointer + "'");
			}
			clean.put(field, pointer);
		});
		mapping = Map.copyOf(clean);
		if (ratingScale == null) ratingScale = 5;
		if (ratingScale < 1 || ratingScale > 100) throw new IllegalArgumentException("ratingScale is between 1 and 100");
		if (html == null) html = false;
	}

	/** The key bytes of a {@code whsec_} secret. */
	static byte[] key(String secret) {
		if (!secret.startsWith("whsec_")) throw new IllegalArgumentException("a webhook secret starts with whsec_ followed by base64");
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
			if (key.length < 16) throw new IllegalArgumentException("a webhook secret holds at least 16 bytes");
			return key;
		}
		catch (IllegalArgumentException e) {
			if (e.getMessage() != null && e.getMessage().startsWith("a webhook secret")) throw e;
			throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64; this one is not valid base64");
		}
	}
}
