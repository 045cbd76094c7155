package dev.replication.routing;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Wraps a replica connection handed out for a read outside any transaction, and re-runs a query
 * on another node when the replica dies under it. It does so only for the connection's first
 * query, before any row came back, in auto-commit mode: then a read has no transaction to lose
 * and no session state but what this wrapper saw set and replays, so running it elsewhere is
 * safe. Statements inside a transaction are never wrapped, never re-run. A query runs again at
 * most once, and only when its connection was lost: a slow query (a socket timeout) is not run
 * again, and marks no node down.
 *
 * <p>Once nothing can be run again (the first query returned, or a transaction or a procedure
 * call began), the wrapper passes every call straight on: later statements are the driver's own,
 * with no proxy and no recording of their settings.
 *
 * <p>Without this, a replica that crashes fails every query in flight on it and every query
 * that borrows one of its pooled connections before the health monitor notices.
 */
final class ReadFailoverConnection extends ConnectionDecorator {

	private static final Constructor<?> STATEMENT_PROXY = proxyConstructor(Statement.class);

	private static final Constructor<?> PREPARED_STATEMENT_PROXY = proxyConstructor(PreparedStatement.class);

	private final ReplicationRoutingDataSource dataSource;

	/** Connection settings applied through this wrapper, replayed on a replacement connection. */
	private Map<String, Object[]> settings;

	private Set<String> tried;

	private Connection target;

	private RoutingDecision decision;

	private boolean retryable = true;

	/** Bumped on each reconnection, so that statements made before it are made again. */
	private int generation;

	private ReadFailoverConnection(ReplicationRoutingDataSource dataSource, Connection target,
			RoutingDecision decision) {
		this.dataSource = dataSource;
		this.target = target;
		this.decision = decision;
	}

	static Connection wrap(ReplicationRoutingDataSource dataSource, Connection target, RoutingDecision decision) {
		return proxy(new ReadFailoverConnection(dataSource, target, decision));
	}

	@Override
	Connection target() {
		return this.target;
	}

	@Override
	Object handle(Object proxy, Method method, Object[] args) throws Throwable {
		if (!this.retryable) {
			// Nothing can be run again on this connection: no bookkeeping, no statement proxies.
			return call(this.target, method, args);
		}
		String name = method.getName();
		if (name.equals("createStatement") || name.equals("prepareStatement")) {
			Statement statement = (Statement) call(this.target, method, args);
			return newProxy(name.equals("createStatement") ? STATEMENT_PROXY : PREPARED_STATEMENT_PROXY,
					new StatementHandler(proxy, statement, method, args));
		}
		if (name.equals("prepareCall") || (name.equals("setAutoCommit") && !((Boolean) args[0]))) {
			this.retryable = false;
		}
		else if (name.startsWith("set") && !name.equals("setSavepoint")) {
			// setSchema, setCatalog, setTransactionIsolation, setClientInfo...: session state to carry
			// over, once the connection took it.
			Object result = call(this.target, method, args);
			this.settings = (this.settings != null) ? this.settings : new LinkedHashMap<>();
			this.settings.put(name, args);
			return result;
		}
		return call(this.target, method, args);
	}

