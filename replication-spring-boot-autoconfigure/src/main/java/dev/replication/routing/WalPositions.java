package dev.replication.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.replication.support.WalLsn;

/**
 * The queries that read WAL positions on the connections an application uses, as numbers of
 * bytes (see {@link WalLsn}).
 */
final class WalPositions {

	/**
	 * What a standby has replayed; {@code NULL} (read as 0) on a primary.
	 */
	private static final String REPLAYED = "SELECT pg_last_wal_replay_lsn()::text";

	/**
	 * The position on a node, whichever its role: what a standby has replayed, what covers every
	 * commit a primary returned (with the WAL's layout, see {@link WalLsn}).
	 */
	private static final String POSITION = "SELECT pg_is_in_recovery(), (CASE WHEN pg_is_in_recovery() "
			+ "THEN pg_last_wal_replay_lsn() ELSE " + WalLsn.COVERING + " END)::text, " + WalLsn.LAYOUT;

	private WalPositions() {
	}

	/**
	 * Return what the standby behind {@code connection} has replayed, 0 on a primary.
	 */
	static long replayed(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(REPLAYED)) {
			return result.next() ? WalLsn.parse(result.getString(1)) : 0;
		}
	}

	/**
	 * Return the position of the node behind {@code connection}: what a standby has replayed,
	 * what covers every commit a primary returned.
	 */
	static long position(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(POSITION)) {
			result.next();
			long position = WalLsn.parse(result.getString(2));
			return result.getBoolean(1) ? position
					: WalLsn.endOfLastRecord(position, result.getLong(3), result.getLong(4));
		}
	}

	/**
	 * Return a position of the primary behind {@code connection} that covers every commit it
	 * returned before this query.
	 */
	static long covering(Connection connection) throws SQLException {
		return WalLsn.queryCovering(connection);
	}

}
