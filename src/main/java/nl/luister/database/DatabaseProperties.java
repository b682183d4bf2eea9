package nl.luister.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database. Its data lives in {@code luister.home}/pgdata.
 *
 * @param port      fixed port for the embedded server, or 0 for any free port
 * @param ephemeral keep the data in a temporary folder that is wiped on start (tests)
 * @param durable   fsync and synchronous commit on (turn off only for throw-away test databases)
 * @param poolSize  connection pool size
 * @param startupWait how long to wait for the server to accept connections
 */
@ConfigurationProperties("luister.database")
record DatabaseProperties(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral, @DefaultValue("true") boolean durable,
		@DefaultValue("16") int poolSize, @DefaultValue("60s") Duration startupWait) {
}
