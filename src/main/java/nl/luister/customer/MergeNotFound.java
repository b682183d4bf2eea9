package nl.luister.customer;

/** No merge with this id. */
public class MergeNotFound extends nl.luister.web.NotFound {

	public MergeNotFound(long id) {
		super("merge " + id + " does not exist");
	}
}
