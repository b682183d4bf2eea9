package nl.luister.monitor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keeps docs/queries.md true: its examples parse and its error table shows the messages users get. */
class QueryDocsTests {

	static final Path DOC = Path.of("docs/queries.md");

	@Test
	void everyExampleQueryParses() throws Exception {
		String doc = Files.readString(DOC);
		String block = doc.substring(doc.indexOf("```text") + 7, doc.indexOf("```", doc.indexOf("```text") + 7));
		List<String> queries = new ArrayList<>();
		for (String line : block.strip().split("\n")) queries.add(line.replaceAll("\\s+#.*$", "").strip());

		assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
		for (String q : queries) assertThat(TopicQuery.validate(q)).as(q).isEmpty();
	}

	@Test
	void everyErrorInTheTableIsTheErrorUsersSee() throws Exception {
		String doc = Files.readString(DOC);
		String table = doc.substring(doc.indexOf("## Errors"), doc.indexOf("Limits that protect"));
		Matcher row = Pattern.compile("(?m)^\\| `(.+?)` \\| (.+?) \\|$").matcher(table);
		int rows = 0;
		while (row.find()) {
			String query = row.group(1);
			String message = row.group(2).replace(": …", "");
			assertThatThrownBy(() -> TopicQuery.parse(query)).as(query).isInstanceOf(QuerySyntaxError.class).hasMessageStartingWith(message);
			rows++;
		}
		assertThat(rows).isGreaterThanOrEqualTo(5);
	}
}
