package dev.replication.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Wraps a connection to the primary and tells the {@link ReplicationRouter} when it writes: on
 * the commit of a transaction that ran statements, or, in auto-commit mode, when a connection
 * that ran statements is closed (each statement committed as it ran). The router then keeps the
 * caller's reads on the primary for the read-your-writes window.
 */
final class WriteTrackingConnection implements InvocationHandler {

	private final Connection target;

	private final ReplicationRouter router;

	private boolean statementsRun;

	private WriteTrackingConnection(Connection target, ReplicationRouter router) {
		this.target = target;
		this.router = router;
	}

	static Connection wrap(Connection target, ReplicationRouter router) {
		return (Connection) Proxy.newProxyInstance(WriteTrackingConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new WriteTrackingConnection(target, router));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return "Write-tracking " + this.target;
			case "unwrap":
				if (((Class<?>) args[0]).isInstance(proxy)) {
					return proxy;
				}
				break;
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
					Object result = invokeTarget(method, args);
					this.router.recordWrite();
					this.statementsRun = false;
					return result;
				}
				break;
			case "commit":
				Object result = invokeTarget(method, args);
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
		return invokeTarget(method, args);
	}

	private Object invokeTarget(Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
