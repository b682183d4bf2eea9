package nl.luister.database;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.luister.LuisterApplication;
import nl.luister.monitor.Topic;
import nl.luister.monitor.TopicManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The two ways Luister finds its database: embedded under luister.home, or the configured URL. */
class DatabaseModesIntegrationTests {

	@Test
	void keepsItsDataUnderLuisterHomeAcrossRestarts(@TempDir Path home) {
		String[] args = { "--luister.home=" + home, "--luister.database.ephemeral=false", "--server.port=0",
				"--luister.sources.scheduling=false" };
		try (ConfigurableApplicationContext first = SpringApplication.run(LuisterApplication.class, args)) {
			first.getBean(TopicManagement.class).create("Blijft bewaard", "pakket*");
		}
		try (ConfigurableApplicationContext second = SpringApplication.run(LuisterApplication.class, args)) {
			assertThat(second.getBean(TopicManagement.class).all()).extracting(Topic::name).containsExactly("Blijft bewaard");
			assertThat(second.getBean(JdbcClient.class).sql("select count(*) from users where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
		}
		assertThat(home.resolve("pgdata/PG_VERSION")).exists();
	}

	@Test
	void usesTheConfiguredDatabaseAndStartsNoneOfItsOwn() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
			String[] args = { "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--server.port=0", "--luister.sources.scheduling=false" };
			try (ConfigurableApplicationContext ctx = SpringApplication.run(LuisterApplication.class, args)) {
				assertThat(ctx.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
				ctx.getBean(TopicManagement.class).create("Extern", "pakket*");
			}
			try (var c = external.getPostgresDatabase().getConnection();
					var rs = c.createStatement().executeQuery("select name from topics")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("Extern");
			}
		}
	}
}
