package nl.luister.noise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus of tweet- and article-length texts with known near-duplicates, for measuring precision and
 * recall of the grouping. Every item carries the cluster it truly belongs to; items of one cluster are copies.
 *
 * <p>Positives: retweets ({@code RT @x: …}), syndicated news (one article of 3 to 7 sentences as outlets carry it:
 * about half with their own headline, some with the first words of the lead changed or a dateline such as
 * {@code UTRECHT (ANP) -} put in front, three in five cut off anywhere from 15 words on with or without an ellipsis,
 * with or without a "Lees verder"/"Read more" tail, a source line and an address), copy-paste storms (the same
 * message from many accounts, some with a word changed, a hashtag or emoji added, case changed, NFD spelling). Hard
 * negatives: one template with different order numbers, a long notification template with another name, order
 * number, date and tracking code, short texts that many people write alike ("waar is mijn pakket?"), different
 * articles of one outlet with the same tail, footer and source line, different articles quoting the same statement,
 * and independent messages about the same topic drawn from the same vocabulary. Deterministic for a seed.
 */
final class NearDuplicateCorpus {

	/**
	 * One text: news has a headline ({@code title}, else {@code null}) and a body, as a feed delivers them; {@link #text}
	 * joins them the way the pipeline does.
	 */
	record Item(String title, String body, int cluster, Instant at, String kind) {

		String text() {
			return title == null ? body : title + "\n" + body;
		}
	}

	private static final String[] NL = ("pakket bezorger koerier vandaag morgen gisteren niet wel nog steeds weer geen mijn "
			+ "de het een is was wordt werd heb hebben al om tussen uur deur brievenbus buren afgeleverd bezorgd kwijt zoek "
			+ "beschadigd klantenservice app trackingcode status melding bericht retour verzonden verwacht vertraging wachten "
			+ "dagen week waarom hoe wanneer echt super slecht goed snel traag vriendelijk chauffeur depot sorteercentrum "
			+ "adres postcode huisnummer handtekening foto bewijs aangetekend spoed belofte excuses terugbellen chat mail "
			+ "telefoon wachttijd minuten klacht vraag compensatie geld terug bestelling webshop levering zaterdag zondag").split(" ");

	private static final String[] EN = ("parcel courier delivery today tomorrow yesterday not still again no my the a is was "
			+ "been have has already at between hours door mailbox neighbours delivered lost missing damaged customer service "
			+ "app tracking code status notification message return shipped expected delay waiting days week why how when "
			+ "really super bad good fast slow friendly driver depot address postcode signature photo proof registered urgent "
			+ "promise apology callback chat email phone waiting time minutes complaint question refund money order shop").split(" ");

	private static final String[] SUFFIXES = { "Lees meer op nu.nl", "(ANP)", "Bron: RTL Nieuws", "Read more at reuters.com",
			"— NOS", "Dit artikel verscheen eerder in het AD", "Copyright 2026 De Telegraaf", "via @nieuwsbot" };

	private static final String[] TAILS = { "Lees verder", "Lees verder »", "Lees meer", "Read more", "Read more »", "Continue reading",
			"Lees het hele artikel", "Meer lezen" };

	private static final String[] CUT_MARKS = { "…", "...", " […]", " [...]", "" };

	private static final String[] PLACES = { "AMSTERDAM", "DEN HAAG", "UTRECHT", "ROTTERDAM", "LONDON", "EINDHOVEN" };

	private static final String FOOTER = "Volg ons ook op Facebook en Instagram voor het laatste nieuws uit de regio en daarbuiten.";

	private static final String[] NAMES = { "Anna", "Bram", "Carla", "Daan", "Emma", "Finn", "Gijs", "Hanna" };

	private static final String LONG_TEMPLATE = "Beste %s, goed nieuws: je bestelling %d is vandaag ingepakt en verzonden. "
			+ "We verwachten hem op %d december tussen 9:00 en 17:00 te bezorgen. Ben je niet thuis, dan proberen we het de "
			+ "volgende werkdag opnieuw of leggen we hem bij de buren. Volg je pakket met code %s in de app.";

	private static final String[] SHORT = { "waar is mijn pakket?", "top service, bedankt!", "nog steeds niks ontvangen",
			"where is my parcel?", "great service, thanks!", "still nothing delivered", "pakket kwijt", "bezorger was super vriendelijk" };

