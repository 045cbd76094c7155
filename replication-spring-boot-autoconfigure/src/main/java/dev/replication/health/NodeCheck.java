package dev.replication.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import dev.replication.support.WalLsn;
import org.jspecify.annotations.Nullable;

/**
 * Checks one node over a connection of its own, kept open between checks and never taken from
 * the application's pools, with short connect and socket timeouts so that a dead or hung node
 * costs one check at most that long.
 */
final class NodeCheck implements AutoCloseable {

	/**
	 * Whether the node is a standby, its WAL position (replayed on a standby; on a primary, one
	 * that covers every commit returned, see {@link WalLsn}), its timeline, and the WAL's layout
	 * to read a primary's position with. A primary's timeline is
	 * the one of the WAL file it writes, known at once after a promotion; a standby's is the one
	 * of its last restartpoint, which may still be the former one for a while (it only ever
	 * understates, so it never fences a primary by mistake).
	 */
	static final String SQL = "SELECT pg_is_in_recovery(), (CASE WHEN pg_is_in_recovery() "
			+ "THEN pg_last_wal_replay_lsn() ELSE " + WalLsn.COVERING + " END)::text, "
			+ "(CASE WHEN pg_is_in_recovery() THEN (SELECT timeline_id FROM pg_control_checkpoint())::bigint "
			+ "ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::bigint END), "
			+ WalLsn.LAYOUT;

	private final String url;

	private final Properties properties = new Properties();

	private @Nullable Connection connection;

	private boolean closed;

	NodeCheck(String url, Properties connectionProperties, Duration connectTimeout, Duration socketTimeout) {
		this.url = url;
		this.properties.putAll(connectionProperties);
		this.properties.setProperty("connectTimeout", seconds(connectTimeout));
		this.properties.setProperty("loginTimeout", seconds(connectTimeout.plus(socketTimeout)));
		this.properties.setProperty("socketTimeout", seconds(socketTimeout));
		this.properties.setProperty("ApplicationName", "replication-health");
	}

	/**
	 * Run the check: return whether the node is a standby and its WAL position (replayed on a
	 * standby, written on a primary).
	 */
	synchronized Result run() throws SQLException {
		if (this.closed) {
			throw new SQLException("Health checks are stopped", "08003");
		}
		try {
			if (this.connection == null) {
				this.connection = DriverManager.getConnection(this.url, this.properties);
			}
			return run(this.connection, 0);
		}
		catch (SQLException ex) {
			closeConnection();
			throw ex;
		}
	}

	/**
	 * Run the check over {@code connection}: this check's own, or one of the node's pool, waiting
	 * at most {@code timeout} for the answer (zero: the connection's socket timeout bounds it).
	 */
	static Result run(Connection connection, Duration timeout) throws SQLException {
		return run(connection, timeout.isZero() ? 0 : Integer.parseInt(seconds(timeout)));
	}

	private static Result run(Connection connection, int timeoutSeconds) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(timeoutSeconds);
			try (ResultSet result = statement.executeQuery(SQL)) {
				result.next();
				boolean inRecovery = result.getBoolean(1);
				long position = WalLsn.parse(result.getString(2));
				if (!inRecovery) {
					position = WalLsn.endOfLastRecord(position, result.getLong(4), result.getLong(5));
				}
				return new Result(inRecovery, position, result.getLong(3));
			}
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		closeConnection();
	}

	private void closeConnection() {
		Connection connection = this.connection;
		this.connection = null;
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Broken already: nothing to release.
			}
		}
	}

	private static String seconds(Duration duration) {
		// The driver counts in whole seconds, and 0 would mean no timeout at all.
		return String.valueOf(Math.max(1, (duration.toMillis() + 999) / 1000));
	}

	record Result(boolean inRecovery, long lsn, long timeline) {
	}

}
