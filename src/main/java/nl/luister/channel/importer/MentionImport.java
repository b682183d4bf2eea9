package nl.luister.channel.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;

import org.springframework.stereotype.Service;

/**
 * Imports mentions from JSONL, one object a line:
 * {@code {"id", "source", "channel", "author": {"handle", "name", "followers"}, "title", "text", "url",
 * "publishedAt", "inReplyTo", "addressed"}} with {@code id}, {@code text} and {@code publishedAt} required;
 * {@code addressed: true} marks a message said to the organisation (it reaches a case without a topic).
 *
 * <p>A bad line is reported with its number and reason; the rest goes in. Lines are committed in chunks of
 * {@value #CHUNK} so a crash keeps what was committed, and importing the same file again adds nothing
 * (mentions are deduplicated on source and id). A line's {@code source} names a source by its key; an
 * unknown key creates an import source with that key. Bytes that are not valid UTF-8 become U+FFFD.
 */
@Service
public class MentionImport {

	static final int CHUNK = 1000;
	static final int MAX_LINE_CHARS = 1_000_000;
	static final int MAX_REPORTED_ERRORS = 1000;
	static final String DEFAULT_SOURCE = "import";

	private final JsonMapper json;
	private final Ingestion ingestion;
	private final SourceAdmin sources;

	MentionImport(JsonMapper json, Ingestion ingestion, SourceAdmin sources) {
		this.json = json;
		this.ingestion = ingestion;
		this.sources = sources;
	}

	/** Imports a whole stream; {@code linesRead} hears the number of lines read so far after each chunk. */
	public ImportReport importJsonl(InputStream in, LongConsumer linesRead) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		Counts counts = new Counts();
		Map<String, List<RawMention>> chunk = new LinkedHashMap<>();
		int inChunk = 0;
		try (Reader reader = new InputStreamReader(in, decoder)) {
			LineReader lines = new LineReader(reader, MAX_LINE_CHARS);
			String line;
			while ((line = lines.next()) != null) {
				long number = lines.number();
				if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
				if (lines.truncated()) {
					counts.reject(number, "line is longer than " + MAX_LINE_CHARS + " characters");
				}
				else if (!line.isBlank()) {
					try {
						Parsed parsed = parse(line);
						chunk.computeIfAbsent(parsed.source() + "\u0000" + parsed.mention().channel().key(), k -> new ArrayList<>())
							.add(parsed.mention());
						inChunk++;
					}
					catch (BadLine e) {
						counts.reject(number, e.getMessage());
					}
				}
				if (inChunk >= CHUNK) {
					flush(chunk, counts);
					inChunk = 0;
					linesRead.accept(number);
				}
			}
			flush(chunk, counts);
			linesRead.accept(lines.number());
		}
		return new ImportReport(counts.imported, counts.duplicates, counts.rejected, List.copyOf(counts.errors));
	}

	private void flush(Map<String, List<RawMention>> chunk, Counts counts) {
		for (var entry : chunk.entrySet()) {
			String key = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
			List<RawMention> items = entry.getValue();
			long sourceId = sources.importSource(key, items.getFirst().channel());
			var result = ingestion.ingestPushed(sourceId, items);
			counts.imported += result.added();
			counts.duplicates += result.duplicates();
		}
		chunk.clear();
	}

	Parsed parse(String line) {
		JsonNode node;
		try {
			node = json.readTree(line);
		}
		catch (JacksonException e) {
			throw new BadLine("not valid JSON: " + e.getOriginalMessage());
		}
		if (node == null || !node.isObject()) throw new BadLine("expected a JSON object");
		String id = text(node, "id");
		String body = text(node, "text");
		String published = text(node, "publishedAt");
		List<String> missing = new ArrayList<>();
		if (id == null || id.isBlank()) missing.add("id");
		if (body == null) missing.add("text");
		if (published == null) missing.add("publishedAt");
		if (!missing.isEmpty()) throw new BadLine("missing required field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
		Instant at;
		try {
			at = OffsetDateTime.parse(published).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new BadLine("publishedAt '" + published + "' is not an ISO-8601 date-time such as 2026-01-02T10:00:00Z");
		}
		Channel channel;
		try {
			channel = Channel.parse(text(node, "channel"));
		}
		catch (IllegalArgumentException e) {
			throw new BadLine(e.getMessage());
		}
		JsonNode a = node.get("author");
		RawMention.Author author = RawMention.Author.UNKNOWN;
		if (a != null && a.isObject()) {
			JsonNode f = a.get("followers");
			Integer followers = f != null && f.canConvertToInt() && f.asInt() >= 0 ? f.asInt() : null;
			author = new RawMention.Author(text(a, "handle"), text(a, "name"), followers);
		}
		else if (a != null && a.isString()) {
			author = new RawMention.Author(a.asString(), null, null);
		}
		String source = text(node, "source");
		if (source == null || source.isBlank()) source = DEFAULT_SOURCE;
		if (source.length() > 200) throw new BadLine("source key is longer than 200 characters");
		if (id.length() > 1000) throw new BadLine("id is longer than 1000 characters");
		JsonNode addressed = node.get("addressed");
		if (addressed != null && !addressed.isNull() && !addressed.isBoolean()) throw new BadLine("addressed must be true or false");
		return new Parsed(source.strip(), new RawMention(id, channel, author, text(node, "title"), body, text(node, "url"), at,
				text(node, "inReplyTo"), addressed != null && addressed.asBoolean()));
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) return null;
		return v.isValueNode() ? v.asString() : v.toString();
	}

	record Parsed(String source, RawMention mention) {
	}

	static final class BadLine extends RuntimeException {
		BadLine(String message) {
			super(message);
		}
	}

	private static final class Counts {
		long imported;
		long duplicates;
		long rejected;
		final List<ImportReport.LineError> errors = new ArrayList<>();

		void reject(long line, String reason) {
			rejected++;
			if (errors.size() < MAX_REPORTED_ERRORS) errors.add(new ImportReport.LineError(line, reason));
		}
	}

	/** Reads lines of any length without holding more than {@code max} characters of one line. */
	static final class LineReader {
		private final Reader reader;
		private final int max;
		private long number;
		private boolean truncated;
		private final char[] buf = new char[8192];
		private int pos;
		private int len;

		LineReader(Reader reader, int max) {
			this.reader = reader;
			this.max = max;
		}

		String next() throws IOException {
			StringBuilder line = new StringBuilder();
			truncated = false;
			boolean any = false;
			while (true) {
				if (pos == len) {
					len = reader.read(buf);
					pos = 0;
					if (len <= 0) {
						len = 0;
						if (!any) return null;
						number++;
						return line.toString();
					}
				}
				any = true;
				char c = buf[pos++];
				if (c == '\n') {
					number++;
					int end = line.length();
					if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
					return line.toString();
				}
				if (line.length() < max) line.append(c);
				else truncated = true;
			}
		}

		long number() {
			return number;
		}

		boolean truncated() {
			return truncated;
		}
	}
}
