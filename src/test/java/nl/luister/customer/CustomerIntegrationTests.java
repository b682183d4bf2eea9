package nl.luister.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.cases.CaseManagement;
import nl.luister.cases.InboxFilter;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class CustomerIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	CaseManagement cases;

	@Autowired
	Customers customers;

	@Autowired
	PersonLinks links;

	@Autowired
	PersonPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	long mastodon;
	long forum;
	long mail;

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("customer-mastodon", Channel.MASTODON);
		forum = sources.importSource("customer-forum", Channel.FORUM);
		mail = sources.importSource("customer-mail", Channel.EMAIL);
		topics.reload();
		topics.create("Brand", "KoerierSnel");
	}

	@Test
	void sameHandleTwiceIsOneIdentityAndOnePersonCaseInsensitively() {
		ingest(mastodon, post("1", "Anna_V", "Anna V", "KoerierSnel kwijt", T0, null),
				post("2", "anna_v", null, "KoerierSnel nog steeds", T0.plusSeconds(60), null));
		ingest(mastodon, post("3", "ANNA_V", "Anna V.", "KoerierSnel??", T0.plusSeconds(120), null));

		assertThat(count("identities")).isEqualTo(1);
		assertThat(count("persons")).isEqualTo(1);
		assertThat(jdbc.sql("select count(distinct identity_id) from mentions where identity_id is not null").query(Long.class).single()).isEqualTo(1);
		Identity id = customers.identitiesOf(customers.personOf("mastodon", "anna_v").orElseThrow()).getFirst();
		assertThat(id.firstSeen()).isEqualTo(T0);
		assertThat(id.lastSeen()).isEqualTo(T0.plusSeconds(120));
		assertThat(id.displayName()).isEqualTo("Anna V.");
	}

	@Test
	void sameHandleOnAnotherChannelIsAnotherPersonUntilLinked() {
		ingest(mastodon, post("1", "anna_v", "Anna", "KoerierSnel kwijt", T0, null));
		ingest(forum, onForum(post("2", "anna_v", "Anna", "KoerierSnel kwijt", T0, null)));

		assertThat(count("identities")).isEqualTo(2);
		assertThat(count("persons")).isEqualTo(2);
	}

	@Test
	void authorsWithoutAHandleGetNoIdentity() {
		ingest(mastodon, post("1", null, "Someone", "KoerierSnel anoniem", T0, null), post("2", "  ", null, "KoerierSnel leeg", T0, null));

		assertThat(count("identities")).isZero();
		assertThat(jdbc.sql("select count(*) from mentions where identity_id is null").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void mergeMovesIdentitiesAndUndoMovesThemBackWithAuditEntries() {
		ingest(mastodon, post("1", "anna_v", "Anna", "KoerierSnel kwijt", T0, null));
		ingest(forum, onForum(post("2", "annav", "Anna", "KoerierSnel kwijt", T0, null)));
		long a = customers.personOf("mastodon", "anna_v").orElseThrow();
		long b = customers.personOf("forum", "annav").orElseThrow();

		PersonLinks.Merge merge = links.merge(a, b, PersonLinks.Evidence.MANUAL, null);

		assertThat(customers.identitiesOf(a)).hasSize(2);
		assertThat(customers.person(b).id()).isEqualTo(a);
		assertThat(customers.casesOf(a, 10)).hasSize(2);
		assertThat(actions(a)).contains("person.merge");

		links.undo(merge.id(), null);

		assertThat(customers.identitiesOf(a)).extracting(Identity::handle).containsExactly("anna_v");
		assertThat(customers.identitiesOf(b)).extracting(Identity::handle).containsExactly("annav");
		assertThat(customers.find(b).orElseThrow().mergedInto()).isNull();
		assertThat(actions(a)).contains("person.merge", "person.merge.undo");
		assertThatThrownBy(() -> links.undo(merge.id(), null)).isInstanceOf(MergeRefused.class).hasMessageContaining("undone already");
	}

	@Test
	void mergeLoopsAreRefusedWithAClearError() {
		long[] p = threePersons();
		links.merge(p[0], p[1], PersonLinks.Evidence.MANUAL, null);

		assertThatThrownBy(() -> links.merge(p[1], p[0], PersonLinks.Evidence.MANUAL, null))
			.isInstanceOf(MergeRefused.class).hasMessageContaining("loop");
		assertThatThrownBy(() -> links.merge(p[0], p[0], PersonLinks.Evidence.MANUAL, null))
			.isInstanceOf(MergeRefused.class).hasMessageContaining("themselves");
		assertThatThrownBy(() -> links.merge(p[2], p[1], PersonLinks.Evidence.MANUAL, null))
			.isInstanceOf(MergeRefused.class).hasMessageContaining("was merged into person " + p[0] + " already");
		links.merge(p[2], p[0], PersonLinks.Evidence.MANUAL, null);
		assertThatThrownBy(() -> links.merge(p[0], p[2], PersonLinks.Evidence.MANUAL, null))
			.isInstanceOf(MergeRefused.class).hasMessageContaining("loop");
		assertThat(count("person_merges where undone_at is null")).isEqualTo(2);
	}

	@Test
	void concurrentMergesOfTheSamePersonsLeaveOneConsistentLink() throws Exception {
		for (int round = 0; round < 5; round++) {
			long[] p = threePersons();
			CyclicBarrier start = new CyclicBarrier(2);
			List<Callable<Object>> attempts = List.of(() -> {
				start.await();
				return links.merge(p[0], p[1], PersonLinks.Evidence.MANUAL, null);
			}, () -> {
				start.await();
				return links.merge(p[1], p[0], PersonLinks.Evidence.MANUAL, null);
			});
			List<Object> outcomes = new ArrayList<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofVirtual().name("merge-", 0).factory())) {
				for (Future<Object> f : pool.invokeAll(attempts)) {
					try {
						outcomes.add(f.get());
					}
					catch (java.util.concurrent.ExecutionException e) {
						outcomes.add(e.getCause());
					}
				}
			}
			assertThat(outcomes).filteredOn(o -> o instanceof PersonLinks.Merge).hasSize(1);
			assertThat(outcomes).filteredOn(o -> o instanceof MergeRefused).hasSize(1);
			long survivors = jdbc.sql("select count(*) from persons where id in (?, ?) and merged_into is null").params(p[0], p[1]).query(Long.class).single();
			assertThat(survivors).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from person_merges where undone_at is null and (merged_id = ? or merged_id = ?)")
				.params(p[0], p[1]).query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(distinct person_id) from identities where person_id in (?, ?)").params(p[0], p[1])
				.query(Long.class).single()).isEqualTo(1);
			cleanWorkspace();
		}
	}

	@Test
	void aCrmEmailLinksTheEmailIdentityOfThatAddressAsEvidence() {
		ingest(mastodon, post("1", "anna_v", "Anna", "KoerierSnel kwijt", T0, null));
		ingest(mail, email("m1", "Anna.V@Example.org", "Mijn KoerierSnel pakket", T0));
		long anna = customers.personOf("mastodon", "anna_v").orElseThrow();
		long mailPerson = customers.personOf("email", "anna.v@example.org").orElseThrow();
		assertThat(mailPerson).isNotEqualTo(anna);

		var merge = customers.updateCrm(anna, crm("anna.v@example.org"), null);

		assertThat(merge).get().extracting(PersonLinks.Merge::evidence).isEqualTo(PersonLinks.Evidence.EMAIL);
		assertThat(customers.identitiesOf(anna)).extracting(Identity::channel).containsExactlyInAnyOrder("email", "mastodon");
	}

	@Test
	void aNewEmailIdentityJoinsThePersonWhoseCrmEmailItIs() {
		ingest(mastodon, post("1", "anna_v", "Anna", "KoerierSnel kwijt", T0, null));
		long anna = customers.personOf("mastodon", "anna_v").orElseThrow();
		customers.updateCrm(anna, crm("anna@example.org"), null);

		ingest(mail, email("m1", "ANNA@example.org", "KoerierSnel: waar is mijn pakket", T0.plusSeconds(10)));

		assertThat(customers.personOf("email", "anna@example.org")).contains(anna);
		assertThat(count("persons")).isEqualTo(1);
		assertThat(actions(anna)).contains("identity.linked.email");
	}

	@Test
	void suggestionsAreShownButNeverApplied() {
		ingest(mastodon, post("1", "anna_v", "Anna Visser", "KoerierSnel kwijt", T0, null));
		ingest(forum, onForum(post("2", "annav", "Anna Visser", "KoerierSnel kwijt", T0, null)));
		long a = customers.personOf("mastodon", "anna_v").orElseThrow();
		long b = customers.personOf("forum", "annav").orElseThrow();
		jdbc.sql("update identities set profile_url = 'https://forum.example/u/anna_v' where handle = 'annav'").update();
		ingest(mastodon, post("3", "anna_v", "Anna Visser", "KoerierSnel weer", T0.plusSeconds(5), null));

		assertThat(customers.suggestions(a)).extracting(Customers.Suggestion::personId).containsExactly(b);
		assertThat(customers.suggestions(b)).extracting(Customers.Suggestion::personId).containsExactly(a);
		assertThat(customers.personOf("forum", "annav")).contains(b);
		assertThat(count("person_merges")).isZero();
	}

	@Test
	void exportHoldsEverythingAndErasureLeavesNoPersonalTextAnywhere() {
		ingest(mastodon, post("1", "secret_handle", "Secret Name", "KoerierSnel secret-message-text", T0, null));
		ingest(forum, onForum(post("2", "secret_forum", "Secret Name", "KoerierSnel secret-forum-text", T0, null)));
		long a = customers.personOf("mastodon", "secret_handle").orElseThrow();
		long b = customers.personOf("forum", "secret_forum").orElseThrow();
		links.merge(a, b, PersonLinks.Evidence.MANUAL, null);
		customers.updateCrm(a, new CrmFields("Secret Name", "C-secret-1", "secret@example.org", "gold", null, "email", "evenings", List.of("secret-tag")), null);
		long caseId = cases.inbox(InboxFilter.openCases()).getFirst().id();
		cases.addNote(caseId, "secret-note about the customer", null);

		Map<String, Object> export = privacy.export(a, null);
		assertThat(export).containsKeys("person", "identities", "mentions", "cases", "replies", "notes", "merges", "audit");
		assertThat((List<?>) export.get("identities")).hasSize(2);
		assertThat(export.get("mentions").toString()).contains("secret-message-text", "secret-forum-text");
		assertThat(export.get("notes").toString()).contains("secret-note");

		privacy.erase(a, null);

		for (String secret : List.of("secret_handle", "secret_forum", "Secret Name", "secret-message-text", "secret-forum-text", "C-secret-1",
				"secret@example.org", "secret-tag", "secret-note")) {
			assertThat(textColumnsContaining(secret)).as("columns still holding '%s'", secret).isEmpty();
		}
		assertThat(count("cases")).isEqualTo(2);
		assertThat(count("mentions")).isEqualTo(2);
		assertThat(count("audit_log where action = 'person.erase'")).isEqualTo(1);
		assertThatThrownBy(() -> customers.person(a)).isInstanceOf(PersonNotFound.class);
	}

	@Test
	void thePanelOfACaseShowsTheAuthorsCasesOnEveryChannel() {
		ingest(mastodon, post("1", "anna_v", "Anna", "KoerierSnel kwijt", T0, null));
		ingest(forum, onForum(post("2", "annav", "Anna", "KoerierSnel kwijt", T0, null)));
		links.merge(customers.personOf("mastodon", "anna_v").orElseThrow(), customers.personOf("forum", "annav").orElseThrow(),
				PersonLinks.Evidence.MANUAL, null);
		long mastodonCase = jdbc.sql("select id from cases where channel = 'mastodon'").query(Long.class).single();

		Customers.PersonPanel panel = customers.panelForCase(mastodonCase).orElseThrow();

		assertThat(panel.identities()).hasSize(2);
		assertThat(panel.openCases()).singleElement().extracting(Customers.PersonCase::channel).isEqualTo("forum");
	}

	private List<String> textColumnsContaining(String secret) {
		List<String> hits = new ArrayList<>();
		List<Map<String, Object>> columns = jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
				where c.table_schema = 'public' and c.data_type in ('text', 'jsonb', 'ARRAY', 'character varying', 'tsvector')
				  and c.table_name <> 'flyway_schema_history'""").query().listOfRows();
		for (Map<String, Object> col : columns) {
			String sql = "select count(*) from %s where %s::text ilike ?".formatted(col.get("table_name"), col.get("column_name"));
			long n = jdbc.sql(sql).param("%" + secret.replace("_", "\\_") + "%").query(Long.class).single();
			if (n > 0) hits.add(col.get("table_name") + "." + col.get("column_name"));
		}
		return hits;
	}

	private static CrmFields crm(String email) {
		return new CrmFields(null, null, email, null, null, null, null, List.of());
	}

	private long[] threePersons() {
		ingest(mastodon, post("a" + System.nanoTime(), "p0", "P0", "KoerierSnel", T0, null), post("b" + System.nanoTime(), "p1", "P1", "KoerierSnel", T0, null),
				post("c" + System.nanoTime(), "p2", "P2", "KoerierSnel", T0, null));
		return new long[] { customers.personOf("mastodon", "p0").orElseThrow(), customers.personOf("mastodon", "p1").orElseThrow(),
				customers.personOf("mastodon", "p2").orElseThrow() };
	}

	private List<String> actions(long personId) {
		return jdbc.sql("select action from audit_log where subject_type = 'person' and subject_id = ? order by id").param(personId)
			.query(String.class).list();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void ingest(long source, RawMention... items) {
		ingestion.ingestPushed(source, List.of(items));
		pipeline.drainAll();
	}

	private static RawMention onForum(RawMention m) {
		return new RawMention(m.externalId(), Channel.FORUM, m.author(), m.title(), m.text(), m.url(), m.publishedAt(), m.inReplyTo());
	}

	private static RawMention email(String id, String from, String text, Instant at) {
		return new RawMention(id, Channel.EMAIL, new RawMention.Author(from, null, null), "Subject", text, null, at, null, true);
	}

	private static RawMention post(String id, String handle, String name, String text, Instant at, String inReplyTo) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(handle, name, 100), null, text, null, at, inReplyTo);
	}
}
