package nl.luister.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database.
 *
 * @param home      Luister's home folder ({@code luister.home}); the embedded data lives in its {@code pgdata}
 * @param port      fixed port for the embedded server, or 0 for any free port
 * @param ephemeral keep the data in a temporary folder that is wiped on start (tests)
 * @param poolSize  connection pool size
 */
@ConfigurationProperties("luister.database")
record DatabaseProperties(@DefaultValue("${luister.home:./data}") Path home, @DefaultValue("0") int port,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("16") int poolSize) {
}
