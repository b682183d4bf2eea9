package nl.luister.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.luister.LuisterApplication;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends N signed review deliveries to {@code POST /hooks/{key}} over loopback HTTP with 8 in flight, then the same
 * N again as replays, and reports answers per second and answer latency (p50/p99), and the time until every review
 * is a case. Signs with its own HMAC code, not Luister's. Run with
 * {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=nl.luister.bench.WebhookBench -Dexec.classpathScope=test -Dexec.args=5000}.
 * Not a test: timing lives here.
 */
public final class WebhookBench {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("bench-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8));

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.admin-password", "bench-only-password", "logging.level.root", "WARN", "spring.main.banner-mode", "off",
				"server.port", "0"));
		try (ConfigurableApplicationContext context = app.run()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			context.getBean(SourceAdmin.class).create("bench-reviews", "webhook", "Bench reviews", Channel.REVIEW,
					"{\"secret\": \"" + SECRET + "\", \"mapping\": {\"id\": \"/review/id\", \"text\": \"/review/body\", \"author.handle\": \"/review/author\", \"title\": \"/review/title\", \"rating\": \"/review/stars\", \"publishedAt\": \"/review/created\"}}", 0);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			try (HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
				String url = "http://127.0.0.1:" + port + "/hooks/bench-reviews";
				List<byte[]> bodies = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					bodies.add(("{\"event\":\"review.created\",\"review\":{\"id\":\"rv-" + i + "\",\"title\":\"Review " + i
							+ "\",\"body\":\"Pakket " + i + " kwam te laat, de bezorger belde niet aan.\",\"author\":\"klant" + (i % 997)
							+ "\",\"stars\":" + (1 + i % 5) + ",\"created\":\"2026-11-20T10:00:00Z\"}}").getBytes(StandardCharsets.UTF_8));
				}
				long started = System.nanoTime();
				run("deliveries", http, url, bodies, 202);
				run("replays", http, url, bodies, 200);
				long cases;
				do {
					Thread.sleep(50);
					cases = jdbc.sql("select count(*) from mentions where case_id is not null").query(Long.class).single();
				}
				while (cases < n);
				System.out.printf("all %,d reviews are cases %.2f s after the first delivery (replays included)%n", n,
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	private static void run(String phase, HttpClient http, String url, List<byte[]> bodies, int expected) throws Exception {
		Semaphore inFlight = new Semaphore(8);
		long[] latencies = new long[bodies.size()];
		long started = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < bodies.size(); i++) {
				int index = i;
				inFlight.acquire();
				answers.add(pool.submit(() -> {
					try {
						long t0 = System.nanoTime();
						HttpResponse<Void> response = http.send(request(url, "msg_" + index, bodies.get(index)), HttpResponse.BodyHandlers.discarding());
						latencies[index] = System.nanoTime() - t0;
						return response.statusCode();
					}
					finally {
						inFlight.release();
					}
				}));
			}
			for (Future<Integer> answer : answers) {
				if (answer.get() != expected) throw new IllegalStateException(phase + ": expected " + expected + " but got " + answer.get());
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(latencies);
		System.out.printf("%-10s %,d in %.2f s = %,.0f/s; answer p50 %.1f ms, p99 %.1f ms%n", phase, bodies.size(), seconds,
				bodies.size() / seconds, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
	}

	private static HttpRequest request(String url, String id, byte[] body) throws Exception {
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("webhook-id", id)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}
}
