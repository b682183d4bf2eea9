package nl.luister.channel.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored mail attachments as agents download them. An attachment is found only by the SHA-256 of its content (the
 * name it is stored under), never by a path, so no request can reach another file; the file name offered to the
 * browser is generated from the sender's name with everything but letters, digits, {@code . _ -} removed, no leading
 * dots and no path. Thread-safe and stateless.
 */
public final class MailAttachments {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
	/** A line of the attachment list {@link MailReader} puts below a mail's text. */
	private static final Pattern LISTED = Pattern.compile("^- (.+) \\(([^,()]+), ([^()]+)\\) stored as ([0-9a-f]{2})/([0-9a-f]{64})\\.bin$", Pattern.MULTILINE);

	private final AttachmentStore store;

	MailAttachments(AttachmentStore store) {
		this.store = store;
	}

	/** A stored attachment: where it is and how large. */
	public record Download(Path path, long size) {
	}

	/** An attachment listed below a mail's text that is stored and can be downloaded. */
	public record Listed(String name, String contentType, String size, String hash) {
	}

	/** The stored attachment with this content hash; empty for anything that is not a stored hash. */
	public Optional<Download> open(String hash) {
		if (hash == null || !HASH.matcher(hash).matches()) return Optional.empty();
		Path file = store.root().resolve(hash.substring(0, 2)).resolve(hash + ".bin").normalize();
		if (!file.startsWith(store.root()) || !Files.isRegularFile(file)) return Optional.empty();
		try {
			return Optional.of(new Download(file, Files.size(file)));
		}
		catch (java.io.IOException e) {
			return Optional.empty();
		}
	}

	/** The stored attachments listed in a mail's text (the list {@link MailReader} writes); empty for other texts. */
	public List<Listed> listed(String text) {
		List<Listed> out = new ArrayList<>();
		if (text == null || !text.contains("Attachments:")) return out;
		Matcher m = LISTED.matcher(text.substring(text.lastIndexOf("Attachments:")));
		while (m.find()) out.add(new Listed(m.group(1), m.group(2), m.group(3), m.group(5)));
		return out;
	}

	/**
	 * A file name that is safe to offer for download: the base name of {@code original} without path, control or
	 * special characters and leading dots, at most 100 characters; {@code attachment-<hash prefix>.bin} when
	 * nothing is left.
	 */
	public static String safeFileName(String original, String hash) {
		String fallback = "attachment-" + (hash == null || hash.length() < 12 ? "file" : hash.substring(0, 12)) + ".bin";
		if (original == null) return fallback;
		String base = original.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		base = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		base = base.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "").replaceAll("\\.{2,}", ".");
		if (base.length() > 100) {
			int dot = base.lastIndexOf('.');
			String ext = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
			base = base.substring(0, 100 - ext.length()) + ext;
		}
		if (base.isBlank() || base.equals("_")) return fallback;
		return base.toLowerCase(Locale.ROOT).endsWith(".bin") || base.contains(".") ? base : base + ".bin";
	}
}
