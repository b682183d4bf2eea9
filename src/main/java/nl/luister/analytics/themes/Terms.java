package nl.luister.analytics.themes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;

/**
 * Cuts a message into the terms a theme can be: words (letters and digits, three characters or more, not only
 * digits, not a Dutch or English stop word) and phrases of two such words that stand next to each other. URLs,
 * @handles and e-mail addresses are left out; text is NFKC-normalised and lower-cased. Each term counts once per message.
 * Thread-safe.
 */
final class Terms {

	private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|\\S+@\\S+|@\\w+");
	private static final CharArraySet STOP = stopWords();

	private Terms() {
	}

	private static CharArraySet stopWords() {
		CharArraySet set = new CharArraySet(400, true);
		set.addAll(DutchAnalyzer.getDefaultStopSet());
		set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		// chat and web words that are never a theme, and Dutch and English function words the default lists lack
		for (String w : ("rt via amp http https www com the and you your our are was were have has had for with this that from not but "
				+ "can cant don dont didn doesn isn what when where which who why how all any just also been being more most some such than too very "
				+ "will would should could into out about over again still even only own same they them their there these those then here "
				+ "nog wel weer even gewoon echt heel veel ook maar dus toch alweer zeker graag jullie jij jou mijn onze jouw hun hebben heb hebt "
				+ "heeft wordt worden werd waren kunnen kan kun moet moeten zou zouden gaat gaan ging komt komen nou hoe wat waarom wanneer "
				+ "welke deze dit dat die daar hier elke iemand iets niets niks alle alles").split(" "))
			set.add(w);
		return CharArraySet.unmodifiableSet(set);
	}

	/** The distinct terms of a text: words first, then two-word phrases, in order of appearance. */
	static Set<String> of(String text) {
		Set<String> out = new LinkedHashSet<>();
		if (text == null || text.isEmpty()) return out;
		String clean = NOISE.matcher(Normalizer.normalize(text.length() > 20_000 ? text.substring(0, 20_000) : text, Normalizer.Form.NFKC)).replaceAll(" ");
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= clean.length(); i++) {
			int c = i < clean.length() ? clean.codePointAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.appendCodePoint(c);
				if (Character.isSupplementaryCodePoint(c)) i++;
				continue;
			}
			if (!word.isEmpty()) {
				words.add(keep(word.toString()));
				word.setLength(0);
			}
			// punctuation ends a phrase; spaces, apostrophes and hyphens do not
			if (!Character.isWhitespace(c) && c != '\'' && c != '-') words.add(null);
			if (Character.isSupplementaryCodePoint(c)) i++;
		}
		String previous = null;
		List<String> phrases = new ArrayList<>();
		for (String w : words) {
			if (w != null) {
				out.add(w);
				if (previous != null) phrases.add(previous + " " + w);
			}
			previous = w;
		}
		out.addAll(phrases);
		return out;
	}

	/** The word as a term, or {@code null} when it is too short, only digits or a stop word (it then breaks phrases). */
	private static String keep(String raw) {
		String w = raw.toLowerCase(Locale.ROOT);
		if (w.codePointCount(0, w.length()) < 3 || w.chars().allMatch(Character::isDigit) || STOP.contains(w)) return null;
		return w;
	}
}
