package dev.replication.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * {@link AbstractRoutingDataSource} over one connection pool per node, asking the
 * {@link ReplicationRouter} which node serves each new connection.
 *
 * <p>Meant to sit behind a {@link ReplicationDataSource} (a
 * {@link org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy}), which fetches the
 * connection only when the first statement runs, once Spring has begun the transaction. A
 * connection for a read-only caller is marked read-only; one to the primary for a writer is
 * watched for commits, for read-your-writes.
 */
public class ReplicationRoutingDataSource extends AbstractRoutingDataSource {

	private final ReplicationRouter router;

	private final Map<String, DataSource> nodes;

	private final RoutingListener[] listeners;

	/**
	 * Create a routing data source over {@code nodes} (by node name, the primary included).
	 */
	public ReplicationRoutingDataSource(ReplicationRouter router, Map<String, DataSource> nodes,
			List<RoutingListener> listeners) {
		this.router = router;
		this.nodes = new HashMap<>(nodes);
		this.listeners = listeners.toArray(RoutingListener[]::new);
		setTargetDataSources(new HashMap<>(nodes));
		setLenientFallback(false);
		afterPropertiesSet();
	}

	/**
	 * Return the node the next connection would go to, without moving the load balancer on:
	 * {@link #getConnection()} does not use it, only {@code unwrap} and {@code isWrapperFor} do.
	 */
	@Override
	protected Object determineCurrentLookupKey() {
		return this.router.primary();
	}

	@Override
	public Connection getConnection() throws SQLException {
		RoutingDecision decision = this.router.decide();
		return prepare(decision, node(decision).getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		RoutingDecision decision = this.router.decide();
		return prepare(decision, node(decision).getConnection(username, password));
	}

	/**
	 * Return the pools by node name, in no particular order.
	 */
	public Map<String, DataSource> getNodes() {
		return new LinkedHashMap<>(this.nodes);
	}

	/**
	 * Return the pool of the primary.
	 */
	public DataSource getPrimaryDataSource() {
		return this.nodes.get(this.router.primary());
	}

	/**
	 * Return the router that decides for this data source.
	 */
	public ReplicationRouter getRouter() {
		return this.router;
	}

	private DataSource node(RoutingDecision decision) {
		return this.nodes.get(decision.node());
	}

	private Connection prepare(RoutingDecision decision, Connection connection) throws SQLException {
		Connection prepared = connection;
		try {
			if (decision.readOnly()) {
				connection.setReadOnly(true);
			}
			else if (decision.primary()) {
				prepared = WriteTrackingConnection.wrap(connection, this.router);
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
		for (RoutingListener listener : this.listeners) {
			listener.routed(decision);
		}
		return prepared;
	}

}
