package nl.luister.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.luister.monitor.TopicMatcher.StandingQuery;

/**
 * Generates realistic topic queries (brand and product names, OR lists of synonyms, NOT noise words, phrases,
 * proximity, wildcards and every field) and tweet-length Dutch and English mentions that talk about those
 * brands. Deterministic for a seed; used by the correctness oracle and the benchmark.
 */
final class TopicCorpus {

	private static final String[] SYLLABLES = { "koe", "rier", "snel", "box", "pak", "ket", "post", "bo", "de",
			"ex", "press", "flits", "bank", "acme", "zon", "stroom", "net", "tel", "mo", "bi", "ver", "zeker", "ing",
			"rab", "ka", "fe", "shop", "mark", "lux", "vita", "nova", "groen", "blauw", "ster", "lijn", "trein" };

	private static final String[] DUTCH = ("mijn pakket is nog steeds niet bezorgd en de klantenservice reageert "
			+ "niet wat een slechte service al drie dagen wachten op de bezorger vandaag weer niks gehoord "
			+ "geweldig snel geleverd echt top bedankt voor de hulp storing in de app kan niet inloggen "
			+ "factuur klopt niet te laat bezorging retour sturen hoe werkt dat nieuwe winkel open in utrecht "
			+ "amsterdam rotterdam vacature bezorgers gezocht aanbieding korting weekend trein vertraging "
			+ "betalen lukt niet internet traag stroomstoring klant tevreden boos blij").split(" ");

	private static final String[] ENGLISH = ("my parcel still has not been delivered and customer service does not "
			+ "answer what a bad service waiting three days for the courier today nothing again great fast "
			+ "delivery thanks for the help outage in the app cannot log in invoice is wrong late delivery "
			+ "return how does that work new store opening in london hiring drivers job opening sale discount "
			+ "weekend train delay payment failed internet slow power cut happy customer angry love hate")
		.split(" ");

	private static final String[] NOISE = { "vacature", "vacatures", "hiring", "job", "sollicit*", "giveaway",
			"winactie", "spam", "bot", "advertentie" };

	private static final String[] TOPIC_WORDS = { "pakket", "bezorg*", "levering", "klantenservice", "storing",
			"app", "inlog*", "factuur", "retour", "vertraging", "parcel", "deliver*", "courier", "outage", "login*",
			"invoice", "refund", "delay", "service", "helpdesk", "korting", "sale" };

	private static final String[] CHANNELS = { "twitter", "mastodon", "forum", "blog", "review", "news" };

	private static final String[] LANGS = { "nl", "en" };

	private final Random random;

	private final List<String> brands;

	TopicCorpus(long seed, int brandCount) {
		this.random = new Random(seed);
		this.brands = new ArrayList<>(brandCount);
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (this.brands.size() < brandCount) {
			int parts = 2 + this.random.nextInt(2);
			StringBuilder name = new StringBuilder();
			for (int i = 0; i < parts; i++) {
				String s = SYLLABLES[this.random.nextInt(SYLLABLES.length)];
				name.append(Character.toUpperCase(s.charAt(0))).append(s, 1, s.length());
			}
			if (this.brands.size() >= SYLLABLES.length * SYLLABLES.length * 4) {
				name.append(this.brands.size());
			}
			if (seen.add(name.toString())) {
				this.brands.add(name.toString());
			}
		}
	}

