package nl.luister.routing;

import nl.luister.web.NotFound;

/** No team has the id in the request (404). */
public class TeamNotFound extends NotFound {

	public TeamNotFound(long id) {
		super("There is no team with id " + id + ".");
	}
}
