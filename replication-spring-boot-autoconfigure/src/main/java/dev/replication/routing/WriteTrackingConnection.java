package dev.replication.routing;

import java.lang.reflect.Method;
import java.sql.Connection;

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
final class WriteTrackingConnection extends ConnectionDecorator {

	private final Connection target;

	private final ReplicationRouter router;

	private final boolean lsn;

	private boolean statementsRun;

	private WriteTrackingConnection(Connection target, ReplicationRouter router, boolean lsn) {
		this.target = target;
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
		return proxy(new WriteTrackingConnection(target, router, lsn));
	}

	@Override
	Connection target() {
		return this.target;
	}

	@Override
	Object handle(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "createStatement":
			case "prepareStatement":
			case "prepareCall":
				this.statementsRun = true;
				break;
			case "close":
				if (this.statementsRun && !this.target.isClosed() && this.target.getAutoCommit()) {
					// Auto-commit statements were committed as they ran.
					this.statementsRun = false;
					try {
						recordWrite();
					}
					finally {
						this.target.close();
					}
					return null;
				}
				this.statementsRun = false;
				break;
			case "setAutoCommit":
				// Switching auto-commit on commits the transaction in progress.
				if ((Boolean) args[0] && this.statementsRun && !this.target.getAutoCommit()) {
					Object result = call(this.target, method, args);
					this.statementsRun = false;
					recordWrite();
					return result;
				}
				break;
			case "commit":
				if (this.statementsRun) {
					this.target.commit();
					this.statementsRun = false;
					recordWrite();
					return null;
				}
				break;
			case "rollback":
				if (args == null) {
					this.statementsRun = false;
				}
				break;
			default:
				break;
		}
		return call(this.target, method, args);
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
