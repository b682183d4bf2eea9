package nl.luister.routing;

/**
 * A team or agent setting that cannot be saved: {@code field} names the part that is wrong, {@code messageKey} the
 * message that says why (in the {@code i18n/routing} bundle). Answered 400 by the API, shown at the field in the form.
 */
public class InvalidTeam extends IllegalArgumentException {

	private final String field;
	private final String messageKey;

	public InvalidTeam(String field, String messageKey) {
		super("invalid team: " + field + " (" + messageKey + ")");
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}
}
