package nl.luister.routing;

import java.util.Locale;

/** Whether an agent takes new cases: only {@link #ONLINE} agents are routed to. Stored by name in {@code agents.presence}. */
public enum Presence {
	ONLINE, AWAY, OFFLINE;

	/** Parses a presence case-insensitively; anything else is an {@link IllegalArgumentException} naming the value. */
	public static Presence parse(String value) {
		if (value != null) {
			for (Presence p : values()) if (p.name().equalsIgnoreCase(value.strip())) return p;
		}
		throw new IllegalArgumentException("unknown presence '" + value + "' (expected online, away or offline)");
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
