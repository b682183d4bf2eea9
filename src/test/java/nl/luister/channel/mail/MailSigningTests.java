package nl.luister.channel.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailSigningTests {

	@TempDir
	Path home;

	@Test
	void messageIdsVerifyOnlyWithTheSecretTheyWereMadeWith() {
		MailSigning signing = new MailSigning("one-secret-of-enough-length".getBytes());
		MailSigning other = new MailSigning("another-secret-of-enough-length".getBytes());

		String id = signing.messageId(12, 34);

		assertThat(id).matches("<[A-Za-z0-9_-]{22}\\.12\\.34@luister>");
		assertThat(signing.verify(id)).isEqualTo(MailSigning.Verdict.LUISTER);
		assertThat(other.verify(id)).isEqualTo(MailSigning.Verdict.FORGED);
		assertThat(signing.verify(id.replace(".34@", ".35@"))).isEqualTo(MailSigning.Verdict.FORGED);
		assertThat(signing.verify("<abc@customer.test>")).isEqualTo(MailSigning.Verdict.NOT_LUISTER);
		assertThat(signing.verify(null)).isEqualTo(MailSigning.Verdict.NOT_LUISTER);
	}

	@Test
	void withoutAConfiguredSecretOneIsGeneratedOnceAndKeptForTheOwnerOnly() throws Exception {
		Path file = home.resolve("mail-signing-secret");

		MailSigning first = MailSigning.fromSecretOrFile("", file);
		MailSigning again = MailSigning.fromSecretOrFile(null, file);

		assertThat(file).exists();
		assertThat(again.verify(first.messageId(1, 2))).isEqualTo(MailSigning.Verdict.LUISTER);
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

	@Test
	void aConfiguredSecretWinsOverTheFile() {
		Path file = home.resolve("mail-signing-secret");
		MailSigning configured = MailSigning.fromSecretOrFile("configured-secret-value", file);

		assertThat(file).doesNotExist();
		assertThat(new MailSigning("configured-secret-value".getBytes()).verify(configured.messageId(5, 6)))
			.isEqualTo(MailSigning.Verdict.LUISTER);
	}
}
