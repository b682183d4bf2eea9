package nl.luister.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code eval} and {@code classify} commands of the packaged jar; they run without Spring, the web server or the
 * database.
 * <ul>
 * <li>{@code eval --task sentiment|complaint|question|praise|language FILE.tsv [--text COL] [--label COL] [--language HINT]} reads a
 * tab-separated file (RFC-4180 quoting) of text and gold label, with or without a header row, and prints accuracy,
 * macro-averaged recall, macro-averaged F1 and the confusion matrix. With a header, the text column is {@code text}
 * (or {@code headline}) and the label column {@code label_name}, {@code label} or the task's name, unless named.</li>
 * <li>{@code classify FILE} (or {@code -} for standard input) reads one text per line and writes one JSON object per
 * line, in order.</li>
 * </ul>
 * Exit status 0 on success, 2 on a usage error or unreadable file (the reason goes to standard error).
 */
public final class EnrichCli {

	private static final Set<String> COMMANDS = Set.of("eval", "classify");

	private EnrichCli() {
	}

	public static boolean handles(String command) {
		return COMMANDS.contains(command);
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			if (args.length > 0 && args[0].equals("eval")) {
				return eval(args, out, err);
			}
			if (args.length > 1 && args[0].equals("classify")) {
				return classify(args[1], out);
			}
			err.println(usage());
			return 2;
		}
		catch (NoSuchFileException e) {
			err.println("No such file: " + e.getFile());
			return 2;
		}
		catch (IOException e) {
			err.println("Could not read input: " + e.getMessage());
			return 2;
		}
		catch (IllegalArgumentException e) {
			err.println(e.getMessage());
			err.println(usage());
			return 2;
		}
	}

	private static String usage() {
		return """
				usage: luister.jar eval --task sentiment|complaint|question|praise|language FILE.tsv [--text COLUMN] [--label COLUMN] [--language HINT]
				       luister.jar classify FILE|-""";
	}

	private static int eval(String[] args, PrintStream out, PrintStream err) throws IOException {
		String task = null, file = null, textColumn = null, labelColumn = null, hint = null;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--task" -> task = value(args, ++i, "--task");
				case "--text" -> textColumn = value(args, ++i, "--text");
				case "--label" -> labelColumn = value(args, ++i, "--label");
				case "--language" -> hint = value(args, ++i, "--language");
				default -> file = args[i];
			}
		}
		if (task == null || !List.of("sentiment", "complaint", "question", "praise", "language").contains(task) || file == null) {
			throw new IllegalArgumentException("eval needs --task sentiment|complaint|question|praise|language and a file");
		}
		List<List<String>> rows = Tsv.read(Path.of(file));
		if (rows.isEmpty()) {
			throw new IllegalArgumentException(file + " is empty");
		}
		List<String> first = rows.getFirst();
		int t = 0, l = 1;
		boolean header = first.contains("text") || first.contains("headline") || first.contains("label")
				|| first.contains("label_name") || (textColumn != null && first.contains(textColumn));
		if (header) {
			t = column(first, textColumn, "text", "headline");
			l = column(first, labelColumn, "label_name", "label", task);
			if (t < 0 || l < 0) {
				throw new IllegalArgumentException(file + ": cannot find the text and label columns in " + first);
			}
			rows = rows.subList(1, rows.size());
		}
		MessageUnderstanding understanding = MessageUnderstanding.withDefaults();
		Metrics metrics = switch (task) {
			case "sentiment" -> new Metrics("negative", "neutral", "positive");
			case "complaint", "question", "praise" -> new Metrics("0", "1");
			default -> new Metrics();
		};
		understanding.languages().warmUp();
		int skipped = 0;
		long start = System.nanoTime();
		for (List<String> row : rows) {
			if (row.size() <= Math.max(t, l)) {
				skipped++;
				continue;
			}
			Understanding u = understanding.understand(row.get(t), hint);
			String predicted = switch (task) {
				case "sentiment" -> u.sentiment().label();
				case "complaint" -> u.complaint() ? "1" : "0";
				case "question" -> u.question() ? "1" : "0";
				case "praise" -> u.praise() ? "1" : "0";
				default -> u.language();
			};
			metrics.add(normalise(task, row.get(l)), predicted);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf(Locale.ROOT, "task=%s file=%s%n", task, file);
		out.print(metrics.report());
		out.printf(Locale.ROOT, "%.1f texts/s (one thread, including language identification)%n",
				metrics.total() / Math.max(seconds, 1e-9));
		if (skipped > 0) {
			err.printf(Locale.ROOT, "%d rows without text and label were skipped%n", skipped);
		}
		return 0;
	}

	private static String normalise(String task, String label) {
		String l = label.trim().toLowerCase(Locale.ROOT);
		if (!task.equals("sentiment") && !task.equals("language")) {
			return switch (l) {
				case "true", "yes", "complaint", "question", "praise" -> "1";
				case "false", "no" -> "0";
				default -> l;
			};
		}
		return l;
	}

	private static int column(List<String> header, String named, String... candidates) {
		if (named != null) {
			return header.indexOf(named);
		}
		for (String c : candidates) {
			if (header.contains(c)) {
				return header.indexOf(c);
			}
		}
		return -1;
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static int classify(String file, PrintStream out) throws IOException {
		MessageUnderstanding understanding = MessageUnderstanding.withDefaults();
		try (Reader r = file.equals("-") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
				: Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
				BufferedReader lines = new BufferedReader(r)) {
			String line;
			StringBuilder json = new StringBuilder(256);
			while ((line = lines.readLine()) != null) {
				json.setLength(0);
				Understanding u = understanding.understand(line, null);
				json.append("{\"language\":\"").append(u.language()).append('"');
				number(json, "languageConfidence", u.languageConfidence());
				json.append(",\"sentiment\":\"").append(u.sentiment().label()).append('"');
				number(json, "sentimentConfidence", u.sentimentConfidence());
				flag(json, "complaint", u.complaint(), u.complaintConfidence());
				flag(json, "question", u.question(), u.questionConfidence());
				flag(json, "praise", u.praise(), u.praiseConfidence());
				flag(json, "request", u.request(), u.requestConfidence());
				out.println(json.append('}'));
			}
		}
		out.flush();
		return 0;
	}

	private static void flag(StringBuilder json, String name, boolean value, double confidence) {
		json.append(",\"").append(name).append("\":").append(value);
		number(json, name + "Confidence", confidence);
	}

	private static void number(StringBuilder json, String name, double value) {
		json.append(",\"").append(name).append("\":")
			.append(String.format(Locale.ROOT, "%.3f", Double.isFinite(value) ? value : 0));
	}
}
