package dev.replication.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server of an {@link EmbeddedReplicationCluster}: where it listens and how to
 * connect to it. Its name is a stable identity; whether it is the primary is a matter of the
 * cluster's current topology ({@link EmbeddedReplicationCluster#primary()}).
 */
public final class ClusterNode {

	private final String name;

	private final int port;

	private final Path dataDirectory;

	private final Path logFile;

	private volatile boolean running;

	ClusterNode(String name, int port, Path dataDirectory, Path logFile) {
		this.name = name;
		this.port = port;
		this.dataDirectory = dataDirectory;
		this.logFile = logFile;
	}

	/**
	 * Return the node's name, such as {@code primary} or {@code replica-1}.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the loopback TCP port the node listens on.
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return the JDBC URL of the node's {@code postgres} database.
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * Return the user to connect as. Authentication is {@code trust} on loopback, so any password
	 * is accepted and none is needed.
	 */
	public String username() {
		return PgCtl.SUPERUSER;
	}

	/**
	 * Return a new unpooled {@link DataSource} for the node.
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(jdbcUrl());
		dataSource.setUser(username());
		dataSource.setConnectTimeout(5);
		return dataSource;
	}

	/**
	 * Return whether the node's server is running.
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Return the directory of the node's server log.
	 */
	public Path logFile() {
		return this.logFile;
	}

	Connection connect() throws SQLException {
		return dataSource().getConnection();
	}

	Path dataDirectory() {
		return this.dataDirectory;
	}

	String slotName() {
		return this.name.replace('-', '_');
	}

	void setRunning(boolean running) {
		this.running = running;
	}

	@Override
	public String toString() {
		return this.name + " (" + jdbcUrl() + ")";
	}

}
