package nl.luister.reply;

import java.util.Locale;

/**
 * A template as typed in the editor or sent to the API, checked on construction: name 1–100 characters, keywords at
 * most 200, a two-letter language, a body of 1–5,000 characters with known variables only.
 *
 * @throws InvalidTemplate naming the field (and, for the body, the column) at fault
 */
public record TemplateDraft(Long brandId, String language, String name, String keywords, String body) {

	public TemplateDraft {
		name = name == null ? "" : name.strip();
		keywords = keywords == null ? "" : keywords.strip();
		language = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
		body = body == null ? "" : body.strip().replace("\r\n", "\n");
		if (name.isEmpty() || name.length() > 100) throw new InvalidTemplate("name", 0, "a template needs a name of at most 100 characters", null);
		if (keywords.length() > 200) throw new InvalidTemplate("keywords", 0, "keywords can be at most 200 characters", null);
		if (!language.matches("[a-z]{2}")) throw new InvalidTemplate("language", 0, "the language is a two-letter code", "nl or en");
		if (body.isEmpty() || body.length() > 5000) throw new InvalidTemplate("body", 0, "a template needs a text of at most 5,000 characters", null);
		TemplateText.parse(body);
	}
}
