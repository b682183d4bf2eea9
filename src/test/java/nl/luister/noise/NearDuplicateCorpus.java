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
 * <p>Positives: retweets ({@code RT @x: …}, some cut off with an ellipsis), syndicated news (the same article with
 * another source line and address), copy-paste storms (the same message from many accounts, some with a word
 * changed, a hashtag or emoji added, case changed, NFD spelling). Hard negatives: one template with different order
 * numbers, short texts that many people write alike ("waar is mijn pakket?"), and independent messages about the same
 * topic drawn from the same vocabulary. Deterministic for a seed.
 */
final class NearDuplicateCorpus {

	record Item(String text, int cluster, Instant at, String kind) {
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

	private static final String[] SHORT = { "waar is mijn pakket?", "top service, bedankt!", "nog steeds niks ontvangen",
			"where is my parcel?", "great service, thanks!", "still nothing delivered", "pakket kwijt", "bezorger was super vriendelijk" };

	private final Random random;

	private final List<Item> items = new ArrayList<>();

	private int clusters;

	private final Instant start = Instant.parse("2026-11-01T00:00:00Z");

	private NearDuplicateCorpus(long seed) {
		this.random = new Random(seed);
	}

	/** About {@code 12 * scale} clusters; with scale 500 some 30,000 texts. */
	static List<Item> generate(long seed, int scale) {
		NearDuplicateCorpus c = new NearDuplicateCorpus(seed);
		for (int i = 0; i < scale; i++) {
			c.retweets();
			c.syndicated();
			c.storm();
			c.orderTemplate();
			c.shortTexts();
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
		items.add(new Item(text, cluster, at, kind));
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
		String body = sentence(8) + " " + sentence(14 + random.nextInt(10)) + " " + sentence(12 + random.nextInt(10));
		Instant t = at();
		int copies = 2 + random.nextInt(5);
		for (int i = 0; i < copies; i++) {
			String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
			add(body + " " + suffix + " https://news" + random.nextInt(50) + ".example/a/" + random.nextInt(100000), cluster,
					t.plus(Duration.ofMinutes(random.nextInt(240))), "syndicated");
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
