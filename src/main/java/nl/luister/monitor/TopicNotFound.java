package nl.luister.monitor;

/** No topic with this id. */
public class TopicNotFound extends RuntimeException {

	public TopicNotFound(long id) {
		super("topic " + id + " does not exist");
	}
}
