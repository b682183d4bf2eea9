package nl.luister.routing.web;

import nl.luister.web.NotFound;

/** No user has the id in the request (404). */
class AgentNotFound extends NotFound {

	AgentNotFound(long id) {
		super("There is no user with id " + id + ".");
	}
}
