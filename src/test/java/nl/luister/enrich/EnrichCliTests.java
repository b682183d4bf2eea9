package nl.luister.enrich;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichCliTests {

	@TempDir
	Path dir;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return EnrichCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void evalPrintsAccuracyMacroRecallMacroF1AndTheConfusionMatrix() throws IOException {
		Path file = Files.writeString(dir.resolve("gold.tsv"), """
				mijn pakket is nog steeds niet bezorgd\tnegative
				top service, heel erg bedankt!\tpositive
				"de winkel gaat om negen uur open"\tneutral
				""");
		assertThat(run("eval", "--task", "sentiment", file.toString())).isZero();
		assertThat(out()).contains("n=3", "accuracy=", "macro-recall=", "macro-F1=", "confusion", "negative", "positive");
	}

	@Test
	void evalReadsHeaderedFilesForComplaintsAndLanguages() throws IOException {
		Path complaints = Files.writeString(dir.resolve("c.tsv"), "text\tlabel\nmijn pakket is kapot aangekomen\t1\nfijne dag\t0\n");
		assertThat(run("eval", "--task", "complaint", complaints.toString())).isZero();
		assertThat(out()).contains("n=2");
		Path languages = Files.writeString(dir.resolve("l.tsv"), "the parcel has not arrived yet\ten\nhet pakket is er nog niet\tnl\n");
		assertThat(run("eval", "--task", "language", languages.toString())).isZero();
		assertThat(out()).contains("accuracy=1.0000");
	}

	@Test
	void evalScoresQuestionsAndPraiseAsFlags() throws IOException {
		Path file = Files.writeString(dir.resolve("q.tsv"),
				"text\tquestion\tpraise\nhoe kan ik opzeggen\t1\t0\ntop service, bedankt!\t0\t1\n");
		assertThat(run("eval", "--task", "question", file.toString())).isZero();
		assertThat(out()).contains("task=question", "n=2");
		assertThat(run("eval", "--task", "praise", file.toString())).isZero();
		assertThat(out()).contains("task=praise");
	}

	@Test
	void classifyWritesOneJsonObjectPerLineInOrder() throws IOException {
		Path file = Files.writeString(dir.resolve("texts.txt"), "mijn pakket is nog steeds niet bezorgd\n\nhow do I reset my password\n😀\n");
		assertThat(run("classify", file.toString())).isZero();
		List<String> lines = out().lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).startsWith("{\"language\":\"nl\"").contains("\"sentiment\":\"negative\"", "\"complaint\":true",
				"\"sentimentConfidence\":", "\"question\":false", "\"praise\":false", "\"praiseConfidence\":");
		assertThat(lines.get(1)).contains("\"language\":\"und\"");
		assertThat(lines.get(2)).contains("\"language\":\"en\"", "\"question\":true");
		for (String line : lines) {
			assertThat(line).startsWith("{").endsWith("}");
		}
	}

	@Test
	void wrongUsageAndMissingFilesExitWithTwoAndSayWhy() {
		assertThat(run("eval", "--task", "mood", "x.tsv")).isEqualTo(2);
		assertThat(run("classify", dir.resolve("missing.txt").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:", "No such file");
	}
}
