package nl.luister.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A template body parsed into literal text and variables ({@code {{customer.first_name}}}). Parsing refuses
 * unknown variables and unclosed braces with the column and a hint. Rendering is one pass: a value is inserted as
 * plain text and never read again, so a customer named {@code {{agent.name}}} stays exactly that; control
 * characters are dropped from values, a value is cut at {@value #MAX_VALUE} characters and the result at
 * {@value #MAX_RENDERED}. Immutable and thread-safe.
 */
public final class TemplateText {

	/** The variables a template may use, in the order the editor lists them. */
	public static final List<String> VARIABLES = List.of("customer.name", "customer.first_name", "agent.name",
			"agent.first_name", "case.number", "brand");

	static final int MAX_VALUE = 200;
	static final int MAX_RENDERED = 10_000;

	private sealed interface Part permits Literal, Variable {
	}

	private record Literal(String text) implements Part {
	}

	private record Variable(String name) implements Part {
	}

	private final List<Part> parts;

	private TemplateText(List<Part> parts) {
		this.parts = parts;
	}

	/**
	 * Parses a body.
	 *
	 * @throws InvalidTemplate naming the column of an unknown variable or an unclosed {@code {{}
	 */
	public static TemplateText parse(String body) {
		List<Part> parts = new ArrayList<>();
		int i = 0;
		StringBuilder literal = new StringBuilder();
		while (i < body.length()) {
			int open = body.indexOf("{{", i);
			if (open < 0) {
				literal.append(body, i, body.length());
				break;
			}
			literal.append(body, i, open);
			int close = body.indexOf("}}", open + 2);
			int nextOpen = body.indexOf("{{", open + 2);
			if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
				throw new InvalidTemplate("body", open + 1, "'{{' is not closed with '}}'", "write a variable as {{customer.first_name}}");
			}
			String name = body.substring(open + 2, close).strip();
			if (!VARIABLES.contains(name)) {
				throw new InvalidTemplate("body", open + 1, "unknown variable '" + abbreviate(name) + "'", hint(name));
			}
			if (!literal.isEmpty()) parts.add(new Literal(literal.toString()));
			literal.setLength(0);
			parts.add(new Variable(name));
			i = close + 2;
		}
		if (!literal.isEmpty()) parts.add(new Literal(literal.toString()));
		return new TemplateText(List.copyOf(parts));
	}

	/** The variables this body uses, in order of first use. */
	public List<String> variables() {
		return parts.stream().filter(Variable.class::isInstance).map(p -> ((Variable) p).name()).distinct().toList();
	}

	/** Renders the body with these values; a missing value renders as nothing. */
	public String render(Map<String, String> values) {
		StringBuilder out = new StringBuilder();
		for (Part p : parts) {
			switch (p) {
				case Literal(String text) -> out.append(text);
				case Variable(String name) -> out.append(clean(values.get(name)));
			}
			if (out.length() >= MAX_RENDERED) break;
		}
		return out.length() > MAX_RENDERED ? out.substring(0, MAX_RENDERED) : out.toString();
	}

	/** A value as it may appear in a reply: no control characters, no line breaks, at most {@value #MAX_VALUE} characters. */
	static String clean(String value) {
		if (value == null) return "";
		StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_VALUE));
		value.codePoints().forEach(cp -> {
			if (b.length() >= MAX_VALUE) return;
			if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT && cp != 0x200D) return;
			b.appendCodePoint(cp);
		});
		return b.toString().strip();
	}

	private static String hint(String name) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String v : VARIABLES) {
			int d = distance(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_'), v);
			if (d < bestDistance) {
				bestDistance = d;
				best = v;
			}
		}
		String known = "known variables: " + String.join(", ", VARIABLES.stream().map(v -> "{{" + v + "}}").toList());
		return bestDistance <= 4 ? "did you mean {{" + best + "}}? " + known : known;
	}

	private static String abbreviate(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

	private static int distance(String a, String b) {
		if (a.length() > 60) return Integer.MAX_VALUE;
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}
}
