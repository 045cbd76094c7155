package dev.replication.routing;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The {@link javax.sql.DataSource} an application uses: a {@link LazyConnectionDataSourceProxy} over a
 * {@link ReplicationRoutingDataSource}, so that the node is chosen when the first statement
 * runs, after Spring has marked the transaction read-only or not. Closing it closes every
 * node's pool.
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
	 * Return the routing data source behind the lazy proxy.
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
