package nl.luister.customer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file one record at a time without holding more than one record in memory, and keeps going
 * after a broken record. Physical lines are joined while a quote is open (a field may span lines); a quote
 * still open after {@value #MAX_LINES} lines or {@value #MAX_CHARS} characters makes the first line of the
 * record a broken one, and reading resumes with the line after it, so one stray quote costs one row, not
 * the rest of the file; so does a record spanning lines whose field count differs from the header's. The fields of each record are parsed by Commons CSV (RFC 4180 quoting, doubled
 * quotes). Not thread-safe; the caller closes the reader.
 */
final class CsvRecords {

	static final int MAX_LINES = 20;
	static final int MAX_CHARS = 64 * 1024;

	/** One record: its first line number and its fields, or the reason it cannot be read. */
	record Row(long line, List<String> fields, String error) {
	}

	private final Reader in;
	private final Deque<Pending> pushedBack = new ArrayDeque<>();
	private final char[] buffer = new char[8192];
	private int position, limit;
	private long lineNumber;
	private boolean eof;
	private CSVFormat format;
	private int width = -1;

	private record Pending(long number, String text, boolean tooLong) {
	}

	CsvRecords(Reader in) {
		this.in = in;
	}

	/** The next record, or {@code null} at the end. The first call reads the header and picks the delimiter (, ; or tab). */
	Row next() {
		while (true) {
			Pending first = line();
			if (first == null) return null;
			if (first.number() == 1 && first.text().startsWith("\uFEFF")) first = new Pending(1, first.text().substring(1), first.tooLong());
			if (first.text().isBlank() && !first.tooLong()) continue;
			if (format == null) format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(first.text())).get();
			if (first.tooLong()) return new Row(first.number(), null, "line is longer than " + MAX_CHARS + " characters");
			StringBuilder record = new StringBuilder(first.text());
			List<Pending> taken = new ArrayList<>();
			boolean open = quotesOpen(first.text());
			while (open) {
				Pending more = line();
				if (more == null || more.tooLong() || taken.size() + 1 >= MAX_LINES || record.length() + more.text().length() > MAX_CHARS) {
					if (more != null) taken.add(more);
					for (int i = taken.size() - 1; i >= 0; i--) pushedBack.push(taken.get(i));
					return new Row(first.number(), null, "a quote opened on this line is not closed");
				}
				taken.add(more);
				record.append('\n').append(more.text());
				open ^= quotesOpen(more.text());
			}
			String text = record.toString();
			if (text.indexOf('\uFFFD') >= 0) return new Row(first.number(), null, "not valid text in the chosen encoding");
			if (text.indexOf('\u0000') >= 0) return new Row(first.number(), null, "contains a NUL character");
			String problem;
			try (CSVParser parser = CSVParser.parse(text, format)) {
				List<CSVRecord> records = parser.getRecords();
				List<String> fields = records.size() == 1 ? records.getFirst().toList() : null;
				if (fields != null && (taken.isEmpty() || width < 0 || fields.size() == width)) {
					if (width < 0) width = fields.size();
					return new Row(first.number(), fields, null);
				}
				problem = "cannot be read as one CSV record";
			}
			catch (IOException | UncheckedIOException | IllegalStateException e) {
				String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
				problem = "broken quoting: " + (reason.length() > 200 ? reason.substring(0, 200) : reason);
			}
			// A record spanning lines that does not read as one row: most likely a quote left open on its first line
			// swallowed the rows after it. Reject that line only and read the others again on their own.
			if (!taken.isEmpty()) {
				for (int i = taken.size() - 1; i >= 0; i--) pushedBack.push(taken.get(i));
				return new Row(first.number(), null, "a quote opened on this line is not closed");
			}
			return new Row(first.number(), null, problem);
		}
	}

	private static char delimiterOf(String header) {
		int commas = 0, semicolons = 0, tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"') quoted = !quoted;
			else if (!quoted && c == ',') commas++;
			else if (!quoted && c == ';') semicolons++;
			else if (!quoted && c == '\t') tabs++;
		}
		if (semicolons > commas && semicolons >= tabs) return ';';
		if (tabs > commas) return '\t';
		return ',';
	}

	private static boolean quotesOpen(String line) {
		int quotes = 0;
		for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '"') quotes++;
		return (quotes & 1) == 1;
	}

	private Pending line() {
		if (!pushedBack.isEmpty()) return pushedBack.pop();
		if (eof) return null;
		StringBuilder sb = new StringBuilder();
		boolean tooLong = false;
		try {
			while (true) {
				if (position == limit) {
					limit = in.read(buffer, 0, buffer.length);
					position = 0;
					if (limit <= 0) {
						limit = 0;
						eof = true;
						if (sb.isEmpty() && !tooLong) return null;
						break;
					}
				}
				int start = position;
				while (position < limit && buffer[position] != '\n') position++;
				if (!tooLong) {
					sb.append(buffer, start, position - start);
					if (sb.length() > MAX_CHARS) {
						tooLong = true;
						sb.setLength(0);
					}
				}
				if (position < limit) {
					position++;
					break;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int end = sb.length();
		if (end > 0 && sb.charAt(end - 1) == '\r') sb.setLength(end - 1);
		return new Pending(++lineNumber, sb.toString(), tooLong);
	}
}
