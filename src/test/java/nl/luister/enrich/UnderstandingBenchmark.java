package nl.luister.enrich;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Single-thread throughput of message understanding (JMH). Not a test: run it with
 * {@code ./luister bench-enrich} (see BENCHMARKS.md). Each operation handles one message of a fixed mix of Dutch and
 * English customer messages and tweets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
public class UnderstandingBenchmark {

	static final List<String> MESSAGES = List.of("mijn pakket is nog steeds niet bezorgd",
			"top service, bedankt!", "@KoerierSnel Al drie dagen geen internet en niemand neemt de telefoon op. Belachelijk.",
			"Hoe kan ik mijn abonnement opzeggen?", "Wat een snelle levering, super blij mee! 😍",
			"@airline my flight was cancelled and nobody at the desk can tell me anything. worst service ever",
			"how do I reset my password", "Loving the new update, works like a charm #happy https://t.co/abc",
			"Watching the game tonight with friends, anyone else going?", "not bad at all, the new app works",
			"De levering is verplaatst naar morgen", "I've been on hold for 45 minutes... suuuper annoying :(",
			"Bedankt voor de snelle reactie, het is opgelost.", "Is the store on Main Street open on Sunday?",
			"Sinds de update werkt de app niet meer", "Thanks @user for the quick help!! 👍");

	MessageUnderstanding understanding;
	LanguageIdentifier languages;
	LanguageIdentifier linguaOnly;
	int next;

	@Setup
	public void setUp() {
		understanding = MessageUnderstanding.withDefaults();
		languages = understanding.languages();
		languages.warmUp();
		linguaOnly = new LanguageIdentifier(languages.languages(), 0.02, false);
		linguaOnly.warmUp();
	}

	private String nextMessage() {
		next = (next + 1) % MESSAGES.size();
		return MESSAGES.get(next);
	}

	@Benchmark
	public Sentiment sentimentOnly() {
		String text = nextMessage();
		return understanding.sentiment(text, next % 2 == 0 ? "nl" : "en");
	}

	@Benchmark
	public LanguageIdentifier.Result languageOnly() {
		return languages.identify(nextMessage(), null);
	}

	/** Plain Lingua (high-accuracy mode, same languages), the reference the cascade is measured against. */
	@Benchmark
	public LanguageIdentifier.Result languageLinguaOnly() {
		return linguaOnly.identify(nextMessage(), null);
	}

	@Benchmark
	public Understanding understand() {
		return understanding.understand(nextMessage(), null);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(UnderstandingBenchmark.class.getSimpleName()).build()).run();
	}
}
