package nl.luister.channel.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

import nl.luister.channel.RawMention;
import nl.luister.channel.rss.HtmlText;

/**
 * Turns a posted JSON document into a mention with the source's field mapping (field → JSON pointer).
 *
 * <p>{@code id} and {@code text} are required; the others are optional and a missing one is {@code null}.
 * Numbers are read as text where text is expected. {@code publishedAt} is an ISO instant or offset date-time, a
 * date, or Unix seconds or milliseconds; absent, it is the time of receipt. A {@code rating} becomes the start of
 * the title as stars with the figure, e.g. {@code ★★☆☆☆ (2/5) Slow delivery}, so it shows and is searchable
 * everywhere a title does without a schema change. Stateless and thread-safe.
 */
final class WebhookMapping {

	private WebhookMapping() {
	}

	/** @throws WebhookRejected (422) naming the field and pointer that could not be read */
	static RawMention map(JsonNode body, WebhookSettings settings, Instant receivedAt) {
		String id = text(body, settings, "id", true);
		String text = text(body, settings, "text", true);
		String title = text(body, settings, "title", false);
		if (settings.html()) {
			text = HtmlText.toPlainText(text);
			title = title == null ? null : HtmlText.toPlainText(title);
		}
		String rating = rating(body, settings);
		if (rating != null) title = title == null || title.isBlank() ? rating : rating + " " + title;
		String url = text(body, settings, "url", false);
		if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) url = null;
		String followers = text(body, settings, "author.followers", false);
		Integer followerCount = null;
		if (followers != null) {
			try {
				followerCount = Integer.valueOf(followers.strip());
			}
			catch (NumberFormatException e) {
				throw unreadable(settings, "author.followers", "is not a whole number");
			}
		}
		RawMention.Author author = new RawMention.Author(text(body, settings, "author.handle", false),
				text(body, settings, "author.name", false), followerCount);
		return new RawMention(id, settings.channel(), author, title, text, url, publishedAt(body, settings, receivedAt),
				text(body, settings, "inReplyTo", false), settings.addressed());
	}

	private static String text(JsonNode body, WebhookSettings settings, String field, boolean required) {
		String pointer = settings.mapping().get(field);
		if (pointer == null) return null;
		JsonNode node = body.at(pointer);
		if (node.isMissingNode() || node.isNull()) {
			if (required) throw new WebhookRejected(422, "the field '" + field + "' is missing: nothing at " + pointer);
			return null;
		}
		if (node.isContainer()) throw unreadable(settings, field, "is " + (node.isArray() ? "a list" : "an object") + ", not a value");
		String text = node.asString();
		if (required && text.isBlank()) throw new WebhookRejected(422, "the field '" + field + "' is empty at " + pointer);
		return text;
	}

	private static String rating(JsonNode body, WebhookSettings settings) {
		String value = text(body, settings, "rating", false);
		if (value == null || value.isBlank()) return null;
		BigDecimal rating;
		try {
			rating = new BigDecimal(value.strip());
		}
		catch (NumberFormatException e) {
			throw unreadable(settings, "rating", "is not a number");
		}
		int scale = settings.ratingScale();
		if (rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(scale)) > 0) {
			throw unreadable(settings, "rating", "is outside 0 to " + scale);
		}
		int full = rating.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
		return "★".repeat(full) + "☆".repeat(scale - full) + " (" + rating.stripTrailingZeros().toPlainString() + "/" + scale + ")";
	}

	private static Instant publishedAt(JsonNode body, WebhookSettings settings, Instant receivedAt) {
		String pointer = settings.mapping().get("publishedAt");
		if (pointer == null) return receivedAt;
		JsonNode node = body.at(pointer);
		if (node.isMissingNode() || node.isNull()) return receivedAt;
		if (node.isIntegralNumber()) {
			long n = node.longValue();
			return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
		}
		String text = node.isContainer() ? "" : node.asString().strip();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException e2) {
				try {
					return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
				}
				catch (DateTimeParseException e3) {
					throw unreadable(settings, "publishedAt", "is not a date ('" + abbreviate(text) + "')");
				}
			}
		}
	}

	private static WebhookRejected unreadable(WebhookSettings settings, String field, String problem) {
		return new WebhookRejected(422, "the field '" + field + "' at " + settings.mapping().get(field) + " " + problem);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}
}