	/**
	 * Give up the broken connection, mark its node down, and return a connection to the next node
	 * the router picks that can give one, with this connection's settings.
	 * @throws SQLException {@code failure} itself when no other node can serve the read
	 */
	private Connection reconnect(SQLException failure) throws SQLException {
		this.tried = (this.tried != null) ? this.tried : new HashSet<>(4);
		this.tried.add(this.decision.node());
		this.dataSource.nodeFailed(this.decision.node(), failure);
		try {
			this.target.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
		while (true) {
			RoutingDecision next = this.dataSource.getRouter().decideAfterFailure(this.decision, this.tried, failure);
			if (next == null) {
				throw failure;
			}
			this.decision = next;
			Connection replacement = null;
			try {
				if (next.checkReplay) {
					ReplayCheck.Checked checked = this.dataSource.checkReplay(next);
					next = checked.decision();
					this.decision = next;
					replacement = (checked.connection() != null) ? checked.connection()
							: this.dataSource.openConnection(next);
				}
				else {
					replacement = this.dataSource.openConnection(next);
				}
				if (this.settings != null) {
					for (Map.Entry<String, Object[]> setting : this.settings.entrySet()) {
						call(replacement, findSetter(setting.getKey(), setting.getValue()), setting.getValue());
					}
				}
				this.target = replacement;
				this.generation++;
				return this.target;
			}
			catch (Throwable ex) {
				if (replacement != null) {
					// Back to its pool: the caller only ever closes the connection it ends up with.
					closeQuietly(replacement, ex);
				}
				this.tried.add(next.node());
				this.dataSource.nodeFailed(next.node(), ex);
				failure.addSuppressed(ex);
				if (next.primary() && !ConnectionFailures.isConnectionFailure(ex)) {
					throw failure;
				}
			}
		}
	}

	private static void closeQuietly(Connection connection, Throwable failure) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static Method findSetter(String name, Object[] args) {
		for (Method method : Connection.class.getMethods()) {
			if (method.getName().equals(name) && method.getParameterCount() == ((args != null) ? args.length : 0)) {
				return method;
			}
		}
		throw new IllegalStateException("No Connection." + name);
	}

	/**
	 * Records how a statement was made and configured, so that it can be made again on another
	 * connection, and re-runs the connection's first query when its connection died.
	 */
	private final class StatementHandler implements InvocationHandler {

		private final Object connectionProxy;

		private final Method creator;

		private final Object[] creatorArgs;

		/** The latest value of each setting and parameter, keyed by setter and index; made on first use. */
		private Map<String, Object[]> settings;

		private Map<String, Method> setters;

		private Statement statement;

		private int generation = ReadFailoverConnection.this.generation;

		StatementHandler(Object connectionProxy, Statement statement, Method creator, Object[] creatorArgs) {
			this.connectionProxy = connectionProxy;
			this.statement = statement;
			this.creator = creator;
			this.creatorArgs = creatorArgs;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			switch (name) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "getConnection":
					return this.connectionProxy;
				case "clearParameters":
					if (this.settings != null && ReadFailoverConnection.this.retryable) {
						this.settings.keySet().removeIf((key) -> key.contains("#"));
					}
					break;
				default:
					break;
			}
			if (this.generation != ReadFailoverConnection.this.generation) {
				recreate(ReadFailoverConnection.this.target);
			}
			if (!ReadFailoverConnection.this.retryable) {
				// No reconnection can come any more, so there is nothing to record for one.
				return call(this.statement, method, args);
			}
			if (name.startsWith("set")) {
				record(method, args);
			}
			if (name.startsWith("execute")) {
				// Each statement starts with no node tried yet.
				ReadFailoverConnection.this.tried = null;
			}
			if (!name.equals("executeQuery") && !name.equals("execute")) {
				return call(this.statement, method, args);
			}
			boolean rerun = false;
			while (true) {
				try {
					Object result = call(this.statement, method, args);
					ReadFailoverConnection.this.retryable = false;
					return result;
				}
				catch (SQLException ex) {
					if (rerun || !ReadFailoverConnection.this.retryable || !ConnectionFailures.isRerunnable(ex)) {
						ReadFailoverConnection.this.retryable = false;
						throw ex;
					}
					rerun = true;
					recreate(reconnect(ex));
				}
			}
		}

		private void record(Method method, Object[] args) {
			boolean indexed = args != null && args.length > 1 && args[0] instanceof Integer;
			String key = indexed ? method.getName() + "#" + args[0] : method.getName();
			if (this.settings == null) {
				this.settings = new LinkedHashMap<>();
				this.setters = new LinkedHashMap<>();
			}
			this.settings.put(key, args);
			this.setters.put(key, method);
			if (args != null && args.length > 1 && (args[1] instanceof InputStream || args[1] instanceof Reader)) {
				// A stream is read once: it cannot be sent again.
				ReadFailoverConnection.this.retryable = false;
			}
		}

		private void recreate(Connection connection) throws Throwable {
			this.statement = (Statement) call(connection, this.creator, this.creatorArgs);
			if (this.settings != null) {
				for (Map.Entry<String, Object[]> setting : this.settings.entrySet()) {
					call(this.statement, this.setters.get(setting.getKey()), setting.getValue());
				}
			}
			this.generation = ReadFailoverConnection.this.generation;
		}

	}

}
