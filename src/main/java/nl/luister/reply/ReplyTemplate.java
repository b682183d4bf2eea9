package nl.luister.reply;

import java.time.Instant;

/**
 * A reply template. {@code brandId} and {@code brandName} are {@code null} for a template of every brand;
 * {@code language} is a two-letter code ({@code nl}, {@code en}); {@code keywords} is what the picker also searches
 * (a shortcut such as {@code late}), possibly empty; {@code body} holds the variables of {@link TemplateText}.
 */
public record ReplyTemplate(long id, Long brandId, String brandName, String language, String name, String keywords,
		String body, Instant updatedAt) {
}
