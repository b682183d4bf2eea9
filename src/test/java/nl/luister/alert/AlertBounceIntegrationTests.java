package nl.luister.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.luister.TestWorkspace;
import nl.luister.analytics.spike.SpikeWatch;
import nl.luister.channel.Channel;
import nl.luister.channel.SourceAdmin;
import nl.luister.monitor.TopicManagement;

/** An SMTP server that refuses one recipient (a bounce at send time): that delivery fails at once, the other goes. */
@SpringBootTest(properties = "luister.pipeline.enabled=false")
class AlertBounceIntegrationTests {

	/** A minimal SMTP server on loopback: accepts everything except the recipient {@code nobody@…}, answering 550. */
	static final RefusingSmtp SMTP = new RefusingSmtp();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("luister.notify.mail.host", () -> "127.0.0.1");
		registry.add("luister.notify.mail.port", SMTP::port);
	}

	@AfterAll
	static void stop() throws IOException {
		SMTP.close();
	}

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(10);

	@Autowired
	SpikeWatch watch;

	@Autowired
	Alerts alerts;

	@Autowired
	AlertDeliveries deliveries;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	nl.luister.analytics.rollup.Rollups rollups;

	long topic;

	@BeforeEach
	void workspace() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		long source = sources.importSource("bounce", Channel.TWITTER);
		topic = topics.create("Bezorging", "pakket").id();
		jdbc.sql("""
				insert into mentions (source_id, external_id, channel, author_handle, text, published_at, sentiment)
				select ?, 'm' || g, 'twitter', 'klant' || g, 'pakket kwijt', ?::timestamptz - (g * 30) * interval '1 second', 'NEGATIVE'
				from generate_series(1, 40) g""").params(source, Timestamp.from(NOW.minusSeconds(10))).update();
		jdbc.sql("insert into mention_topics (mention_id, topic_id) select id, ? from mentions").param(topic).update();
		// the pipeline counts as it stores; these rows skip it
		java.time.LocalDate day = java.time.LocalDate.ofInstant(NOW, rollups.zone());
		rollups.rebuild(day.minusDays(1), day.plusDays(1));
	}

	@Test
	void aRefusedRecipientFailsAtOnceWithTheServersReasonAndTheOthersStillGetTheAlert() {
		AlertRule d = AlertRule.defaults(topic);
		alerts.save(new AlertRule(topic, true, true, false, d.minVolume(), d.persistence(), 1, List.of("nobody@example.org", "team@example.org"),
				null, null, null, null, d.quietZone()));
		assertThat(watch.tick(NOW)).isEqualTo(1);
		long alertId = alerts.recent(1).getFirst().id();

		assertThat(deliveries.deliverDue(NOW)).isEqualTo(1);

		var bounced = alerts.deliveries(alertId).stream().filter(x -> x.target().equals("nobody@example.org")).findFirst().orElseThrow();
		assertThat(bounced.state()).as("not retried: the server said the address does not exist").isEqualTo("FAILED");
		assertThat(bounced.attempts()).isEqualTo(1);
		assertThat(bounced.lastError()).contains("refused the address").contains("550");
		var sent = alerts.deliveries(alertId).stream().filter(x -> x.target().equals("team@example.org")).findFirst().orElseThrow();
		assertThat(sent.state()).isEqualTo("SENT");
		assertThat(SMTP.delivered).hasSize(1);
	}

	/** Speaks just enough SMTP for Jakarta Mail; records the recipients of each accepted message. */
	static final class RefusingSmtp implements AutoCloseable {

		final ServerSocket server;
		final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

		RefusingSmtp() {
			try {
				server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			Thread.ofVirtual().name("refusing-smtp").start(this::accept);
		}

		int port() {
			return server.getLocalPort();
		}

		private void accept() {
			while (!server.isClosed()) {
				try {
					Socket s = server.accept();
					Thread.ofVirtual().name("refusing-smtp-session").start(() -> session(s));
				}
				catch (IOException e) {
					return;
				}
			}
		}

		private void session(Socket socket) {
			try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					OutputStream out = socket.getOutputStream()) {
				write(out, "220 refusing.test ESMTP");
				List<String> recipients = new java.util.ArrayList<>();
				String line;
				while ((line = in.readLine()) != null) {
					String upper = line.toUpperCase(java.util.Locale.ROOT);
					if (upper.startsWith("EHLO") || upper.startsWith("HELO")) write(out, "250 refusing.test");
					else if (upper.startsWith("MAIL FROM")) write(out, "250 OK");
					else if (upper.startsWith("RCPT TO")) {
						if (upper.contains("NOBODY@")) write(out, "550 5.1.1 No such user here");
						else {
							recipients.add(line);
							write(out, "250 OK");
						}
					}
					else if (upper.equals("DATA")) {
						write(out, "354 End data with <CR><LF>.<CR><LF>");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							// the message itself is not needed
						}
						delivered.add(String.join(",", recipients));
						recipients.clear();
						write(out, "250 OK queued");
					}
					else if (upper.equals("RSET") || upper.equals("NOOP")) write(out, "250 OK");
					else if (upper.equals("QUIT")) {
						write(out, "221 Bye");
						return;
					}
					else write(out, "502 Command not implemented");
				}
			}
			catch (IOException e) {
				// the client went away
			}
		}

		private static void write(OutputStream out, String line) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}
	}
}
