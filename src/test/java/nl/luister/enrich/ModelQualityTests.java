package nl.luister.enrich;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed models reach the figures BENCHMARKS.md reports (they are loaded, never retrained here). */
class ModelQualityTests {

	static MessageUnderstanding understanding;

	@BeforeAll
	static void load() {
		understanding = MessageUnderstanding.withDefaults();
	}

	@Test
	void englishSentimentReachesMacroRecallOf068OnTheTweetEvalValidationSplit() throws IOException {
		Path file = TestData.folder("tweeteval-sentiment").resolve("val.tsv");
		Metrics m = new Metrics(TrainModels.SENTIMENT);
		for (TrainModels.Labeled l : TrainModels.read(file, "text", "label_name")) {
			m.add(l.label(), understanding.sentiment(l.text(), "en").label());
		}
		assertThat(m.macroRecall()).isGreaterThanOrEqualTo(0.68);
	}

	@Test
	void dutchSentimentIsRightOnAtLeast60PercentOfTheHeldOutHeadlines() throws IOException {
		Path file = TestData.folder("ecosent-nl-news-headlines").resolve("train.tsv");
		List<TrainModels.Labeled> all = TrainModels.read(file, "headline", "label_name");
		List<String> ids = TrainModels.column(file, "id");
		Metrics m = new Metrics(TrainModels.SENTIMENT);
		for (int i = 0; i < all.size(); i++) {
			if (TrainModels.isHeldOut(ids.get(i))) {
				m.add(all.get(i).label(), understanding.sentiment(all.get(i).text(), "nl").label());
			}
		}
		assertThat(m.total()).isGreaterThan(400);
		assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.60);
	}

	@Test
	void dutchCustomerMessagesGetSentimentAndComplaintsMostlyRight() throws IOException {
		List<List<String>> rows = Tsv.read(Path.of("src/test/resources/enrich/nl-customer-messages.tsv"));
		List<String> header = rows.getFirst();
		Metrics sentiment = new Metrics(TrainModels.SENTIMENT), complaint = new Metrics("0", "1"),
				question = new Metrics("0", "1"), praise = new Metrics("0", "1");
		for (List<String> row : rows.subList(1, rows.size())) {
			Understanding u = understanding.understand(row.get(0), "nl");
			sentiment.add(row.get(header.indexOf("sentiment")), u.sentiment().label());
			complaint.add(row.get(header.indexOf("complaint")), u.complaint() ? "1" : "0");
			question.add(row.get(header.indexOf("question")), u.question() ? "1" : "0");
			praise.add(row.get(header.indexOf("praise")), u.praise() ? "1" : "0");
		}
		assertThat(sentiment.total()).isGreaterThanOrEqualTo(100);
		assertThat(sentiment.accuracy()).isGreaterThanOrEqualTo(0.7);
		assertThat(complaint.macroF1()).isGreaterThanOrEqualTo(0.8);
		assertThat(question.macroF1()).isGreaterThanOrEqualTo(0.8);
		assertThat(praise.macroF1()).isGreaterThanOrEqualTo(0.7);
	}
}
