package nl.luister.reply;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.CaseStatus;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox with a sender that records what it sends and fails when told to. */
@SpringBootTest(properties = { "luister.pipeline.enabled=false", "luister.outbox.tick=PT24H" })
class OutboxIntegrationTests {

	@TestConfiguration
	static class RecordingSenderConfiguration {
		@Bean
		RecordingSender recordingSender() {
			return new RecordingSender();
		}
	}

	/** A channel on which failures can be staged. */
	static class RecordingSender implements ReplySender {
		final List<OutgoingReply> sent = new CopyOnWriteArrayList<>();
		final AtomicInteger retryableFailures = new AtomicInteger();
		volatile boolean refuse;

		@Override
		public String type() {
			return "recording";
		}

		@Override
		public String send(OutgoingReply reply) {
			if (refuse) throw new DeliveryFailed("the channel refused the reply: account suspended", false);
			if (retryableFailures.getAndDecrement() > 0) throw new DeliveryFailed("the channel answered 503", true);
			sent.add(reply);
			return "out-" + reply.replyId();
		}
	}

	@Autowired
	Replies replies;

	@Autowired
	RecordingSender sender;

	@Autowired
	CaseManagement cases;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	TopicManagement topics;

	@Autowired
	JdbcClient jdbc;

	long caseId;

	@BeforeEach
	void caseFromARecordingSource() {
		TestWorkspace.reset(jdbc);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
		long source = jdbc.sql("insert into sources (source_key, type, name, channel) values ('rec', 'recording', 'Recording', 'mastodon') returning id")
			.query(Long.class).single();
		ingestion.ingestPushed(source, List.of(new RawMention("toot-1", Channel.MASTODON, new RawMention.Author("anna_v", "Anna", 5), null,
				"@KoerierSnel mijn pakket?", "https://social.example/@anna_v/1", Instant.parse("2026-11-20T10:00:00Z"), null)));
		pipeline.drainAll();
		caseId = cases.inbox(InboxFilter.openCases()).getFirst().id();
		sender.sent.clear();
		sender.retryableFailures.set(0);
		sender.refuse = false;
	}

	@Test
	void queuesTheReplyAndDeliversItAnsweringTheLastCustomerMessage() {
		long reply = replies.send(caseId, "Hoi Anna, we kijken het na.", null);
		assertThat(replies.state(reply)).contains(ReplyState.QUEUED);
		assertThat(cases.summary(caseId).status()).isEqualTo(CaseStatus.PENDING);

		replies.deliverQueued();

		assertThat(replies.state(reply)).contains(ReplyState.SENT);
		assertThat(sender.sent).singleElement().satisfies(r -> {
			assertThat(r.text()).isEqualTo("Hoi Anna, we kijken het na.");
			assertThat(r.inReplyToExternalId()).isEqualTo("toot-1");
			assertThat(r.recipientHandle()).isEqualTo("anna_v");
		});
		// delivered once, not again on the next run
		replies.deliverQueued();
		assertThat(sender.sent).hasSize(1);
	}

	@Test
	void retriesATemporaryFailureLaterAndKeepsTheReason() {
		sender.retryableFailures.set(1);
		long reply = replies.send(caseId, "Hoi Anna", null);

		replies.deliverQueued();
		assertThat(replies.state(reply)).contains(ReplyState.QUEUED);
		assertThat(jdbc.sql("select last_error from replies where id = ?").param(reply).query(String.class).single()).contains("503");
		replies.deliverQueued();
		assertThat(sender.sent).as("waits for its next attempt").isEmpty();

		jdbc.sql("update replies set next_attempt_at = now() where id = ?").param(reply).update();
		replies.deliverQueued();
		assertThat(replies.state(reply)).contains(ReplyState.SENT);
	}

	@Test
	void aRefusedReplyFailsVisiblyAndCanBeRetried() {
		sender.refuse = true;
		long reply = replies.send(caseId, "Hoi Anna", null);
		replies.deliverQueued();

		assertThat(replies.state(reply)).contains(ReplyState.FAILED);
		assertThat(cases.detail(caseId).history()).anySatisfy(h -> assertThat(h.detail()).contains("account suspended"));

		sender.refuse = false;
		replies.retry(reply, null);
		replies.deliverQueued();
		assertThat(replies.state(reply)).contains(ReplyState.SENT);
	}

	@Test
	void aFailedReplyCanBeCancelledAndIsNeverSentThen() {
		sender.refuse = true;
		long reply = replies.send(caseId, "Hoi Anna", null);
		replies.deliverQueued();
		assertThat(replies.state(reply)).contains(ReplyState.FAILED);

		replies.cancel(reply, null);
		assertThat(replies.state(reply)).contains(ReplyState.CANCELLED);
		sender.refuse = false;
		replies.deliverQueued();
		assertThat(sender.sent).isEmpty();
		assertThat(replies.state(reply)).contains(ReplyState.CANCELLED);
		assertThat(cases.detail(caseId).history()).anySatisfy(h -> assertThat(h.detail()).contains("cancelled"));
		assertThatThrownBy(() -> replies.cancel(reply, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a failed reply");
		assertThatThrownBy(() -> replies.retry(reply, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void neverRepliesFromAMarketingAccount() {
		jdbc.sql("update sources set account_role = 'MARKETING'").update();

		assertThatThrownBy(() -> replies.send(caseId, "Hoi Anna", null)).isInstanceOf(MarketingAccountRefused.class)
			.hasMessageContaining("webcare account");
		assertThat(jdbc.sql("select count(*) from replies").query(Long.class).single()).isZero();
	}

	@Test
	void refusesAnEmptyReply() {
		assertThatThrownBy(() -> replies.send(caseId, "  ", null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(jdbc.sql("select count(*) from replies").query(Long.class).single()).isZero();
	}
}
