package nl.luister.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import nl.luister.LuisterApplication;
import nl.luister.customer.CrmColumns;
import nl.luister.customer.CrmImport;
import nl.luister.customer.CrmImportReport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the CRM CSV import of N generated rows (default 1,000,000): a dry-run, the import, and the same file
 * again (every row unchanged). One row in ten names the mastodon handle of an existing identity (found on
 * evidence), one in a thousand is broken. Prints rows per second and the heap in use after each pass, to
 * show the file is streamed. Run with
 * {@code ./mvnw -q -B test-compile exec:java@crm-bench -Dexec.args=1000000}. Not a test.
 */
public final class CrmImportBench {

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 1_000_000;
		boolean all = args.length < 2 || !args[1].equals("import-only");
		SpringApplication app = new SpringApplication(LuisterApplication.class);
		app.setDefaultProperties(Map.of("luister.database.ephemeral", "true", "luister.sources.scheduling", "false",
				"luister.pipeline.enabled", "false", "luister.admin-password", "bench-only-password", "logging.level.root", "WARN",
				"spring.main.banner-mode", "off", "server.port", "0", "luister.influence.initial-delay", "P1D"));
		Path file = Files.createTempFile("crm-bench-", ".csv");
		try (ConfigurableApplicationContext ctx = app.run()) {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			CrmImport crm = ctx.getBean(CrmImport.class);
			int known = n / 10;
			jdbc.sql("insert into persons (id, display_name) select g, 'p' || g from generate_series(1, ?) g").param(known).update();
			jdbc.sql("select setval('persons_id_seq', ?)").param(known).query(Long.class).single();
			jdbc.sql("""
					insert into identities (channel, handle, display_name, followers, first_seen, last_seen, person_id)
					select 'mastodon', 'h' || g, 'p' || g, 10, now(), now(), g from generate_series(1, ?) g""").param(known).update();
			jdbc.sql("analyze").update();
			try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				w.write("customer_number,name,email,segment,value,phone,tags,mastodon\n");
				for (int i = 1; i <= n; i++) {
					if (i % 1000 == 0) {
						w.write("C-" + i + ",\"broken\n");
						continue;
					}
					w.write("C-" + i + ",Customer " + i + ",c" + i + "@example.nl," + (i % 3 == 0 ? "gold" : "silver") + "," + (i % 997) + ".50,"
							+ "+31 6 " + (10000000 + i) + ",tag" + (i % 5) + "," + (i % 10 == 0 ? "h" + (i / 10) : "") + "\n");
				}
			}
			System.out.printf("Luister CRM import bench: %,d rows (%,d MB), Java %s, %d cores, max heap %d MB%n", n, Files.size(file) >> 20,
					Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
			CrmColumns columns = CrmColumns.defaults(List.of("mastodon"));
			for (String pass : all ? new String[] { "dry-run", "import", "re-import" } : new String[] { "import" }) {
				System.gc();
				long t0 = System.nanoTime();
				CrmImportReport r;
				try (InputStream in = Files.newInputStream(file)) {
					r = crm.importCsv(in, StandardCharsets.UTF_8, columns, pass.equals("dry-run"), null, rows -> { });
				}
				double s = (System.nanoTime() - t0) / 1e9;
				long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
				System.out.flush();
				System.out.printf("%-9s %.1f s, %,.0f rows/s: created %,d, updated %,d, unchanged %,d, linked %,d, rejected %,d; heap in use %d MB%n",
						pass, s, n / s, r.created(), r.updated(), r.unchanged(), r.linked(), r.rejected(), heap);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
