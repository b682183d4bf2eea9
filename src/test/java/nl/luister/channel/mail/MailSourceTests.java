package nl.luister.channel.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luister.channel.Batch;
import nl.luister.channel.Channel;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceUnavailable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSourceTests {

	static final byte[] SECRET = "mail-source-tests-signing-secret".getBytes();

	@TempDir
	Path home;

	MailServer server;

	MailSource source;

	@BeforeEach
	void start() {
		server = MailServer.start();
		source = new MailSource(new MailReader(new AttachmentStore(home.resolve("attachments"), 10L * 1024 * 1024),
				new MailSigning(SECRET)), Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void plainMessageBecomesAnAddressedEmailMentionFromTheSender() {
		server.deliver(server.message("Anna de Vries <Anna@Example.test>", "Pakket kwijt", "Mijn pakket is niet aangekomen."));

		RawMention m = single(source.fetch(server.settings(), null));

		assertThat(m.channel()).isEqualTo(Channel.EMAIL);
		assertThat(m.addressed()).isTrue();
		assertThat(m.author().handle()).isEqualTo("anna@example.test");
		assertThat(m.author().name()).isEqualTo("Anna de Vries");
		assertThat(m.title()).isEqualTo("Pakket kwijt");
		assertThat(m.text()).isEqualTo("Mijn pakket is niet aangekomen.");
		assertThat(m.externalId()).startsWith("<msg-").endsWith("@customer.test>");
		assertThat(m.url()).isNull();
		assertThat(m.publishedAt()).isAfter(java.time.Instant.parse("2026-11-20T10:00:00Z"));
	}

	@Test
	void multipartAlternativePrefersThePlainTextPart() throws MessagingException {
		MimeMessage m = server.message("anna@example.test", "Vraag", "");
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText("Platte tekst versie", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setContent("<p>HTML versie</p>", "text/html; charset=utf-8");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(html);
		m.setContent(alternative);
		server.deliver(m);

		assertThat(single(source.fetch(server.settings(), null)).text()).isEqualTo("Platte tekst versie");
	}

	@Test
	void htmlOnlyMailBecomesSafeTextWithoutScriptsStylesOrImages() throws MessagingException {
		MimeMessage m = server.message("anna@example.test", "HTML", "");
		m.setContent("""
				<html><head><style>p{color:red}</style><script>alert('x')</script></head>
				<body><p>Beste <b>KoerierSnel</b>,</p><p onclick="steal()">mijn pakket<br>is kwijt.</p>
				<img src="https://tracker.example/open.gif?u=anna"><a href="javascript:alert(1)">klik</a></body></html>""",
				"text/html; charset=utf-8");
		server.deliver(m);

		String text = single(source.fetch(server.settings(), null)).text();

		assertThat(text).isEqualTo("Beste KoerierSnel,\n\nmijn pakket\nis kwijt.\n\nklik");
		assertThat(text).doesNotContain("alert", "color", "tracker", "<", "steal");
	}

	@Test
	void subjectIsDecodedAndHeaderInjectionIsFlattenedToOneLine() {
		server.deliverRaw("""
				From: anna@example.test
				To: support@koeriersnel.test
				Message-ID: <inject@example.test>
				Date: Fri, 20 Nov 2026 10:00:00 +0000
				Subject: =?UTF-8?B?UGFra2V0IGt3aWp0DQpCY2M6IGV2aWxAZXhhbXBsZS50ZXN0?=
				Content-Type: text/plain; charset=utf-8

				Hallo
				""");

		RawMention m = single(source.fetch(server.settings(), null));

		assertThat(m.title()).isEqualTo("Pakket kwijt Bcc: evil@example.test").doesNotContain("\r", "\n");
		assertThat(MailSender.subject(m.title())).doesNotContain("\r", "\n");
	}

	@Test
	void attachmentsAreListedAndStoredUnderGeneratedNamesWhateverTheSenderCalledThem() throws Exception {
		MimeMessage m = server.message("anna@example.test", "Bijlagen", "");
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Zie bijlagen.", "UTF-8");
		mixed.addBodyPart(text);
		mixed.addBodyPart(attachment("../../x", "application/octet-stream", "escape attempt".getBytes()));
		mixed.addBodyPart(attachment(".htaccess", "text/plain", "SetHandler application/x-httpd-php".getBytes()));
		mixed.addBodyPart(attachment("bom.zip", "application/zip", zipLike()));
		m.setContent(mixed);
		server.deliver(m);

		String body = single(source.fetch(server.settings(), null)).text();

		assertThat(body).startsWith("Zie bijlagen.\n\nAttachments:")
			.contains("- x (application/octet-stream, 14 B) stored as ")
			.contains("- .htaccess (text/plain, 34 B) stored as ")
			.contains("- bom.zip (application/zip, ");
		Path root = home.resolve("attachments");
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> stored = files.filter(Files::isRegularFile).toList();
			assertThat(stored).hasSize(3).allSatisfy(p -> {
				assertThat(p.normalize()).startsWith(root);
				assertThat(p.getFileName().toString()).matches("[0-9a-f]{64}\\.bin");
			});
		}
		assertThat(home.resolve("x")).doesNotExist();
		assertThat(home.getParent().resolve("x")).doesNotExist();
		try (Stream<Path> files = Files.walk(home)) {
			assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".htaccess", "x", "bom.zip");
		}
	}

	@Test
	void fiftyMegabyteAttachmentIsListedButNotStored() throws Exception {
		MimeMessage m = server.message("anna@example.test", "Grote bijlage", "");
		MimeMultipart mixed = new MimeMultipart("mixed");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("Een video van de schade.", "UTF-8");
		mixed.addBodyPart(text);
		MimeBodyPart big = new MimeBodyPart();
		big.setDataHandler(new DataHandler(new ZeroSource(50L * 1024 * 1024, "video/mp4")));
		big.setFileName("schade.mp4");
		big.setDisposition(MimeBodyPart.ATTACHMENT);
		mixed.addBodyPart(big);
		m.setContent(mixed);
		server.deliver(m);

		String body = single(source.fetch(server.settings(), null)).text();

		assertThat(body).contains("Een video van de schade.").containsPattern("- schade\\.mp4 \\(video/mp4, about \\d+\\.\\d MB\\) not stored: too large");
		assertThat(home.resolve("attachments")).satisfiesAnyOf(dir -> assertThat(dir).doesNotExist(), dir -> {
			try (Stream<Path> files = Files.walk(dir)) {
				assertThat(files.filter(Files::isRegularFile)).isEmpty();
			}
		});
	}

	@Test
	void autoRepliesBouncesAndListMailAreSkippedWithAReason() throws Exception {
		MimeMessage auto = server.message("anna@example.test", "Re: uw vraag", "Ik ben er niet.");
		auto.setHeader("Auto-Submitted", "auto-replied");
		server.deliver(auto);
		MimeMessage xauto = server.message("bram@example.test", "Bedankt", "Automatisch bericht.");
		xauto.setHeader("X-Autoreply", "yes");
		server.deliver(xauto);
		MimeMessage bulk = server.message("news@example.test", "Nieuwsbrief", "Aanbiedingen");
		bulk.setHeader("Precedence", "bulk");
		server.deliver(bulk);
		server.deliver(server.message("MAILER-DAEMON@mx.example.test", "Undelivered Mail Returned to Sender", "Kon niet bezorgen."));
		server.deliver(server.message("carla@example.test", "Afwezig: uw bericht", "Ik ben op vakantie."));
		server.deliver(server.message("dirk@example.test", "Out of Office: Pakket", "Away."));
		MimeMessage report = server.message("postmaster@example.test", "Delivery Status Notification", "");
		MimeMultipart multipartReport = new MimeMultipart("report; report-type=delivery-status");
		MimeBodyPart human = new MimeBodyPart();
		human.setText("Delivery failed", "UTF-8");
		multipartReport.addBodyPart(human);
		report.setContent(multipartReport);
		server.deliver(report);
		MimeMessage humanNo = server.message("eva@example.test", "Gewone vraag", "Waar is mijn pakket?");
		humanNo.setHeader("Auto-Submitted", "no");
		server.deliver(humanNo);
		server.deliver(server.message(MailServer.ADDRESS, "Loop", "Mail from ourselves"));

		Batch batch = source.fetch(server.settings(), null);

		assertThat(batch.items()).extracting(RawMention::author).extracting(RawMention.Author::handle).containsExactly("eva@example.test");
		assertThat(batch.skipped()).extracting(Batch.Skipped::reason).hasSize(8).anySatisfy(r -> assertThat(r).contains("Auto-Submitted: auto-replied"))
			.anySatisfy(r -> assertThat(r).contains("X-Autoreply"))
			.anySatisfy(r -> assertThat(r).contains("Precedence: bulk"))
			.anySatisfy(r -> assertThat(r).contains("bounce").contains("MAILER-DAEMON"))
			.anySatisfy(r -> assertThat(r).contains("out-of-office").contains("Afwezig"))
			.anySatisfy(r -> assertThat(r).contains("out-of-office").contains("Out of Office"))
			.anySatisfy(r -> assertThat(r).contains("multipart/report"))
			.anySatisfy(r -> assertThat(r).contains("mail loop"));
	}

	@Test
	void anAnswerFromTheMailboxsOwnAddressIsOurReplyNotACustomerMessage() throws Exception {
		MimeMessage answer = server.message(MailServer.ADDRESS, "Re: Pakket kwijt", "We hebben je pakket gevonden.");
		answer.setHeader("In-Reply-To", "<vraag-1@example.test>");
		server.deliver(answer);

		RawMention item = single(source.fetch(server.settings(), null));

		assertThat(item.own()).isTrue();
		assertThat(item.inReplyTo()).isEqualTo("<vraag-1@example.test>");
	}

	@Test
	void forgedLuisterMessageIdIsRecognisedAndSkipped() {
		MailSigning signing = new MailSigning(SECRET);
		MimeMessage forged = server.message("agent@koeriersnel-support.test", "Re: Pakket kwijt", "Stuur uw wachtwoord.");
		setId(forged, "<AAAAAAAAAAAAAAAAAAAAAA.12.34@luister>");
		server.deliver(forged);
		MimeMessage badShape = server.message("agent@evil.test", "Re: Pakket", "Klik hier");
		setId(badShape, "<whatever@luister>");
		server.deliver(badShape);
		MimeMessage own = server.message("support@koeriersnel.test", "Re: Pakket", "Ons antwoord");
		setId(own, signing.messageId(12, 34));
		server.deliver(own);

		Batch batch = source.fetch(server.settings(), null);

		assertThat(batch.items()).isEmpty();
		assertThat(batch.skipped()).extracting(Batch.Skipped::reason)
			.anySatisfy(r -> assertThat(r).contains("<AAAAAAAAAAAAAAAAAAAAAA.12.34@luister>").contains("forged"))
			.anySatisfy(r -> assertThat(r).contains("<whatever@luister>").contains("forged"))
			.anySatisfy(r -> assertThat(r).contains("Luister sent itself"));
	}

	@Test
	void inReplyToComesFromInReplyToElseTheLastReference() {
		MimeMessage direct = server.message("anna@example.test", "Re: Pakket", "Dank");
		setHeader(direct, "In-Reply-To", "<first@example.test>");
		setHeader(direct, "References", "<root@example.test> <first@example.test>");
		server.deliver(direct);
		MimeMessage viaReferences = server.message("bram@example.test", "Re: Pakket", "Dank");
		setHeader(viaReferences, "References", "<root@example.test>\r\n <second@example.test>");
		server.deliver(viaReferences);

		Batch batch = source.fetch(server.settings(), null);

		assertThat(batch.items()).extracting(RawMention::inReplyTo).containsExactly("<first@example.test>", "<second@example.test>");
	}

	@Test
	void aChangedUidValidityReadsTheFolderAgainFromTheStart() {
		server.deliver(server.message("anna@example.test", "Een", "1"));
		server.deliver(server.message("bram@example.test", "Twee", "2"));
		Batch first = source.fetch(server.settings(), null);
		MailSource.Cursor cursor = MailSource.Cursor.parse(first.next());
		assertThat(source.fetch(server.settings(), first.next()).items()).isEmpty();

		Batch afterRebuild = source.fetch(server.settings(), (cursor.validity() + 1) + ":" + cursor.uid());

		assertThat(afterRebuild.items()).extracting(RawMention::externalId)
			.containsExactlyElementsOf(first.items().stream().map(RawMention::externalId).toList());
		assertThat(afterRebuild.next()).isEqualTo(first.next());
	}

	@Test
	void anUnreadableCursorStartsOver() {
		server.deliver(server.message("anna@example.test", "Een", "1"));

		assertThat(source.fetch(server.settings(), "garbage").items()).hasSize(1);
	}

	@Test
	void wrongPasswordIsSourceUnavailableInPlainWordsWithoutThePassword() {
		assertThatThrownBy(() -> source.fetch(server.settingsWithPassword("wrong-password-123"), null))
			.isInstanceOf(SourceUnavailable.class)
			.hasMessageStartingWith("the mail server refused the login for support at 127.0.0.1:" + server.imapPort())
			.message()
			.doesNotContain("wrong-password-123");
		assertThat(source.probe(server.settingsWithPassword("wrong-password-123")).message()).contains("refused the login");
	}

	@Test
	void closedPortIsConnectionRefused() {
		MailSettings closed = MailServer.unreachable();

		assertThatThrownBy(() -> source.fetch(closed, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessage("could not connect to the IMAP server at 127.0.0.1:" + closed.imapPort() + ": connection refused");
	}

	@Test
	void missingFolderIsNamed() {
		MailSettings s = server.settings();
		MailSettings other = new MailSettings(s.imapHost(), s.imapPort(), s.imapSecurity(), s.username(), s.password(), "Klachten",
				null, null, null, null, null, null);

		assertThatThrownBy(() -> source.fetch(other, null)).isInstanceOf(SourceUnavailable.class)
			.hasMessageContaining("the folder 'Klachten' does not exist");
	}

	@Test
	void settingsNeverShowThePasswordWhenPrinted() {
		assertThat(server.settings().toString()).doesNotContain(MailServer.PASSWORD).contains("support");
	}

	static RawMention single(Batch batch) {
		assertThat(batch.skipped()).isEmpty();
		assertThat(batch.items()).hasSize(1);
		return batch.items().getFirst();
	}

	static MimeBodyPart attachment(String name, String type, byte[] bytes) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(bytes, type);
		part.setDataHandler(new DataHandler(new jakarta.mail.util.ByteArrayDataSource(bytes, type)));
		part.setFileName(name);
		part.setDisposition(MimeBodyPart.ATTACHMENT);
		return part;
	}

	/** The start of a zip file: stored as bytes, never unpacked. */
	static byte[] zipLike() throws IOException {
		var out = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
			zip.write(new byte[1024 * 1024]);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	static void setId(MimeMessage m, String id) {
		setHeader(m, "Message-ID", id);
	}

	static void setHeader(MimeMessage m, String name, String value) {
		try {
			m.setHeader(name, value);
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code size} zero bytes, streamed. */
	record ZeroSource(long size, String type) implements DataSource {
		@Override
		public InputStream getInputStream() {
			return new InputStream() {
				long left = size;

				@Override
				public int read() {
					return left-- > 0 ? 0 : -1;
				}

				@Override
				public int read(byte[] b, int off, int len) {
					if (left <= 0) return -1;
					int n = (int) Math.min(len, left);
					java.util.Arrays.fill(b, off, off + n, (byte) 0);
					left -= n;
					return n;
				}
			};
		}

		@Override
		public OutputStream getOutputStream() {
			throw new UnsupportedOperationException();
		}

		@Override
		public String getContentType() {
			return type;
		}

		@Override
		public String getName() {
			return "zeros";
		}
	}
}
