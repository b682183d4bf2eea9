package nl.luister.alert.web;

import nl.luister.web.NotFound;

class AlertNotFound extends NotFound {

	AlertNotFound(long id) {
		super("There is no alert " + id + ".");
	}
}
