package nl.luister.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How long {@link PersonalData#inspect} takes for a reply draft: N drafts of 40–400 characters in Dutch and English,
 * a third asking for data, a third holding data, a third neither; reports microseconds per draft after a warm-up.
 * Not a test: timing lives here. Run: {@code java -cp target/test-classes:target/classes nl.luister.reply.PersonalDataBench [N]}.
 */
public final class PersonalDataBench {

	private PersonalDataBench() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		String[] asks = { "Wat is je bestelnummer en je adres?", "Could you share your phone number so we can call?",
				"Stuur je rekeningnummer, dan storten we het terug.", "Please post your tracking code here." };
		String[] holds = { "We bellen je op 06-12345678.", "Je IBAN NL91 ABNA 0417 1643 00 staat genoteerd.",
				"Bezorgd op Dorpsstraat 12, 1234 AB Utrecht.", "Mail anna.devries@example.nl voor je order #98765432." };
		String[] neither = { "Wat vervelend dat je pakket te laat is! We kijken er direct naar.",
				"Thanks for your patience, the parcel is on its way and should arrive tomorrow evening." };
		Random random = new Random(1);
		List<String> drafts = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String[] pool = i % 3 == 0 ? asks : i % 3 == 1 ? holds : neither;
			StringBuilder d = new StringBuilder("@klant" + i + " ");
			int sentences = 1 + random.nextInt(4);
			for (int s = 0; s < sentences; s++) d.append(neither[random.nextInt(neither.length)]).append(' ');
			d.append(pool[random.nextInt(pool.length)]);
			drafts.add(d.toString());
		}
		int found = 0;
		for (int round = 0; round < 3; round++) {
			for (String d : drafts) if (PersonalData.inspect(d).any()) found++;
		}
		long start = System.nanoTime();
		found = 0;
		for (String d : drafts) if (PersonalData.inspect(d).any()) found++;
		long nanos = System.nanoTime() - start;
		System.out.printf("%d drafts, %d with findings, %.1f µs per draft, %.0f drafts/s%n", n, found, nanos / 1000.0 / n, n / (nanos / 1e9));
	}
}
