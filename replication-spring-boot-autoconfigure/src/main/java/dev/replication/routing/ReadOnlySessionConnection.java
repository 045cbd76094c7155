package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a connection to the primary read-only for a read-only caller in auto-commit mode, where
 * the driver's {@code setReadOnly(true)} changes nothing on the server: the session is made read
 * only, and read-write again before the connection goes back to its pool. A write attempted under
 * {@code @ReadOnly} is then refused by PostgreSQL, on whichever node is the primary now. Inside a
 * transaction this is not needed: Spring's read-only flag makes it {@code BEGIN READ ONLY}.
 *
 * <p>Both session changes are made in auto-commit mode, so that no rollback can undo them: a
 * caller that turned auto-commit off and left a transaction open has it rolled back first. When
 * the session cannot be made read-write again, the connection is aborted, never pooled.
 */
final class ReadOnlySessionConnection extends DelegatingConnection {

	private ReadOnlySessionConnection(Connection target) {
		super(target);
	}

	static Connection wrap(Connection target) throws SQLException {
		boolean autoCommit = target.getAutoCommit();
		if (!autoCommit) {
			target.setAutoCommit(true);
		}
		execute(target, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
		if (!autoCommit) {
			target.setAutoCommit(false);
		}
		return new ReadOnlySessionConnection(target);
	}

	@Override
	public void close() throws SQLException {
		Connection target = target();
		if (!target.isClosed()) {
			try {
				if (!target.getAutoCommit()) {
					// Else the pool's rollback on return would undo the reset below.
					target.rollback();
					target.setAutoCommit(true);
				}
				execute(target, "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
			}
			catch (SQLException ex) {
				// Never hand a read-only session to the pool's next writer: drop the connection.
				target.abort(Runnable::run);
			}
		}
		target.close();
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
