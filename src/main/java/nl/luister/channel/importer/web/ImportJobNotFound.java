package nl.luister.channel.importer.web;

import nl.luister.web.NotFound;

/** No import with this id that the user may see (it never existed, was forgotten, or is someone else's). */
class ImportJobNotFound extends NotFound {

	ImportJobNotFound(long id) {
		super("import " + id + " does not exist");
	}
}
