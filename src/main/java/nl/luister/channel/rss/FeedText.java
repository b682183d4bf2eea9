package nl.luister.channel.rss;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a feed into text an XML parser accepts, losing as little as possible.
 *
 * <p>The charset comes from the byte order mark, else the charset of the HTTP Content-Type, else the
 * encoding in the XML declaration, else UTF-8. Bytes that do not fit the charset become U+FFFD and the rest
 * is kept, because one bad byte in a feed should not hide every other post in it. Characters XML 1.0 forbids
 * (NUL and other control characters, stray surrogates) and numeric references to them are removed.
 * Stateless and thread-safe.
 */
final class FeedText {

	private static final Pattern CHARSET_PARAM = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");

	private static final Pattern PROLOG_ENCODING = Pattern
		.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

	private static final Pattern ILLEGAL_CHAR_REFERENCE = Pattern
		.compile("&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]));");

	private FeedText() {
	}

	/** Decodes {@code bytes}; {@code contentType} may be {@code null}. */
	static String decode(byte[] bytes, String contentType) {
		int bomLength = 0;
		Charset charset = null;
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			charset = StandardCharsets.UTF_8;
			bomLength = 3;
		}
		else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
			charset = charsetOrNull("UTF-32BE");
			bomLength = 4;
		}
		else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
			charset = charsetOrNull("UTF-32LE");
			bomLength = 4;
		}
		else if (startsWith(bytes, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			bomLength = 2;
		}
		else if (startsWith(bytes, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			bomLength = 2;
		}
		if (charset == null) charset = fromContentType(contentType);
		if (charset == null) charset = fromProlog(bytes);
		if (charset == null) charset = StandardCharsets.UTF_8;
		return removeIllegal(decode(bytes, bomLength, charset));
	}

	static Charset fromContentType(String contentType) {
		if (contentType == null) return null;
		Matcher matcher = CHARSET_PARAM.matcher(contentType);
		return matcher.find() ? lenient(matcher.group(1)) : null;
	}

	static Charset fromProlog(byte[] bytes) {
		// UTF-16 without a byte order mark still starts with "<?" in its own encoding
		if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) return StandardCharsets.UTF_16BE;
		if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) return StandardCharsets.UTF_16LE;
		String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
		Matcher matcher = PROLOG_ENCODING.matcher(head);
		return matcher.find() ? lenient(matcher.group(1)) : null;
	}

	/**
	 * Looks a charset name up; ISO-8859-1 and US-ASCII are read as windows-1252 like browsers do, since feeds
	 * that declare them often hold curly quotes and euro signs from the 0x80-0x9F range.
	 */
	private static Charset lenient(String name) {
		String normalized = name.toLowerCase(Locale.ROOT);
		if (normalized.equals("iso-8859-1") || normalized.equals("latin1") || normalized.equals("iso8859-1")
				|| normalized.equals("us-ascii") || normalized.equals("ascii")) {
			Charset windows = charsetOrNull("windows-1252");
			if (windows != null) return windows;
		}
		return charsetOrNull(name);
	}

	private static Charset charsetOrNull(String name) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			return null;
		}
	}

	private static String decode(byte[] bytes, int offset, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException("a replacing decoder does not throw", e);
		}
	}

	/** Removes characters and character references that XML 1.0 does not allow, and a leading U+FEFF. */
	static String removeIllegal(String text) {
		StringBuilder out = null;
		int length = text.length();
		for (int i = 0; i < length;) {
			int cp = text.codePointAt(i);
			int width = Character.charCount(cp);
			boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
					|| (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
			if (i == 0 && cp == 0xFEFF) legal = false;
			if (!legal && out == null) out = new StringBuilder(length).append(text, 0, i);
			if (legal && out != null) out.appendCodePoint(cp);
			i += width;
		}
		String cleaned = out == null ? text : out.toString();
		return ILLEGAL_CHAR_REFERENCE.matcher(cleaned).replaceAll("");
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) return false;
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) return false;
		}
		return true;
	}
}
