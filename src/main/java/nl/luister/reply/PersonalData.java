package nl.luister.reply;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text, in Dutch and English: requests for it ("send us your order number",
 * "wat is je adres?") and the data itself (an IBAN that passes its check digits, a phone number, an e-mail
 * address, a postcode or street address, an order or tracking number). A public reply that asks for it, or a
 * draft that contains it, should move to a private channel (a direct message or e-mail).
 *
 * <p>A request that already moves to a private channel ("DM us your order number", "mail ons je adres") is
 * not a finding: that is the advice. Heuristic and fast (a few regular expressions); stateless and thread-safe.
 * Never {@code null}: a {@code null} text has no findings.
 */
public final class PersonalData {

	/** Kinds of personal data. */
	public enum Kind {
		ORDER_NUMBER, ADDRESS, PHONE, IBAN, EMAIL
	}

	/**
	 * What a text asks for and what it contains.
	 *
	 * @param asked     kinds of data the text asks the reader for in public
	 * @param contained kinds of data the text itself holds
	 */
	public record Findings(Set<Kind> asked, Set<Kind> contained) {
		public Findings {
			asked = asked.isEmpty() ? Set.of() : Set.copyOf(asked);
			contained = contained.isEmpty() ? Set.of() : Set.copyOf(contained);
		}

		/** Whether the text should rather be sent privately. */
		public boolean any() {
			return !asked.isEmpty() || !contained.isEmpty();
		}
	}

	private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final Pattern NOUN_ORDER = Pattern.compile(
			"\\b(order ?(number|no\\.?|nr\\.?|id)|tracking ?(code|number|id)|track ?(&|and|en) ?trace|bestel ?nummer|order ?nummer|zending ?nummer|klant ?nummer|customer ?number)\\b", F);
	private static final Pattern NOUN_ADDRESS = Pattern.compile(
			"(?<!mail )\\b(address|home address|postcode|postal code|zip ?code|house number|adres|huisnummer|woonadres)\\b", F);
	private static final Pattern NOUN_PHONE = Pattern.compile(
			"\\b(phone ?number|telephone|mobile number|telefoon ?nummer|06[- ]?nummer|mobiele? ?nummer)\\b", F);
	private static final Pattern NOUN_IBAN = Pattern.compile("\\b(iban|bank ?account( number)?|rekening ?nummer|bankrekening)\\b", F);
	private static final Pattern NOUN_EMAIL = Pattern.compile("\\b(e-?mail ?(address)?|e-?mail ?adres|mail ?adres)\\b", F);

	/** Asking someone for something: a request verb, a question or "please/graag". */
	private static final Pattern REQUEST = Pattern.compile(
			"(\\?|\\b(send|share|give|tell|provide|post|let us know|can you|could you|would you|please|what is|what's|"
					+ "stuur|stuurt|deel|deelt|geef|geeft|laat (ons|me|mij) .{0,40}weten|vermeld|noem|kun je|kunt u|wil je|wilt u|graag|wat is)\\b)", F);

	/** The request already moves to a private channel. */
	private static final Pattern PRIVATE = Pattern.compile(
			"\\b(dm|pm|direct ?message|private ?message|privé ?bericht|prive ?bericht|privébericht|inbox|"
					+ "e-?mail (us|ons)|mail (us|ons)|via (e-?mail|mail)|per (e-?mail|mail)|contact ?formulier|contact form|bel (ons|onze)|call us)\\b", F);

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");
	private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
	private static final Pattern PHONE = Pattern.compile(
			"(?<![\\d+])(?:(?:\\+|00)\\d{2}[ -]?(?:\\(0\\)[ -]?)?\\d(?:[ -]?\\d){7,10}|0[1-9](?:[ -]?\\d){8})(?!\\d)");
	private static final Pattern POSTCODE = Pattern.compile("\\b[1-9]\\d{3} ?(?!SA|SD|SS)[A-Z]{2}\\b");
	private static final Pattern STREET = Pattern.compile(
			"\\b\\p{Lu}\\p{L}+(straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|dreef|park)\\s+\\d{1,5}\\s?[a-zA-Z]?\\b"
					+ "|\\b\\d{1,5}\\s+\\p{Lu}\\p{L}+\\s+(Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Boulevard)\\b");
	private static final Pattern ORDER = Pattern.compile(
			"\\b(order|bestelling|bestelnummer|ordernummer|tracking|trackingcode|zending|zendingnummer|pakket|parcel|klantnummer)"
					+ "\\s*(number|no\\.?|nr\\.?|nummer|code|id)?\\s*[:#]?\\s*([A-Z]{0,4}[-]?\\d[\\dA-Z-]{5,})\\b", F);

	private PersonalData() {
	}

	/** What {@code text} asks for and holds. */
	public static Findings inspect(String text) {
		if (text == null || text.isBlank()) return new Findings(Set.of(), Set.of());
		return new Findings(asked(text), contained(text));
	}

	/** Kinds of data the text asks for in public; empty when it already moves to a private channel. */
	public static Set<Kind> asked(String text) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		if (text == null || !REQUEST.matcher(text).find() || PRIVATE.matcher(text).find()) return kinds;
		if (NOUN_ORDER.matcher(text).find()) kinds.add(Kind.ORDER_NUMBER);
		if (NOUN_ADDRESS.matcher(text).find()) kinds.add(Kind.ADDRESS);
		if (NOUN_PHONE.matcher(text).find()) kinds.add(Kind.PHONE);
		if (NOUN_IBAN.matcher(text).find()) kinds.add(Kind.IBAN);
		if (NOUN_EMAIL.matcher(text).find()) kinds.add(Kind.EMAIL);
		return kinds;
	}

	/** Kinds of data the text holds. */
	public static Set<Kind> contained(String text) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		if (text == null) return kinds;
		if (EMAIL.matcher(text).find()) kinds.add(Kind.EMAIL);
		Matcher iban = IBAN.matcher(text);
		while (iban.find()) {
			if (validIban(iban.group())) {
				kinds.add(Kind.IBAN);
				break;
			}
		}
		// an IBAN's digits are not a phone number
		String withoutIbans = IBAN.matcher(text).replaceAll(" ");
		if (PHONE.matcher(withoutIbans).find()) kinds.add(Kind.PHONE);
		if (POSTCODE.matcher(text).find() || STREET.matcher(text).find()) kinds.add(Kind.ADDRESS);
		if (ORDER.matcher(withoutIbans).find()) kinds.add(Kind.ORDER_NUMBER);
		return kinds;
	}

	/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 is 1. */
	static boolean validIban(String candidate) {
		String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
		if (iban.length() < 15 || iban.length() > 34) return false;
		String moved = iban.substring(4) + iban.substring(0, 4);
		StringBuilder digits = new StringBuilder();
		for (char c : moved.toCharArray()) {
			if (Character.isDigit(c)) digits.append(c);
			else if (c >= 'A' && c <= 'Z') digits.append(c - 'A' + 10);
			else return false;
		}
		return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
	}
}
