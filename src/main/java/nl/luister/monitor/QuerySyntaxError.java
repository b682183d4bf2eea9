package nl.luister.monitor;

/**
 * A topic query that does not parse. {@link #column()} is 1-based and points at the offending character,
 * so the editor can underline it; the message says what to do ("close the quote opened at column 7").
 */
public class QuerySyntaxError extends RuntimeException {

	private final int column;

	public QuerySyntaxError(String message, int column) {
		super(message);
		this.column = column;
	}

	public int column() {
		return column;
	}
}
