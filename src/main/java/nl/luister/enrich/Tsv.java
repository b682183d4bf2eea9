package nl.luister.enrich;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads tab-separated files with RFC-4180 quoting (quoted fields may hold tabs, newlines and doubled quotes). */
final class Tsv {

	private Tsv() {
	}

	static List<List<String>> read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader);
		}
	}

	static List<List<String>> read(Reader in) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false, fieldStarted = false;
		int c;
		while ((c = in.read()) != -1) {
			if (quoted) {
				if (c == '"') {
					in.mark(1);
					int next = in.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next == -1) {
							break;
						}
						handle(next, row, field, rows);
						if (next == '\n') {
							row = new ArrayList<>();
						}
						fieldStarted = next != '\t' && next != '\n' && next != '\r';
					}
				}
				else {
					field.append((char) c);
				}
				continue;
			}
			if (c == '"' && !fieldStarted && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
				continue;
			}
			if (c == '\n') {
				handle(c, row, field, rows);
				row = new ArrayList<>();
				fieldStarted = false;
				continue;
			}
			handle(c, row, field, rows);
			fieldStarted = c != '\t' && c != '\r';
		}
		if (!field.isEmpty() || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

	private static void handle(int c, List<String> row, StringBuilder field, List<List<String>> rows) {
		if (c == '\t') {
			row.add(field.toString());
			field.setLength(0);
		}
		else if (c == '\n') {
			row.add(field.toString());
			field.setLength(0);
			rows.add(row);
		}
		else if (c != '\r') {
			field.append((char) c);
		}
	}
}
