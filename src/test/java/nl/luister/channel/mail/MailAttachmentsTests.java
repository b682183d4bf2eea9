package nl.luister.channel.mail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailAttachmentsTests {

	static final String HASH = "ab".repeat(32);

	@TempDir
	Path home;

	@Test
	void offeredFileNamesAreGeneratedWithoutPathsOrLeadingDots() {
		assertThat(MailAttachments.safeFileName("../../x", HASH)).isEqualTo("x.bin");
		assertThat(MailAttachments.safeFileName(".htaccess", HASH)).isEqualTo("htaccess.bin");
		assertThat(MailAttachments.safeFileName("..\\..\\windows\\evil.exe", HASH)).isEqualTo("evil.exe");
		assertThat(MailAttachments.safeFileName("factuur mei\r\n\"quoted\";.pdf", HASH)).isEqualTo("factuur_mei_quoted_.pdf");
		assertThat(MailAttachments.safeFileName("Überweisung.pdf", HASH)).isEqualTo("Uberweisung.pdf");
		assertThat(MailAttachments.safeFileName("...", HASH)).isEqualTo("attachment-abababababab.bin");
		assertThat(MailAttachments.safeFileName(null, HASH)).isEqualTo("attachment-abababababab.bin");
		assertThat(MailAttachments.safeFileName("a".repeat(300) + ".pdf", HASH)).hasSize(100).endsWith(".pdf");
	}

	@Test
	void onlyStoredContentHashesCanBeOpened() throws Exception {
		AttachmentStore store = new AttachmentStore(home.resolve("attachments"), 1024);
		AttachmentStore.Stored stored = store.store(new ByteArrayInputStream("PK\u0003\u0004 zip bytes".getBytes()));
		MailAttachments attachments = new MailAttachments(store);
		String hash = stored.path().substring(3, 67);

		assertThat(attachments.open(hash)).hasValueSatisfying(d -> assertThat(d.size()).isEqualTo(stored.size()));
		assertThat(attachments.open("../../etc/passwd")).isEmpty();
		assertThat(attachments.open(hash.toUpperCase())).isEmpty();
		assertThat(attachments.open("cd".repeat(32))).isEmpty();
		assertThat(attachments.open(null)).isEmpty();
	}

	@Test
	void storedAttachmentsAreFoundInTheListBelowAMail() {
		String text = "Zie bijlagen.\n\nAttachments:\n- x (application/octet-stream, 14 B) stored as ab/" + HASH + ".bin\n"
				+ "- schade.mp4 (video/mp4, about 50.0 MB) not stored: too large";

		assertThat(new MailAttachments(new AttachmentStore(home, 1)).listed(text)).singleElement().satisfies(a -> {
			assertThat(a.name()).isEqualTo("x");
			assertThat(a.contentType()).isEqualTo("application/octet-stream");
			assertThat(a.size()).isEqualTo("14 B");
			assertThat(a.hash()).isEqualTo(HASH);
		});
	}
}
