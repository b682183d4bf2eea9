package nl.luister.channel;

/** A source could not be read; the message says why in words an admin can act on. */
public class SourceUnavailable extends RuntimeException {

	public SourceUnavailable(String message) {
		super(message);
	}

	public SourceUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
