package dev.replication.routing;

import java.lang.reflect.Method;
import java.sql.Connection;

/**
 * Wraps a connection to the primary and tells the {@link ReplicationRouter} when it writes: on
 * the commit of a transaction that ran statements, or, in auto-commit mode, when a connection
 * that ran statements is closed (each statement committed as it ran). The router then keeps the
 * caller's reads on the primary for the read-your-writes window.
 */
final class WriteTrackingConnection extends ConnectionDecorator {

	private final Connection target;

	private final ReplicationRouter router;

	private boolean statementsRun;

	private WriteTrackingConnection(Connection target, ReplicationRouter router) {
		this.target = target;
		this.router = router;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return proxy(new WriteTrackingConnection(target, router));
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
					this.router.recordWrite();
				}
				this.statementsRun = false;
				break;
			case "setAutoCommit":
				// Switching auto-commit on commits the transaction in progress.
				if ((Boolean) args[0] && this.statementsRun && !this.target.getAutoCommit()) {
					Object result = call(this.target, method, args);
					this.router.recordWrite();
					this.statementsRun = false;
					return result;
				}
				break;
			case "commit":
				Object result = call(this.target, method, args);
				if (this.statementsRun) {
					this.router.recordWrite();
					this.statementsRun = false;
				}
				return result;
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

}
