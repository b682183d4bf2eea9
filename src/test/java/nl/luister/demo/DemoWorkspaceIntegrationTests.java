package nl.luister.demo;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "luister.demo=true")
class DemoWorkspaceIntegrationTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoWorkspace demo;

	@Test
	void newcomerSeesAPopulatedInboxOverSeveralChannels() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from mention_log").query(Long.class).single() == 0
				&& jdbc.sql("select count(*) from mentions").query(Long.class).single() >= 300);

		var open = cases.inbox(InboxFilter.openCases());
		assertThat(open).hasSizeGreaterThan(50);
		assertThat(open).extracting(c -> c.channel().key()).contains("twitter", "mastodon", "forum", "review", "email");
		assertThat(jdbc.sql("select count(*) from mentions where case_id is null").query(Long.class).single())
			.as("off-topic chatter stays out of the inbox").isGreaterThan(20);
		Instant newest = jdbc.sql("select max(published_at) from mentions").query(java.sql.Timestamp.class).single().toInstant();
		assertThat(newest).isBetween(Instant.now().minus(Duration.ofMinutes(30)), Instant.now());

		assertThat(jdbc.sql("select count(*) from mentions where lower(author_handle) = 'koeriersnel_help'").query(Long.class).single())
			.as("the brand's own posts are not customer messages").isZero();
		assertThat(jdbc.sql("select count(*) from replies where state = 'POSTED_OUTSIDE' and posted_by = 'KoerierSnel_help'").query(Long.class).single())
			.as("the brand's answers are our replies in their cases").isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from mentions m join replies r on r.external_id = m.in_reply_to and r.case_id = m.case_id
				where m.external_id in ('tw-1038', 'tw-1119')""").query(Long.class).single())
			.as("a customer answering our outside reply stays in its case").isEqualTo(2);

		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from persons where tier is not null").query(Long.class).single() > 0);
		assertThat(jdbc.sql("select max(tier) from persons").query(Integer.class).single()).isEqualTo(5);

		// templates to pick from and SLA clocks on the open cases
		assertThat(jdbc.sql("select language from reply_templates order by language").query(String.class).list()).containsExactly("en", "en", "nl", "nl");
		assertThat(jdbc.sql("select count(*) from cases where status <> 'RESOLVED' and sla_policy_id is null").query(Long.class).single())
			.as("every unresolved case is under a policy").isZero();
		assertThat(jdbc.sql("select count(*) from cases where status in ('NEW', 'OPEN') and sla_first_due is null and sla_res_due is null")
			.query(Long.class).single()).as("a clock runs on every case waiting for us (pending ones wait for the customer)").isZero();

		// loading again adds nothing
		demo.load();
		assertThat(jdbc.sql("select count(*) from topics").query(Long.class).single()).isEqualTo(6);
		assertThat(jdbc.sql("select count(*) from reply_templates").query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from sla_policies").query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from mention_log").query(Long.class).single()).isZero();
	}
}
