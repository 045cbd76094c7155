package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The {@link javax.sql.DataSource} an application uses: lazy connections over a
 * {@link ReplicationRoutingDataSource}, so that the node is chosen when the first statement
 * runs, after Spring has marked the transaction read-only or not. Closing it closes every
 * node's pool.
 *
 * <p>A {@link LazyConnectionDataSourceProxy} by type, and its connections behave as that
 * proxy's do (and are {@link org.springframework.jdbc.datasource.ConnectionProxy
 * ConnectionProxy} handles), but they are plain objects of the starter that also watch a write
 * connection's commits: see {@link LazyRoutedConnection}.
 */
public class ReplicationDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

	private final ReplicationRoutingDataSource routingDataSource;

	/**
	 * Create a data source over {@code routingDataSource}. The pools' defaults are given so that
	 * no connection is opened at start-up to discover them.
	 */
	public ReplicationDataSource(ReplicationRoutingDataSource routingDataSource, boolean defaultAutoCommit,
			int defaultTransactionIsolation) {
		this.routingDataSource = routingDataSource;
		setTargetDataSource(routingDataSource);
		setDefaultAutoCommit(defaultAutoCommit);
		setDefaultTransactionIsolation(defaultTransactionIsolation);
		afterPropertiesSet();
	}

	/**
	 * Return a connection that takes a pooled connection of the node the router chooses when its
	 * first statement runs.
	 */
	@Override
	public Connection getConnection() throws SQLException {
		Boolean defaultAutoCommit = defaultAutoCommit();
		Integer defaultTransactionIsolation = defaultTransactionIsolation();
		return new LazyRoutedConnection(this.routingDataSource, defaultAutoCommit == null || defaultAutoCommit,
				(defaultTransactionIsolation != null) ? defaultTransactionIsolation
						: Connection.TRANSACTION_READ_COMMITTED);
	}

	/**
	 * Not supported: the router chooses the replica of each read-only caller.
	 */
	@Override
	public void setReadOnlyDataSource(javax.sql.DataSource readOnlyDataSource) {
		throw new UnsupportedOperationException(
				"Replicas are configured with 'replication.replicas', not with a read-only DataSource");
	}

	/**
	 * Not supported: credentials are configured per node.
	 */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return this.routingDataSource.getConnection(username, password);
	}

	/**
	 * Return the routing data source behind the lazy connections.
	 */
	public ReplicationRoutingDataSource getRoutingDataSource() {
		return this.routingDataSource;
	}

	/**
	 * Close the pool of every node.
	 */
	@Override
	public void close() throws Exception {
		this.routingDataSource.close();
	}

	@Override
	public String toString() {
		return "ReplicationDataSource " + this.routingDataSource.getNodes().keySet();
	}

}
