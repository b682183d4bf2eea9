package nl.luister.rules;

/**
 * A rule that cannot be saved or tried: {@code field} names the part that is wrong, {@code messageKey} the message
 * that says why (in the {@code i18n/triage} bundle). Answered 400 by the API, shown at the field in the form.
 */
public class InvalidRule extends IllegalArgumentException {

	private final String field;
	private final String messageKey;

	public InvalidRule(String field, String messageKey) {
		super("invalid rule: " + field + " (" + messageKey + ")");
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
