package nl.luister.channel;

/** No source with this id. */
public class SourceNotFound extends RuntimeException {

	public SourceNotFound(long id) {
		super("source " + id + " does not exist");
	}
}
