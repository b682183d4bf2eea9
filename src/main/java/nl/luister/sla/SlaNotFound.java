package nl.luister.sla;

/** A calendar, holiday or policy that does not exist (anymore); answered 404. */
public class SlaNotFound extends nl.luister.web.NotFound {

	public SlaNotFound(String what, long id) {
		super("SLA " + what + " " + id + " does not exist");
	}
}
