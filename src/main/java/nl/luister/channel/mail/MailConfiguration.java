package nl.luister.channel.mail;

import java.nio.file.Path;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Registers the e-mail connector and reply sender.
 *
 * <ul>
 * <li>{@code luister.mail.signing-secret}: the secret Luister's Message-IDs are signed with; when unset, one is
 * generated once and kept in {@code luister.home/mail-signing-secret}. Changing it makes customers' answers
 * to earlier replies thread by author only.</li>
 * <li>{@code luister.mail.max-attachment-size}: the largest attachment stored (default 10MB); larger ones are
 * listed as not stored.</li>
 * <li>Attachments are kept in {@code luister.home/attachments}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	MailSigning mailSigning(@Value("${luister.mail.signing-secret:}") String secret, @Value("${luister.home:./data}") Path home) {
		return MailSigning.fromSecretOrFile(secret, home.resolve("mail-signing-secret"));
	}

	@Bean
	AttachmentStore attachmentStore(@Value("${luister.home:./data}") Path home,
			@Value("${luister.mail.max-attachment-size:10MB}") DataSize maxAttachment) {
		return new AttachmentStore(home.resolve("attachments"), maxAttachment.toBytes());
	}

	@Bean
	MailSource mailSource(MailSigning mailSigning, AttachmentStore attachmentStore) {
		return new MailSource(new MailReader(attachmentStore, mailSigning), Clock.systemUTC());
	}

	@Bean
	MailAttachments mailAttachments(AttachmentStore attachmentStore) {
		return new MailAttachments(attachmentStore);
	}

	@Bean
	MailSender mailSender(MailSigning mailSigning, JsonMapper json, JdbcClient jdbc) {
		return new MailSender(mailSigning, json, MailThreads.of(jdbc));
	}
}
