package nl.luister.account.web;

import nl.luister.web.NotFound;

/** No user has the id in the request. */
class UserNotFound extends NotFound {

	UserNotFound(long id) {
		super("There is no user with id " + id + ".");
	}
}