	List<StandingQuery> queries(int count) {
		List<StandingQuery> queries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Stemming stemming = (i % 10 == 7) ? Stemming.DUTCH : (i % 10 == 8) ? Stemming.ENGLISH : Stemming.NONE;
			queries.add(new StandingQuery(i + 1, query(i), stemming));
		}
		return queries;
	}

	/** One query; {@code i} cycles through every shape so any 30 consecutive queries use every operator. */
	String query(int i) {
		String brand = brand();
		String other = brand();
		String lower = brand.toLowerCase(java.util.Locale.ROOT);
		return switch (i % 30) {
			case 0 -> brand + " OR \"" + split(brand) + "\"";
			case 1 -> "(" + brand + " OR " + other + ") AND (" + word() + " OR " + word() + " OR " + word() + ")";
			case 2 -> brand + " -" + noise() + " -" + noise();
			case 3 -> "\"" + split(brand) + "\"~2 OR " + brand;
			case 4 -> brand + " NEAR/3 (" + word() + " OR " + word() + ")";
			case 5 -> brand + " ONEAR/4 " + word();
			case 6 -> brand + " channel:" + pick(CHANNELS);
			case 7 -> brand + " lang:" + pick(LANGS);
			case 8 -> brand + " source:src" + this.random.nextInt(20);
			case 9 -> "site:" + lower + ".nl";
			case 10 -> "url:" + lower + ".nl/blog/*";
			case 11 -> "author:" + lower + "_help OR author:" + lower.substring(0, 3) + "?" + lower.substring(4) + "*";
			case 12 -> "#" + brand + " OR @" + brand;
			case 13 -> brand + " followers:>" + (100 * this.random.nextInt(50));
			case 14 -> brand + " followers:[" + this.random.nextInt(1000) + " TO " + (1000 + this.random.nextInt(10000)) + "]";
			case 15 -> "title:" + brand + " OR title:\"" + split(brand) + "\"";
			case 16 -> "raw:\"" + brand + "\"";
			case 17 -> wildcard(brand) + " AND " + word();
			case 18 -> "(" + brand + " OR " + other + ") NOT (" + noise() + " OR \"" + word() + " " + word() + "\")";
			case 19 -> brand + " AND NOT channel:" + pick(CHANNELS) + " AND -lang:" + pick(LANGS);
			case 20 -> "(" + brand + " NEAR/2 " + word() + ") OR (" + other + " ONEAR/1 \"" + word() + " " + word() + "\")";
			case 21 -> brand + " (" + word() + " OR " + word() + " OR " + word() + " OR " + word() + ") -" + noise();
			case 22 -> "\"" + word() + " " + brand + "\" OR \"" + brand + " " + word() + "\"";
			case 23 -> brand + " title:" + word();
			case 24 -> lower.substring(0, 3) + "*" + lower.substring(lower.length() - 2) + " OR " + other;
			case 25 -> "(" + brand + " OR #" + other + ") (channel:twitter OR channel:mastodon) followers:>=10";
			case 26 -> brand + " OR (" + other + " AND (" + word() + " OR (" + word() + " AND -" + noise() + ")))";
			case 27 -> "\"" + word() + " " + word() + "\"~3 " + brand;
			case 28 -> brand + " site:" + pick(new String[] { "example.nl", "forum.example.nl", "nieuws.nl" });
			default -> brand + " OR " + other + " OR \"" + split(other) + "\"";
		};
	}

	List<MatchDocument> documents(int count) {
		List<MatchDocument> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			documents.add(document());
		}
		return documents;
	}

	MatchDocument document() {
		boolean dutch = this.random.nextBoolean();
		String[] words = dutch ? DUTCH : ENGLISH;
		int length = 8 + this.random.nextInt(18);
		StringBuilder text = new StringBuilder();
		String brand = brand();
		for (int i = 0; i < length; i++) {
			if (i > 0) {
				text.append(' ');
			}
			int r = this.random.nextInt(100);
			if (r < 8) {
				text.append(brand);
			}
			else if (r < 10) {
				text.append(split(brand));
			}
			else if (r < 12) {
				text.append('#').append(brand());
			}
			else if (r < 14) {
				text.append('@').append(brand);
			}
			else if (r < 16) {
				text.append(NOISE[this.random.nextInt(NOISE.length)].replace("*", "atie"));
			}
			else if (r < 17) {
				text.append(brand.toUpperCase(java.util.Locale.ROOT));
			}
			else {
				text.append(words[this.random.nextInt(words.length)]);
			}
			if (this.random.nextInt(12) == 0) {
				text.append(pick(new String[] { ".", "!", "?", ",", " 🙄", "!!" }));
			}
		}
		String lower = brand.toLowerCase(java.util.Locale.ROOT);
		String title = (this.random.nextInt(5) == 0) ? brand + " " + words[this.random.nextInt(words.length)] : null;
		String url = switch (this.random.nextInt(4)) {
			case 0 -> "https://www." + lower + ".nl/blog/" + this.random.nextInt(100);
			case 1 -> "https://forum.example.nl/t/" + this.random.nextInt(1000);
			case 2 -> "https://nieuws.nl/artikel/" + this.random.nextInt(1000);
			default -> null;
		};
		String author = switch (this.random.nextInt(3)) {
			case 0 -> "@" + lower + "_help";
			case 1 -> "@klant" + this.random.nextInt(1000);
			default -> null;
		};
		String language = (this.random.nextInt(5) == 0) ? null : (dutch ? "nl" : "en");
		Integer followers = (this.random.nextInt(4) == 0) ? null : this.random.nextInt(20000);
		return new MatchDocument(title, text.toString(), author, pick(CHANNELS), url, "src" + this.random.nextInt(20),
				language, followers);
	}

	private String brand() {
		return this.brands.get(this.random.nextInt(this.brands.size()));
	}

	/** {@code KoeRierSnel} as {@code Koe Rier Snel}. */
	private static String split(String brand) {
		return brand.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
	}

	private String wildcard(String brand) {
		String lower = brand.toLowerCase(java.util.Locale.ROOT);
		return (this.random.nextBoolean()) ? lower.substring(0, Math.min(lower.length() - 1, 5)) + "*"
				: lower.substring(0, 2) + "?" + lower.substring(3);
	}

	private String word() {
		return TOPIC_WORDS[this.random.nextInt(TOPIC_WORDS.length)];
	}

	private String noise() {
		return NOISE[this.random.nextInt(NOISE.length)];
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
