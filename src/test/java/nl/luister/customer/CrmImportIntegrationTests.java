package nl.luister.customer;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.luister.TestWorkspace;
import nl.luister.channel.Channel;
import nl.luister.channel.Ingestion;
import nl.luister.channel.RawMention;
import nl.luister.channel.SourceAdmin;
import nl.luister.log.MentionPipeline;
import nl.luister.monitor.TopicManagement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "luister.pipeline.enabled=false")
class CrmImportIntegrationTests {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
	static final CrmColumns COLUMNS = CrmColumns.defaults(List.of("mastodon", "bluesky", "forum"));

	@Autowired
	CrmImport crm;

	@Autowired
	PersonCsv csv;

	@Autowired
	PersonPrivacy privacy;

	@Autowired
	MentionPipeline pipeline;

	@Autowired
	Ingestion ingestion;

	@Autowired
	SourceAdmin sources;

	@Autowired
	TopicManagement topics;

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	long mastodon;
	long mail;

	@BeforeEach
	void cleanWorkspace() {
		pipeline.drainAll();
		TestWorkspace.reset(jdbc);
		mastodon = sources.importSource("crm-mastodon", Channel.MASTODON);
		mail = sources.importSource("crm-mail", Channel.EMAIL);
		topics.reload();
	}

	@Test
	void rowsCreatePersonsAndASecondImportChangesNothing() {
		String file = """
				customer_number,name,email,segment,value,phone,tags
				C-1,Anna de Vries,anna@example.nl,gold,"1.234,50",+31 6 1234 5678,vip;bike
				C-2,Bram,,silver,12,,
				""";
		CrmImportReport first = run(file, false);
		CrmImportReport second = run(file, false);

		assertThat(first.created()).isEqualTo(2);
		assertThat(second.created()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(count("persons")).isEqualTo(2);
		Person anna = customers.search("C-1", 1).getFirst();
		assertThat(anna.value()).isEqualByComparingTo("1234.50");
		assertThat(anna.tags()).containsExactly("vip", "bike");
		assertThat(anna.segment()).isEqualTo("gold");
		assertThat(privacy.export(anna.id(), null)).containsEntry("phone", "+31 6 1234 5678");
	}

	@Test
	void aDryRunReportsWhatWouldHappenAndWritesNothing() {
		ingest(mastodon, post("1", "anna_v", "Anna"));
		CrmImportReport dry = run("customer_number,name,mastodon\nC-1,Anna,anna_v\nC-2,Bram,\n,Nobody,\n", true);

		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.updated()).isEqualTo(1);
		assertThat(dry.created()).isEqualTo(1);
		assertThat(dry.rejected()).isEqualTo(1);
		assertThat(dry.rows()).extracting(CrmImportReport.RowOutcome::line, CrmImportReport.RowOutcome::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "UPDATED"), org.assertj.core.groups.Tuple.tuple(3L, "CREATED"),
					org.assertj.core.groups.Tuple.tuple(4L, "REJECTED"));
		assertThat(count("persons")).isEqualTo(1);
		assertThat(jdbc.sql("select customer_number from persons").query(String.class).optional()).isEmpty();
		assertThat(count("audit_log")).isZero();
	}

	@Test
	void linksOnlyOnEvidenceNeverByName() {
		ingest(mastodon, post("1", "anna_v", "Anna de Vries"));
		ingest(mail, email("2", "anna@example.nl"));
		long mastodonPerson = customers.personOf("mastodon", "anna_v").orElseThrow();
		long mailPerson = customers.personOf("email", "anna@example.nl").orElseThrow();
		ingest(mastodon, post("3", "someone_else", "Anna de Vries"));

		CrmImportReport r = run("customer_number;name;email;mastodon\nC-1;Anna de Vries;ANNA@example.nl;Anna_V\n", false);

		assertThat(r.linked()).isEqualTo(1);
		long survivor = Math.min(mastodonPerson, mailPerson);
		assertThat(customers.personOf("mastodon", "anna_v")).contains(survivor);
		assertThat(customers.personOf("email", "anna@example.nl")).contains(survivor);
		assertThat(customers.personOf("mastodon", "someone_else")).isNotEqualTo(customers.personOf("mastodon", "anna_v"));
		assertThat(jdbc.sql("select evidence from person_merges").query(String.class).list()).containsExactly("CRM");
		assertThat(customers.person(survivor).customerNumber()).isEqualTo("C-1");
	}

	@Test
	void rowsOfOneChunkSeeEachOtherAndABrokenRowIsRejectedAloneAcrossChunks() {
		StringBuilder file = new StringBuilder("customer_number,name,segment,mastodon\n");
		for (int i = 1; i <= 1200; i++) {
			if (i == 800) file.append("C-700,Second Seven Hundred,gold,h700b\n"); // same chunk as C-700's first row
			else if (i == 900) file.append("C-900,Nul\u0000Name,silver,\n"); // PostgreSQL could not store NUL in text
			else file.append("C-").append(i).append(",Customer ").append(i).append(",silver,h").append(i).append('\n');
		}
		CrmImportReport r = run(file.toString(), false);

		assertThat(r.created()).isEqualTo(1198);
		assertThat(r.updated()).isEqualTo(1);
		assertThat(r.rejected()).isEqualTo(1);
		assertThat(r.rows()).filteredOn(o -> o.kind().equals("UPDATED")).singleElement()
			.satisfies(o -> assertThat(o.line()).isEqualTo(801));
		assertThat(r.rows()).filteredOn(o -> o.kind().equals("REJECTED")).singleElement()
			.satisfies(o -> assertThat(o.line() + " " + o.detail()).isEqualTo("901 contains a NUL character"));
		assertThat(count("persons")).isEqualTo(1198);
		Person seven = customers.search("C-700", 1).getFirst();
		assertThat(seven.displayName()).isEqualTo("Second Seven Hundred");
		assertThat(seven.segment()).isEqualTo("gold");
		assertThat(customers.personOf("mastodon", "h700")).contains(seven.id());
		assertThat(customers.personOf("mastodon", "h700b")).contains(seven.id());
		assertThat(customers.personOf("mastodon", "h1200")).isPresent();

		CrmImportReport again = run(file.toString(), false);
		assertThat(again.created()).isZero();
		assertThat(again.rejected()).isEqualTo(1);
		assertThat(count("persons")).isEqualTo(1198);
	}

	@Test
	void aHandleClaimedByTwoCustomerNumbersIsRejectedForTheSecond() {
		CrmImportReport r = run("customer_number,name,mastodon\nC-1,Anna,anna_v\nC-2,Imposter,ANNA_V\n", false);

		assertThat(r.created()).isEqualTo(1);
		assertThat(r.rejected()).isEqualTo(1);
		assertThat(r.rows()).filteredOn(o -> o.kind().equals("REJECTED")).singleElement()
			.satisfies(o -> {
				assertThat(o.line()).isEqualTo(3);
				assertThat(o.detail()).contains("mastodon handle", "another customer number");
			});
		assertThat(customers.personOf("mastodon", "anna_v")).contains(customers.search("C-1", 1).getFirst().id());
	}

	@Test
	void brokenRowsAreReportedWithTheirLineNumbersAndSkipped() {
		String file = "customer_number,name,value,email\n"
				+ "C-1,Ok,1,\n"
				+ "C-2,\"never closed,2,\n"
				+ "C-3,Ok too,3,\n"
				+ "C-4,Too,many,fields,here\n"
				+ "C-5,\"multi\nline name\",5,\n"
				+ "C-6,Bad value,abc,\n"
				+ "C-7,Bad mail,,not-an-address\n"
				+ "C-8,\"a\"b,8,\n";
		CrmImportReport r = run(file, false);

		assertThat(r.created()).isEqualTo(3);
		assertThat(r.rows()).filteredOn(o -> o.kind().equals("REJECTED")).extracting(CrmImportReport.RowOutcome::line)
			.containsExactly(3L, 5L, 8L, 9L, 10L);
		assertThat(customers.search("C-5", 1).getFirst().displayName()).isEqualTo("multi\nline name");
	}

	@Test
	void bytesThatAreNotUtf8RejectTheirRowOnly() {
		byte[] head = "customer_number,name\nC-1,Ann\n".getBytes(StandardCharsets.UTF_8);
		byte[] bad = { 'C', '-', '2', ',', 'J', (byte) 0xE9, 'r', 'o', 'm', 'e', '\n' };
		byte[] tail = "C-3,Zoë\n".getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(bad, 0, all, head.length, bad.length);
		System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);

		CrmImportReport utf8 = crm.importCsv(new ByteArrayInputStream(all), StandardCharsets.UTF_8, COLUMNS, false, null, n -> { });
		assertThat(utf8.created()).isEqualTo(2);
		assertThat(utf8.rows()).filteredOn(o -> o.kind().equals("REJECTED")).singleElement().extracting(CrmImportReport.RowOutcome::line).isEqualTo(3L);

		CrmImportReport latin = crm.importCsv(new ByteArrayInputStream(all), Charset.forName("windows-1252"), COLUMNS, false, null, n -> { });
		assertThat(latin.rejected()).isZero();
	}

	@Test
	void hostileNamesAreStoredAsTextAndExportedWithoutFormulas() throws Exception {
		String hostile = "=HYPERLINK(\"http://evil\")<script>alert(1)</script>";
		run("customer_number,name,phone\nC-1,\"" + hostile.replace("\"", "\"\"") + "\",+31 6 1\n", false);
		assertThat(customers.search("C-1", 1).getFirst().displayName()).isEqualTo(hostile);

		StringWriter out = new StringWriter();
		tx.executeWithoutResult(s -> {
			try {
				csv.exportAll(out, null);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		assertThat(out.toString()).contains("'=HYPERLINK").contains("'+31 6 1");

		CrmImportReport again = crm.importCsv(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
				COLUMNS, false, null, n -> { });
		assertThat(again.unchanged()).isEqualTo(1);
	}

	@Test
	void aFileWithoutTheCustomerNumberColumnIsRefusedAsAWhole() {
		assertThatThrownBy(() -> run("name,email\nAnna,a@example.nl\n", false))
			.isInstanceOf(CrmImport.UnreadableFile.class).hasMessageContaining("customer_number");
	}

	@Test
	void aNewMailFromAnImportedAddressJoinsThatPerson() {
		run("customer_number,name,email\nC-1,Anna,anna@example.nl\n", false);
		ingest(mail, email("1", "Anna@Example.nl"));

		assertThat(customers.personOf("email", "anna@example.nl")).contains(customers.search("C-1", 1).getFirst().id());
	}

	@Test
	void twoImportsOfTheSameFileAtOnceCreateEveryCustomerOnce() throws Exception {
		StringBuilder file = new StringBuilder("customer_number,name,mastodon\n");
		for (int i = 0; i < 1200; i++) file.append("C-").append(i).append(",Name ").append(i).append(",h").append(i).append('\n');
		var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
		var barrier = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.Callable<CrmImportReport> task = () -> {
			barrier.await();
			return run(file.toString(), false);
		};
		var a = pool.submit(task);
		var b = pool.submit(task);
		CrmImportReport ra = a.get(), rb = b.get();
		pool.shutdown();

		assertThat(count("persons")).isEqualTo(1200);
		assertThat(count("identities")).isEqualTo(1200);
		assertThat(ra.created() + rb.created()).isEqualTo(1200);
		assertThat(jdbc.sql("select count(*) from identities i join persons p on p.id = i.person_id where i.handle = 'h' || substr(p.customer_number, 3)")
			.query(Long.class).single()).isEqualTo(1200);
	}

	private CrmImportReport run(String file, boolean dryRun) {
		return crm.importCsv(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, COLUMNS, dryRun, null,
				n -> { });
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void ingest(long source, RawMention... items) {
		ingestion.ingestPushed(source, List.of(items));
		pipeline.drainAll();
	}

	static RawMention email(String id, String from) {
		return new RawMention(id, Channel.EMAIL, new RawMention.Author(from, null, null), "Subject", "Pakket kwijt", null, T0, null, true);
	}

	static RawMention post(String id, String handle, String name) {
		return new RawMention(id, Channel.MASTODON, new RawMention.Author(handle, name, 100), null, "KoerierSnel kwijt", null, T0, null);
	}
}
