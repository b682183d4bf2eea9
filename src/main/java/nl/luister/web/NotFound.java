package nl.luister.web;

/**
 * Something the request names does not exist. Features extend it with a named exception
 * ({@code CaseNotFound extends NotFound}); throwing one answers 404: the error page in the UI, a problem
 * document ({@code {"error": …, "status": 404}}) under {@code /api/**}. The message is shown to the user,
 * so it says what was missing in plain words and holds no customer data.
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message);
	}
}
