package nl.luister.channel.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.log.MentionPipeline;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class MentionImportIntegrationTests {

	@Autowired
	MentionImport importer;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void cleanWorkspace() {
		TestWorkspace.reset(jdbc);
	}

	@Test
	void reportsBadLinesWithTheirNumberAndImportsTheRest() throws Exception {
		String jsonl = String.join("\n",
				line("1", "Waar blijft mijn pakket?"),
				"{not json",
				"{\"id\": \"2\", \"text\": \"no date\"}",
				"",
				"{\"id\": \"3\", \"text\": \"x\", \"publishedAt\": \"yesterday\"}",
				"{\"id\": \"4\", \"text\": \"x\", \"publishedAt\": \"2026-01-02T10:00:00Z\", \"channel\": \"myspace\"}",
				"[1, 2]",
				line("5", "Top service!"));

		ImportReport report = run(jsonl.getBytes(StandardCharsets.UTF_8));

		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejected()).isEqualTo(5);
		assertThat(report.errors()).extracting(ImportReport.LineError::line).containsExactly(2L, 3L, 5L, 6L, 7L);
		assertThat(report.errors().get(0).reason()).startsWith("not valid JSON");
		assertThat(report.errors().get(1).reason()).isEqualTo("missing required field publishedAt");
		assertThat(report.errors().get(2).reason()).contains("ISO-8601");
		assertThat(report.errors().get(3).reason()).contains("unknown channel 'myspace'");
		pipeline.drainAll();
		assertThat(jdbc.sql("select count(*) from mentions").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void importingTheSameFileTwiceAddsNothing() throws Exception {
		byte[] file = (line("1", "a") + "\n" + line("2", "b") + "\n").getBytes(StandardCharsets.UTF_8);
		assertThat(run(file).imported()).isEqualTo(2);
		pipeline.drainAll();

		ImportReport again = run(file);
		assertThat(again.imported()).isZero();
		assertThat(again.duplicates()).isEqualTo(2);
	}

	@Test
	void keepsTextWithBrokenEncodingNulCharactersAndAByteOrderMark() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		out.write("{\"id\": \"1\", \"publishedAt\": \"2026-11-20T10:00:00Z\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
		out.write(0xE9); // Latin-1 é: invalid in UTF-8
		out.write(" met \\u0000 NUL\"}\n".getBytes(StandardCharsets.UTF_8));

		ImportReport report = run(out.toByteArray());
		pipeline.drainAll();

		assertThat(report.imported()).isEqualTo(1);
		String text = jdbc.sql("select text from mentions").query(String.class).single();
		assertThat(text).isEqualTo("caf\uFFFD met  NUL");
	}

	@Test
	void rejectsAnOverlongLineWithoutHoldingItAndGoesOn() throws Exception {
		String huge = "{\"id\": \"big\", \"publishedAt\": \"2026-11-20T10:00:00Z\", \"text\": \"" + "x".repeat(MentionImport.MAX_LINE_CHARS + 10) + "\"}";
		ImportReport report = run((huge + "\n" + line("2", "ok")).getBytes(StandardCharsets.UTF_8));

		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.errors()).singleElement().satisfies(e -> {
			assertThat(e.line()).isEqualTo(1);
			assertThat(e.reason()).contains("longer than");
		});
	}

	@Test
	void unknownSourceKeyCreatesAnImportSource() throws Exception {
		run("{\"id\": \"1\", \"source\": \"forum-export\", \"channel\": \"forum\", \"publishedAt\": \"2026-11-20T10:00:00Z\", \"text\": \"hoi\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(jdbc.sql("select type || ':' || channel from sources where source_key = 'forum-export'").query(String.class).single())
			.isEqualTo("import:forum");
	}

	@Test
	void reportsProgressAsLinesAreRead() throws Exception {
		StringBuilder file = new StringBuilder();
		for (int i = 0; i < 2500; i++) file.append(line("p" + i, "bericht " + i)).append('\n');
		List<Long> progress = new ArrayList<>();

		importer.importJsonl(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), progress::add);

		assertThat(progress).containsExactly(1000L, 2000L, 2500L);
	}

	private ImportReport run(byte[] bytes) throws Exception {
		return importer.importJsonl(new ByteArrayInputStream(bytes), lines -> {
		});
	}

	private static String line(String id, String text) {
		return "{\"id\": \"" + id + "\", \"source\": \"test-import\", \"channel\": \"twitter\", \"author\": {\"handle\": \"anna_v\", \"followers\": 12}, \"text\": \""
				+ text + "\", \"publishedAt\": \"2026-11-20T10:00:00Z\"}";
	}
}
