package nl.luister.cases;

/** No case with this id. */
public class CaseNotFound extends nl.luister.web.NotFound {

	public CaseNotFound(long id) {
		super("case " + id + " does not exist");
	}
}
