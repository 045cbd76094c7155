package dev.replication.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

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
final class ReadFailoverConnection extends DelegatingConnection {

	private static final String CLIENT_INFO_OF = "setClientInfo#";

	private final ReplicationRoutingDataSource dataSource;

	/**
	 * Connection settings applied through this wrapper, keyed by setter, replayed on a replacement
	 * connection.
	 */
	private Map<String, Setting> settings;

	private Set<String> tried;

	private RoutingDecision decision;

	private boolean retryable = true;

	/** Bumped on each reconnection, so that statements made before it are made again. */
	private int generation;

	private ReadFailoverConnection(ReplicationRoutingDataSource dataSource, Connection target,
			RoutingDecision decision) {
		super(target);
		this.dataSource = dataSource;
		this.decision = decision;
	}

	static Connection wrap(ReplicationRoutingDataSource dataSource, Connection target, RoutingDecision decision) {
		return new ReadFailoverConnection(dataSource, target, decision);
	}

	/**
	 * Return whether a query on this connection may still be run again.
	 */
	boolean retryable() {
		return this.retryable;
	}

	/**
	 * Note that nothing on this connection can be run again from now on.
	 */
	void stopRetrying() {
		this.retryable = false;
	}

	int generation() {
		return this.generation;
	}

	/**
	 * Note that a statement starts: it has tried no node yet.
	 */
	void statementStarting() {
		this.tried = null;
	}

	@Override
	public Statement createStatement() throws SQLException {
		Statement statement = target().createStatement();
		return this.retryable ? ReadFailoverStatement.proxy(this, statement, Connection::createStatement) : statement;
	}

	@Override
	public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
		Statement statement = target().createStatement(resultSetType, resultSetConcurrency);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.createStatement(resultSetType, resultSetConcurrency)) : statement;
	}

	@Override
	public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
			throws SQLException {
		Statement statement = target().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement, (connection) -> connection
			.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql) throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.prepareStatement(sql)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
			throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql, resultSetType, resultSetConcurrency);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.prepareStatement(sql, resultSetType, resultSetConcurrency)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
			int resultSetHoldability) throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql, resultSetType, resultSetConcurrency,
				resultSetHoldability);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement, (connection) -> connection
			.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql, autoGeneratedKeys);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.prepareStatement(sql, autoGeneratedKeys)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql, columnIndexes);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.prepareStatement(sql, columnIndexes)) : statement;
	}

	@Override
	public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
		PreparedStatement statement = target().prepareStatement(sql, columnNames);
		return this.retryable ? ReadFailoverStatement.proxy(this, statement,
				(connection) -> connection.prepareStatement(sql, columnNames)) : statement;
	}

	// A procedure call or a transaction may change data: neither is ever run again.

	@Override
	void statementCreating() {
		// Only prepareCall reaches here: the other statement makers are overridden above.
		this.retryable = false;
	}

	@Override
	public void setAutoCommit(boolean autoCommit) throws SQLException {
		if (!autoCommit) {
			this.retryable = false;
		}
		super.setAutoCommit(autoCommit);
		remember("setAutoCommit", (connection) -> connection.setAutoCommit(autoCommit));
	}

	// Session state to carry over to a replacement connection, once this connection took it.

	@Override
	public void setReadOnly(boolean readOnly) throws SQLException {
		super.setReadOnly(readOnly);
		remember("setReadOnly", (connection) -> connection.setReadOnly(readOnly));
	}

	@Override
	public void setCatalog(String catalog) throws SQLException {
		super.setCatalog(catalog);
		remember("setCatalog", (connection) -> connection.setCatalog(catalog));
	}

	@Override
	public void setTransactionIsolation(int level) throws SQLException {
		super.setTransactionIsolation(level);
		remember("setTransactionIsolation", (connection) -> connection.setTransactionIsolation(level));
	}

	@Override
	public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
		super.setTypeMap(map);
		remember("setTypeMap", (connection) -> connection.setTypeMap(map));
	}

	@Override
	public void setHoldability(int holdability) throws SQLException {
		super.setHoldability(holdability);
		remember("setHoldability", (connection) -> connection.setHoldability(holdability));
	}

	@Override
	public void setClientInfo(String name, String value) throws SQLClientInfoException {
		super.setClientInfo(name, value);
		if (this.retryable) {
			// One entry per name: each name's latest value is replayed, not only the last name's.
			remember(CLIENT_INFO_OF + name, (connection) -> connection.setClientInfo(name, value));
		}
	}

	@Override
	public void setClientInfo(Properties properties) throws SQLClientInfoException {
		try {
			super.setClientInfo(properties);
		}
		catch (SQLClientInfoException ex) {
			// Some names may have been taken: what to replay is no longer known.
			stopRetrying();
			throw ex;
		}
		if (this.settings != null) {
			// All of the client info is replaced: names set before are replayed by this call alone.
			this.settings.keySet().removeIf((setter) -> setter.startsWith(CLIENT_INFO_OF));
		}
		if (this.retryable) {
			// A copy: the caller may change its properties after this call.
			Properties taken = new Properties();
			taken.putAll(properties);
			remember("setClientInfo", (connection) -> connection.setClientInfo(taken));
		}
	}

	@Override
	public void setSchema(String schema) throws SQLException {
		super.setSchema(schema);
		remember("setSchema", (connection) -> connection.setSchema(schema));
	}

	@Override
	public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
		super.setNetworkTimeout(executor, milliseconds);
		remember("setNetworkTimeout", (connection) -> connection.setNetworkTimeout(executor, milliseconds));
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
			throws SQLException {
		boolean set = super.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
		remember("setShardingKeyIfValid",
				(connection) -> connection.setShardingKeyIfValid(shardingKey, superShardingKey, timeout));
		return set;
	}

	@Override
	public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
		boolean set = super.setShardingKeyIfValid(shardingKey, timeout);
		remember("setShardingKeyIfValid", (connection) -> connection.setShardingKeyIfValid(shardingKey, timeout));
		return set;
	}

	@Override
	public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
		super.setShardingKey(shardingKey, superShardingKey);
		remember("setShardingKey", (connection) -> connection.setShardingKey(shardingKey, superShardingKey));
	}

	@Override
	public void setShardingKey(ShardingKey shardingKey) throws SQLException {
		super.setShardingKey(shardingKey);
		remember("setShardingKey", (connection) -> connection.setShardingKey(shardingKey));
	}

	/**
	 * Remember a setting the connection took, under the name of its setter (the latest call of a
	 * setter wins), unless nothing can be run again.
	 */
	private void remember(String setter, Setting setting) {
		if (this.retryable) {
			this.settings = (this.settings != null) ? this.settings : new LinkedHashMap<>();
			this.settings.put(setter, setting);
		}
	}

	/**
	 * Give up the broken connection, mark its node down, and return a connection to the next node
	 * the router picks that can give one, with this connection's settings.
	 * @throws SQLException {@code failure} itself when no other node can serve the read
	 */
	Connection reconnect(SQLException failure) throws SQLException {
		this.tried = (this.tried != null) ? this.tried : new HashSet<>(4);
		this.tried.add(this.decision.node());
		this.dataSource.nodeFailed(this.decision.node(), failure);
		try {
			target().close();
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
					for (Setting setting : this.settings.values()) {
						setting.applyTo(replacement);
					}
				}
				target(replacement);
				this.generation++;
				return replacement;
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

	/**
	 * A setting a connection took, to apply to its replacement.
	 */
	@FunctionalInterface
	private interface Setting {

		void applyTo(Connection connection) throws SQLException;

	}

}
