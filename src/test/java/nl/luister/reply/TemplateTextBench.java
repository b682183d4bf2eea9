package nl.luister.reply;

import java.util.HashMap;
import java.util.Map;

/**
 * How long a template takes to parse and render for a case (what the picker does for each template it shows): a
 * 300-character Dutch template with five variables, values that include markup, braces and control characters.
 * Reports microseconds per parse + render after a warm-up. Not a test: timing lives here. Run:
 * {@code java -cp target/test-classes:target/classes nl.luister.reply.TemplateTextBench [N]}.
 */
public final class TemplateTextBench {

	private TemplateTextBench() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		String body = "Hoi {{customer.first_name}}, wat vervelend dat je pakket nog niet is bezorgd. Ik ben {{agent.first_name}} "
				+ "van {{brand}} en ik zoek het voor je uit onder zaaknummer {{case.number}}. Wil je ons een privébericht sturen "
				+ "met je postcode en huisnummer? Dan kijken we meteen waar het pakket is. Groet, {{agent.name}}";
		Map<String, String> values = new HashMap<>();
		values.put("customer.first_name", "<script>alert(1)</script>{{agent.name}}\u202E\u0007");
		values.put("agent.first_name", "Bob");
		values.put("agent.name", "Bob de Bouwer");
		values.put("brand", "KoerierSnel");
		long length = 0;
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < n; i++) {
				values.put("case.number", Integer.toString(i));
				length += TemplateText.parse(body).render(values).length();
			}
		}
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			values.put("case.number", Integer.toString(i));
			length += TemplateText.parse(body).render(values).length();
		}
		long nanos = System.nanoTime() - start;
		System.out.printf("%d renders (%d chars in all), %.2f µs per parse + render, %.0f renders/s%n", n, length, nanos / 1000.0 / n,
				n / (nanos / 1e9));
	}
}
