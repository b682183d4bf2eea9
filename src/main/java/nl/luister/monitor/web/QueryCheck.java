package nl.luister.monitor.web;

import nl.luister.monitor.QuerySyntaxError;
import nl.luister.monitor.TopicManagement;

/**
 * What the query editor shows under the query: nothing yet (blank), the preview of a valid query, or the
 * error with the query split around the offending character so the template can mark it without inline style.
 *
 * @param echo     the query on one line (line breaks and tabs as spaces, so the caret lines up)
 * @param caret    spaces up to the offending column, then {@code ^}
 */
record QueryCheck(State state, String message, int column, String before, String at, String after, String echo,
		String caret, TopicManagement.Preview preview) {

	enum State {
		BLANK, VALID, INVALID
	}

	static QueryCheck blank() {
		return new QueryCheck(State.BLANK, null, 0, "", "", "", "", "", null);
	}

	static QueryCheck valid(TopicManagement.Preview preview) {
		return new QueryCheck(State.VALID, null, 0, "", "", "", "", "", preview);
	}

	static QueryCheck invalid(String query, QuerySyntaxError error) {
		String echo = query == null ? "" : query.replaceAll("[\\r\\n\\t]", " ");
		int index = Math.max(0, Math.min(error.column() - 1, echo.length()));
		String at = index < echo.length() ? echo.substring(index, index + 1) : " ";
		String after = index < echo.length() ? echo.substring(index + 1) : "";
		return new QueryCheck(State.INVALID, error.getMessage(), error.column(), echo.substring(0, index), at, after,
				echo, " ".repeat(index) + "^", null);
	}

	public boolean isValid() {
		return state == State.VALID;
	}

	public boolean isInvalid() {
		return state == State.INVALID;
	}
}
