package nl.luister.monitor;

/** No topic with this id. */
public class TopicNotFound extends nl.luister.web.NotFound {

	public TopicNotFound(long id) {
		super("topic " + id + " does not exist");
	}
}
