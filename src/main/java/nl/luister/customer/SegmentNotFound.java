package nl.luister.customer;

import nl.luister.web.NotFound;

/** A segment id that names no saved segment. */
public final class SegmentNotFound extends NotFound {

	public SegmentNotFound(long id) {
		super("segment " + id + " does not exist");
	}
}
