package nl.luister.channel;

/** No source with this id. */
public class SourceNotFound extends nl.luister.web.NotFound {

	public SourceNotFound(long id) {
		super("source " + id + " does not exist");
	}
}
