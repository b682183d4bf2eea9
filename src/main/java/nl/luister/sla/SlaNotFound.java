package nl.luister.sla;

/** A calendar, holiday or policy that does not exist (anymore); answered 404. */
public class SlaNotFound extends RuntimeException {

	public SlaNotFound(String what, long id) {
		super("no SLA " + what + " with id " + id);
	}
}
