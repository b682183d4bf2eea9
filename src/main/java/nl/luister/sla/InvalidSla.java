package nl.luister.sla;

import java.util.List;

/**
 * A calendar or policy that cannot be saved: {@code field} names the part that is wrong, {@code messageKey} the
 * message in the {@code i18n/sla} bundle that says why, {@code args} its arguments. The exception's own message says
 * the same in English (the JSON API answers it with 400).
 */
public class InvalidSla extends IllegalArgumentException {

	private final String field;
	private final String messageKey;
	private final List<Object> args;

	public InvalidSla(String field, String messageKey, String message, Object... args) {
		super(message);
		this.field = field;
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.toArray();
	}
}
