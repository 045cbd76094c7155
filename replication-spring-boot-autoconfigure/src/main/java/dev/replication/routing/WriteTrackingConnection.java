package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Watches a connection to the primary and tells the {@link ReplicationRouter} when it writes: on
 * the commit of a transaction that ran statements, or, in auto-commit mode, when a connection
 * that ran statements is closed (each statement committed as it ran).
 *
 * <p>The router is told after the commit has returned, and nothing more is asked of the
 * database: in window mode the router notes the time; in lsn mode it records an unplaced write,
 * whose WAL position is read later and only if a read needs it (see
 * {@link dev.replication.context.ConsistencyToken}), so that a write transaction costs no extra
 * statement.
 *
 * <p>Either a wrapper of its own around a connection the routing data source hands out
 * ({@link #wrap}), or, for the connections of a {@link ReplicationDataSource}, part of the
 * {@link LazyRoutedConnection} the application already holds, switched on when that connection
 * turns out to be a write connection ({@link #trackWrites}): no second object per connection.
 */
class WriteTrackingConnection extends DelegatingConnection {

	private @Nullable ReplicationRouter router;

	private boolean lsn;

	private boolean statementsRun;

	WriteTrackingConnection(@Nullable Connection target) {
		super(target);
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return wrap(target, router, false);
	}

	/**
	 * Wrap {@code target}, telling {@code router} of each write as an unplaced write if
	 * {@code lsn}, else with its time only.
	 */
	static Connection wrap(Connection target, ReplicationRouter router, boolean lsn) {
		WriteTrackingConnection connection = new WriteTrackingConnection(target);
		connection.trackWrites(router, lsn);
		return connection;
	}

	/**
	 * Tell {@code router} of the writes made from now on: as unplaced writes if {@code lsn},
	 * else with their time only.
	 */
	final void trackWrites(ReplicationRouter router, boolean lsn) {
		this.router = router;
		this.lsn = lsn;
	}

	/**
	 * Stop telling the router of writes: for a handle about to be routed again, whose earlier
	 * attempt may have been a write connection that then failed.
	 */
	final void stopTrackingWrites() {
		this.router = null;
	}

	@Override
	void statementCreating() {
		this.statementsRun = true;
	}

	@Override
	public void close() throws SQLException {
		Connection target = target();
		try {
			if (this.router != null && this.statementsRun && !target.isClosed() && target.getAutoCommit()) {
				// Auto-commit statements were committed as they ran.
				recordWrite();
			}
		}
		finally {
			this.statementsRun = false;
			target.close();
		}
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		Connection target = target();
		if (this.router != null && this.statementsRun && autoCommit != target.getAutoCommit()) {
			// Switching auto-commit on commits the transaction in progress; switching it off starts a
			// transaction after statements that were each committed as they ran.
			target.setAutoCommit(autoCommit);
			this.statementsRun = false;
			recordWrite();
			return;
		}
		target.setAutoCommit(autoCommit);
	}

	@Override
	public void commit() throws SQLException {
		if (this.router != null && this.statementsRun) {
			target().commit();
			this.statementsRun = false;
			recordWrite();
			return;
		}
		target().commit();
	}

	@Override
	public void rollback() throws SQLException {
		this.statementsRun = false;
		target().rollback();
	}

	private void recordWrite() {
		ReplicationRouter router = this.router;
		if (router == null) {
			return;
		}
		if (this.lsn) {
			router.recordUnplacedWrite();
		}
		else {
			router.recordWrite();
		}
	}

}
