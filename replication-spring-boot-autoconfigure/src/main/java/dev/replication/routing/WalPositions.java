package dev.replication.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The queries that read WAL positions on the connection an application uses, and the parsing
 * of their {@code pg_lsn} results ({@code 16/B374D848}) into numbers of bytes.
 */
final class WalPositions {

	/**
	 * Where the primary is inserting WAL: read after a commit returned, it covers that commit's
	 * record, whatever {@code synchronous_commit} says (the written or flushed position may still
	 * be behind an asynchronous commit). Places a caller's token.
	 */
	static final String INSERTED = "SELECT pg_current_wal_insert_lsn()::text";

	/**
	 * The position on a node, whichever its role: what a standby has replayed, what a primary
	 * has written.
	 */
	static final String POSITION = "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
			+ "ELSE pg_current_wal_lsn() END)::text";

	/**
	 * What a standby has replayed; {@code NULL} (read as 0) on a primary.
	 */
	static final String REPLAYED = "SELECT pg_last_wal_replay_lsn()::text";

	private WalPositions() {
	}

	/**
	 * Run {@code sql}, which returns one {@code pg_lsn} as text, and return it in bytes.
	 */
	static long query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return read(statement.executeQuery(sql));
		}
	}

	private static long read(ResultSet result) throws SQLException {
		try (result) {
			return result.next() ? parse(result.getString(1)) : 0;
		}
	}

	/**
	 * Return {@code lsn} ({@code 16/B374D848}) as a number of bytes, 0 for {@code null}.
	 * @throws IllegalArgumentException if it is not a WAL position
	 */
	static long parse(String lsn) {
		if (lsn == null) {
			return 0;
		}
		int slash = lsn.indexOf('/');
		if (slash <= 0 || slash == lsn.length() - 1) {
			throw new IllegalArgumentException("Not a WAL position: [" + lsn + "]");
		}
		return (Long.parseLong(lsn, 0, slash, 16) << 32) | Long.parseLong(lsn, slash + 1, lsn.length(), 16);
	}

}
