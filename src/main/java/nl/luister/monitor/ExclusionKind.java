package nl.luister.monitor;

import java.util.Locale;

/** What an exclusion looks at, which also says why a mention was left out. */
public enum ExclusionKind {

	/** An account of the organisation itself: its own posts are not customers talking. Matches the author. */
	OWN_ACCOUNT(Target.AUTHOR),
	/** An author known for spam. Matches the author. */
	SPAM_AUTHOR(Target.AUTHOR),
	/** A word or phrase of job ads ("vacature", "we are hiring"). Matches words of the title and text. */
	JOB_AD(Target.WORDS),
	/** Any other word or phrase. Matches words of the title and text. */
	WORD(Target.WORDS),
	/** A site: the mention's address is on this domain or a subdomain of it. */
	DOMAIN(Target.DOMAIN);

	enum Target {
		AUTHOR, WORDS, DOMAIN
	}

	final Target target;

	ExclusionKind(Target target) {
		this.target = target;
	}

	/** The kind as written in URLs and forms, e.g. {@code own-account}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** @throws IllegalArgumentException naming the known kinds when the key is none of them */
	public static ExclusionKind parse(String key) {
		if (key != null) {
			for (ExclusionKind k : values()) {
				if (k.key().equalsIgnoreCase(key.strip()) || k.name().equalsIgnoreCase(key.strip())) return k;
			}
		}
		throw new IllegalArgumentException("unknown exclusion kind '" + key
				+ "' (expected own-account, spam-author, job-ad, word or domain)");
	}
}
