package nl.luister.channel.mail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.luister.reply.ReplySender;
import nl.luister.reply.ReplySender.DeliveryFailed;
import nl.luister.reply.ReplySender.OutgoingReply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Delivery failures of the SMTP sender; the successful path runs end to end in {@link MailThreadingIntegrationTests}. */
class MailSenderTests {

	final JsonMapper json = JsonMapper.builder().build();

	MailServer server;

	ReplySender sender;

	@BeforeEach
	void start() {
		server = MailServer.start();
		sender = new MailSender(new MailSigning("sender-tests-signing-secret".getBytes()), json, MailThreads.NONE);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void subjectGetsOneRePrefix() {
		assertThat(MailSender.subject("Pakket kwijt")).isEqualTo("Re: Pakket kwijt");
		assertThat(MailSender.subject("RE: Re: AW: Pakket")).isEqualTo("Re: Pakket");
		assertThat(MailSender.subject(null)).isEqualTo("Re: your message");
		assertThat(MailSender.subject("Hi\r\nBcc: evil@example.test")).isEqualTo("Re: Hi Bcc: evil@example.test");
	}

	@Test
	void unreachableSmtpServerIsRetried() {
		MailSettings closed = MailServer.unreachable();

		assertThatThrownBy(() -> sender.send(reply(closed, "anna@customer.test"))).isInstanceOfSatisfying(DeliveryFailed.class, e -> {
			assertThat(e.retryable()).isTrue();
			assertThat(e.getMessage()).isEqualTo("could not connect to the SMTP server at 127.0.0.1:" + closed.smtpPort() + ": connection refused");
		});
	}

	@Test
	void recipientWithLineBreaksOrNoAddressIsRefusedForGood() {
		assertThatThrownBy(() -> sender.send(reply(server.settings(), "anna@customer.test\r\nBcc: evil@example.test")))
			.isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.retryable()).isFalse())
			.hasMessageContaining("line breaks");
		assertThatThrownBy(() -> sender.send(reply(server.settings(), "not an address")))
			.isInstanceOfSatisfying(DeliveryFailed.class, e -> assertThat(e.retryable()).isFalse())
			.hasMessageContaining("not a valid e-mail address");
		assertThat(server.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void mailboxWithoutSmtpServerCannotSend() {
		MailSettings s = server.settings();
		MailSettings receiveOnly = new MailSettings(s.imapHost(), s.imapPort(), s.imapSecurity(), s.username(), s.password(), null,
				null, null, null, null, null, null);

		assertThatThrownBy(() -> sender.send(reply(receiveOnly, "anna@customer.test"))).isInstanceOf(DeliveryFailed.class)
			.hasMessageContaining("no SMTP server");
	}

	private OutgoingReply reply(MailSettings settings, String to) {
		return new OutgoingReply(7, 3, 1, json.writeValueAsString(settings), "Hallo", null, null, to);
	}
}
