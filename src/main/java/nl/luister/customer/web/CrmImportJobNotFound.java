package nl.luister.customer.web;

import nl.luister.web.NotFound;

/** A CRM import job that does not exist, was forgotten, or belongs to someone else. */
final class CrmImportJobNotFound extends NotFound {

	CrmImportJobNotFound(long id) {
		super("CRM import " + id + " is not known (any more)");
	}
}
