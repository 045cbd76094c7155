package dev.replication.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps a replica connection handed out for a read outside any transaction, and re-runs a query
 * on another node when the replica dies under it: the query failed with a connection error
 * before returning a row, and in auto-commit mode a read has no transaction to lose, so running
 * it again elsewhere is safe. Statements inside a transaction are never wrapped, never re-run.
 *
 * <p>Without this, a replica that crashes fails every query in flight on it and every query
 * that borrows one of its pooled connections before the health monitor notices.
 */
final class ReadFailoverConnection extends ConnectionDecorator {

	private final ReplicationRoutingDataSource dataSource;

	private final Set<String> tried = new HashSet<>(4);

	private Connection target;

	private RoutingDecision decision;

	private boolean autoCommit = true;

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
		switch (method.getName()) {
			case "setAutoCommit":
				this.autoCommit = (Boolean) args[0];
				break;
			case "createStatement":
			case "prepareStatement":
				Statement statement = (Statement) call(this.target, method, args);
				return Proxy.newProxyInstance(ReadFailoverConnection.class.getClassLoader(),
						new Class<?>[] { method.getReturnType() }, new StatementHandler(proxy, statement, method, args));
			default:
				break;
		}
		return call(this.target, method, args);
	}

	private boolean canRetry(SQLException failure) {
		return this.autoCommit && ConnectionFailures.isConnectionFailure(failure);
	}

	/**
	 * Give up the broken connection, mark its node down, and return a connection to the next node
	 * the router picks that can give one.
	 * @throws org.springframework.dao.DataAccessResourceFailureException once no node is left
	 */
	private Connection reconnect(SQLException failure) throws SQLException {
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
			this.decision = next;
			try {
				this.target = this.dataSource.openConnection(next);
				return this.target;
			}
			catch (SQLException | RuntimeException ex) {
				this.tried.add(next.node());
				this.dataSource.nodeFailed(next.node(), ex);
				failure.addSuppressed(ex);
			}
		}
	}

	/**
	 * Records how a statement was made and configured, so that it can be made again on another
	 * connection, and re-runs a query that failed because its connection died.
	 */
	private final class StatementHandler implements InvocationHandler {

		private final Object connectionProxy;

		private final Method creator;

		private final Object[] creatorArgs;

		private final List<Object[]> settings = new ArrayList<>();

		private Statement statement;

		StatementHandler(Object connectionProxy, Statement statement, Method creator, Object[] creatorArgs) {
			this.connectionProxy = connectionProxy;
			this.statement = statement;
			this.creator = creator;
			this.creatorArgs = creatorArgs;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.equals("getConnection")) {
				return this.connectionProxy;
			}
			if (name.startsWith("set") || name.equals("clearParameters")) {
				this.settings.add(new Object[] { method, args });
			}
			if (!name.equals("executeQuery") && !name.equals("execute")) {
				return call(this.statement, method, args);
			}
			while (true) {
				try {
					return call(this.statement, method, args);
				}
				catch (SQLException ex) {
					if (!canRetry(ex)) {
						throw ex;
					}
					recreate(reconnect(ex));
				}
			}
		}

		private void recreate(Connection connection) throws Throwable {
			this.statement = (Statement) call(connection, this.creator, this.creatorArgs);
			for (Object[] setting : this.settings) {
				call(this.statement, (Method) setting[0], (Object[]) setting[1]);
			}
		}

	}

}
