package nl.luister.cases;

/** Where a case stands. A new message on a resolved or pending case makes it open again. */
public enum CaseStatus {
	NEW, OPEN, PENDING, RESOLVED;

	public static CaseStatus parse(String s) {
		try {
			return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("unknown status '" + s + "' (expected new, open, pending or resolved)");
		}
	}

	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
