package nl.luister.customer;

/** No person with this id (or it was erased). */
public class PersonNotFound extends nl.luister.web.NotFound {

	public PersonNotFound(long id) {
		super("person " + id + " does not exist");
	}
}
