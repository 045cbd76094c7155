package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Wraps a connection to the primary and tells the {@link ReplicationRouter} when it writes: on
 * the commit of a transaction that ran statements, or, in auto-commit mode, when a connection
 * that ran statements is closed (each statement committed as it ran).
 *
 * <p>The router is told after the commit has returned, and nothing more is asked of the
 * database: in window mode the router notes the time; in lsn mode it records an unplaced write,
 * whose WAL position is read later and only if a read needs it (see
 * {@link dev.replication.context.ConsistencyToken}), so that a write transaction costs no extra
 * statement.
 */
final class WriteTrackingConnection extends DelegatingConnection {

	private final ReplicationRouter router;

	private final boolean lsn;

	private boolean statementsRun;

	private WriteTrackingConnection(Connection target, ReplicationRouter router, boolean lsn) {
		super(target);
		this.router = router;
		this.lsn = lsn;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return wrap(target, router, false);
	}

	/**
	 * Wrap {@code target}, telling {@code router} of each write as an unplaced write if
	 * {@code lsn}, else with its time only.
	 */
	static Connection wrap(Connection target, ReplicationRouter router, boolean lsn) {
		return new WriteTrackingConnection(target, router, lsn);
	}

	@Override
	void statementCreating() {
		this.statementsRun = true;
	}

	@Override
	public void close() throws SQLException {
		Connection target = target();
		if (this.statementsRun && !target.isClosed() && target.getAutoCommit()) {
			// Auto-commit statements were committed as they ran.
			this.statementsRun = false;
			try {
				recordWrite();
			}
			finally {
				target.close();
			}
			return;
		}
		this.statementsRun = false;
		target.close();
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		Connection target = target();
		// Switching auto-commit on commits the transaction in progress.
		if (autoCommit && this.statementsRun && !target.getAutoCommit()) {
			target.setAutoCommit(true);
			this.statementsRun = false;
			recordWrite();
			return;
		}
		target.setAutoCommit(autoCommit);
	}

	@Override
	public void commit() throws SQLException {
		if (this.statementsRun) {
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
		if (this.lsn) {
			this.router.recordUnplacedWrite();
		}
		else {
			this.router.recordWrite();
		}
	}

}
