package dev.replication.routing;

import java.lang.reflect.Method;
import java.sql.Connection;

/**
 * Wraps a connection to the primary and tells the {@link ReplicationRouter} when it writes: on
 * the commit of a transaction that ran statements, or, in auto-commit mode, when a connection
 * that ran statements is closed (each statement committed as it ran).
 *
 * <p>In window mode the router only notes the time. In lsn mode it is told the WAL position that
 * covers the commit, read on this connection after the commit and before the connection returns
 * to its pool: a transaction's commit sends {@code COMMIT} and the position query in one round
 * trip ({@link WalPositions#commitAndReadPosition}), so taking the token costs no extra round trip;
 * auto-commit statements, already committed, cost one position query when the connection is
 * closed. Neither is done when no scope is active to remember the token in.
 */
final class WriteTrackingConnection extends ConnectionDecorator {

	private final Connection target;

	private final ReplicationRouter router;

	private final boolean takePosition;

	private boolean statementsRun;

	private WriteTrackingConnection(Connection target, ReplicationRouter router, boolean takePosition) {
		this.target = target;
		this.router = router;
		this.takePosition = takePosition;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return wrap(target, router, false);
	}

	/**
	 * Wrap {@code target}, telling {@code router} of each write with its WAL position if
	 * {@code takePosition}, else with its time only.
	 */
	static Connection wrap(Connection target, ReplicationRouter router, boolean takePosition) {
		return proxy(new WriteTrackingConnection(target, router, takePosition));
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
					this.statementsRun = false;
					try {
						if (!this.takePosition) {
							recordWrite(0);
						}
						else if (this.router.remembersWrites()) {
							recordWrite(WalPositions.query(this.target, WalPositions.POSITION));
						}
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
					long position = commit();
					Object result = call(this.target, method, args);
					recordWrite(position);
					this.statementsRun = false;
					return result;
				}
				break;
			case "commit":
				if (this.statementsRun) {
					long position = commit();
					this.statementsRun = false;
					recordWrite(position);
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

	/**
	 * Commit the transaction in progress, and return the WAL position that covers it in lsn mode.
	 */
	private long commit() throws Throwable {
		long position = 0;
		if (this.takePosition && this.router.remembersWrites()) {
			position = WalPositions.commitAndReadPosition(this.target);
		}
		// After the commit above the driver knows no transaction is open and sends nothing; the
		// pool learns that the connection holds no uncommitted work.
		this.target.commit();
		return position;
	}

	private void recordWrite(long position) {
		if (this.takePosition) {
			this.router.recordWrite(position);
		}
		else {
			this.router.recordWrite();
		}
	}

}
