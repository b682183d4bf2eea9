package nl.luister.reply;

/**
 * A template that cannot be saved: what is wrong, the column (1-based, in the body or name) where it is, and a
 * hint for the fix (e.g. the variables that exist). {@code field} names the form field at fault.
 */
public class InvalidTemplate extends IllegalArgumentException {

	private final String field;
	private final int column;
	private final String hint;

	public InvalidTemplate(String field, int column, String problem, String hint) {
		super(problem + (column > 0 ? " at column " + column : "") + (hint == null ? "" : "; " + hint));
		this.field = field;
		this.column = column;
		this.hint = hint;
	}

	public String field() {
		return field;
	}

	/** 1-based column in the field, or 0 when the whole field is at fault. */
	public int column() {
		return column;
	}

	/** What to do instead; may be {@code null}. */
	public String hint() {
		return hint;
	}
}
