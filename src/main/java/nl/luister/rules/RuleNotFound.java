package nl.luister.rules;

/** No rule with this id. */
public class RuleNotFound extends nl.luister.web.NotFound {

	public RuleNotFound(long id) {
		super("rule " + id + " does not exist");
	}
}