	private final Random random;

	private final List<Item> items = new ArrayList<>();

	private int clusters;

	private final Instant start = Instant.parse("2026-11-01T00:00:00Z");

	private NearDuplicateCorpus(long seed) {
		this.random = new Random(seed);
	}

	/** About {@code 21 * scale} clusters; with scale 500 some 24,000 texts. */
	static List<Item> generate(long seed, int scale) {
		NearDuplicateCorpus c = new NearDuplicateCorpus(seed);
		for (int i = 0; i < scale; i++) {
			c.retweets();
			c.syndicated();
			c.storm();
			c.orderTemplate();
			c.shortTexts();
			c.sameOutlet();
			c.sharedQuote();
			c.longTemplate();
			for (int s = 0; s < 6; s++) c.single();
		}
		c.items.sort(java.util.Comparator.comparing(Item::at));
		return c.items;
	}

	private String sentence(int words) {
		String[] vocab = random.nextBoolean() ? NL : EN;
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < words; i++) {
			// Zipf-like: common words far more often, as in real messages about one subject
			int idx = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * vocab.length));
			if (i > 0) sb.append(' ');
			sb.append(vocab[idx]);
		}
		sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
		return sb.append(random.nextInt(4) == 0 ? "!" : ".").toString();
	}

	private Instant at() {
		return start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 20)));
	}

	private void add(String text, int cluster, Instant at, String kind) {
		items.add(new Item(null, text, cluster, at, kind));
	}

	private void add(String title, String body, int cluster, Instant at, String kind) {
		items.add(new Item(title, body, cluster, at, kind));
	}

	private void retweets() {
		int cluster = clusters++;
		String original = sentence(10 + random.nextInt(16)) + " #KoerierSnel";
		Instant t = at();
		add(original, cluster, t, "retweet");
		int copies = 1 + random.nextInt(8);
		for (int i = 0; i < copies; i++) {
			String rt = "RT @user" + random.nextInt(10000) + ": " + original;
			add(rt, cluster, t.plus(Duration.ofMinutes(random.nextInt(600))), "retweet");
		}
	}

	private void syndicated() {
		int cluster = clusters++;
		String headline = headline();
		List<String> body = new ArrayList<>();
		int sentences = 3 + random.nextInt(5);
		for (int s = 0; s < sentences; s++) body.add(sentence(8 + random.nextInt(15)));
		String article = String.join(" ", body);
		Instant t = at();
		int copies = 2 + random.nextInt(5);
		for (int i = 0; i < copies; i++) {
			StringBuilder sb = new StringBuilder();
			// each outlet writes its own headline about half the time
			String title = random.nextBoolean() ? headline : headline();
			String text = article;
			if (random.nextInt(4) == 0) text = replaceFirstWords(text, 1 + random.nextInt(3));
			if (random.nextInt(3) == 0) text = PLACES[random.nextInt(PLACES.length)] + (random.nextBoolean() ? " (ANP) - " : " - ") + text;
			// a feed or a teaser shows the first part only, cut anywhere from 15 words to (nearly) the whole article
			String[] words = text.split(" ");
			boolean cut = random.nextInt(5) < 3 && words.length > 16;
			if (cut) {
				text = String.join(" ", java.util.Arrays.copyOf(words, 15 + random.nextInt(words.length - 15)));
				text += CUT_MARKS[random.nextInt(CUT_MARKS.length)];
			}
			sb.append(text);
			if (cut || random.nextInt(3) == 0) sb.append(random.nextBoolean() ? "\n" : " ").append(TAILS[random.nextInt(TAILS.length)]);
			if (random.nextInt(10) < 7) sb.append(random.nextBoolean() ? "\n" : " ").append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
			if (random.nextInt(10) < 9) sb.append(' ').append("https://news").append(random.nextInt(50)).append(".example/a/").append(random.nextInt(100000));
			add(title, sb.toString(), cluster, t.plus(Duration.ofMinutes(random.nextInt(240))), "syndicated");
		}
	}

	private String headline() {
		String h = sentence(5 + random.nextInt(6));
		return h.substring(0, h.length() - 1);
	}

	/** An outlet's lead that starts differently: its first words replaced by others. */
	private String replaceFirstWords(String text, int n) {
		String[] words = text.split(" ");
		for (int i = 0; i < n && i < words.length; i++) {
			String[] vocab = random.nextBoolean() ? NL : EN;
			words[i] = vocab[random.nextInt(vocab.length)];
		}
		words[0] = Character.toUpperCase(words[0].charAt(0)) + words[0].substring(1);
		return String.join(" ", words);
	}

	/** Hard negative: different articles of one outlet with the same headline style, tail, source line and footer. */
	private void sameOutlet() {
		int outlet = random.nextInt(SUFFIXES.length);
		String tail = TAILS[random.nextInt(TAILS.length)];
		Instant t = at();
		for (int i = 0; i < 3; i++) {
			String body = sentence(8 + random.nextInt(10)) + " " + sentence(8 + random.nextInt(14));
			add(headline(), body + " " + tail + "\n" + FOOTER + "\n" + SUFFIXES[outlet] + " https://news" + outlet + ".example/a/"
					+ random.nextInt(100000), clusters++, t.plus(Duration.ofMinutes(random.nextInt(240))), "same-outlet");
		}
	}

	/** Hard negative: different articles that quote the same statement of a company. */
	private void sharedQuote() {
		String quote = "\"" + sentence(14 + random.nextInt(8)) + "\", aldus een woordvoerder.";
		Instant t = at();
		for (int i = 0; i < 3; i++) {
			String before = sentence(10 + random.nextInt(14)), after = sentence(10 + random.nextInt(20));
			add(headline(), before + " " + quote + " " + after, clusters++, t.plus(Duration.ofMinutes(random.nextInt(240))), "shared-quote");
		}
	}

	/** Hard negative: one long notification template with another name, order number, date and tracking code. */
	private void longTemplate() {
		Instant t = at();
		for (int i = 0; i < 3; i++) {
			String name = NAMES[random.nextInt(NAMES.length)];
			add(LONG_TEMPLATE.formatted(name, 100000 + random.nextInt(900000), 1 + random.nextInt(28), "3SKS" + (1000000 + random.nextInt(9000000))),
					clusters++, t.plus(Duration.ofMinutes(random.nextInt(60))), "long-template");
		}
	}

	private void storm() {
		int cluster = clusters++;
		String template = sentence(14 + random.nextInt(14)) + (random.nextBoolean() ? " Één ster, ná drie dagen café." : "") + " @KoerierSnel";
		Instant t = at();
		int copies = 3 + random.nextInt(30);
		for (int i = 0; i < copies; i++) {
			String text = template;
			switch (random.nextInt(6)) {
				case 0 -> text = replaceOneWord(text);
				case 1 -> text = text + " #boycot";
				case 2 -> text = text + " 😡😡";
				case 3 -> text = text.toUpperCase(java.util.Locale.ROOT);
				// NFD spells é as e + U+0301: a different text to a byte comparison, the same to a reader
				case 4 -> text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
				default -> { }
			}
			add(text, cluster, t.plus(Duration.ofMinutes(random.nextInt(180))), "storm");
		}
	}

	private String replaceOneWord(String text) {
		String[] words = text.split(" ");
		int i = random.nextInt(words.length);
		String[] vocab = random.nextBoolean() ? NL : EN;
		words[i] = vocab[random.nextInt(vocab.length)];
		return String.join(" ", words);
	}

	private void orderTemplate() {
		String template = random.nextBoolean()
				? "Uw bestelling %d is verzonden en wordt morgen tussen 9:00 en 17:00 bezorgd. Volg uw pakket met code %s"
				: "Your order %d has shipped and will be delivered tomorrow between 9 am and 5 pm. Track it with code %s";
		Instant t = at();
		for (int i = 0; i < 3; i++) {
			add(template.formatted(100000 + random.nextInt(900000), "3SKS" + (1000000 + random.nextInt(9000000))), clusters++,
					t.plus(Duration.ofMinutes(random.nextInt(60))), "order-template");
		}
	}

	private void shortTexts() {
		Instant t = at();
		for (int i = 0; i < 3; i++) {
			add(SHORT[random.nextInt(SHORT.length)], clusters++, t.plus(Duration.ofMinutes(random.nextInt(60))), "short");
		}
	}

	private void single() {
		add(sentence(8 + random.nextInt(25)), clusters++, at(), "single");
	}
}
