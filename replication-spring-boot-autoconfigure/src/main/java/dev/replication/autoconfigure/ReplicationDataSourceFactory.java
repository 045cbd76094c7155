package dev.replication.autoconfigure;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.IsolationLevel;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.support.JdbcUrls;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.ReplicationRoutingDataSource;
import dev.replication.routing.RoutingListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Assembles the {@link ReplicationDataSource}: a pool per node, the routing data source over
 * them, and the health monitor started on them.
 */
final class ReplicationDataSourceFactory {

	private static final Log logger = LogFactory.getLog(ReplicationDataSourceFactory.class);

	private final ReplicationProperties properties;

	private final NodePoolFactory pools;

	private final List<NodePoolCustomizer> customizers;

	ReplicationDataSourceFactory(ReplicationProperties properties, NodePoolFactory pools,
			List<NodePoolCustomizer> customizers) {
		this.properties = properties;
		this.pools = pools;
		this.customizers = customizers;
	}

	ReplicationDataSource create(ReplicationConnectionDetails details, ReplicationRouter router,
			ReplicationHealthMonitor monitor, List<RoutingListener> listeners) {
		Map<String, DataSource> nodes = new LinkedHashMap<>();
		for (ReplicationConnectionDetails.Node node : all(details)) {
			nodes.put(node.name(), pool(details, node.name()));
		}
		HikariDataSource primary = (HikariDataSource) nodes.get(details.getPrimary().name());
		ReplicationRoutingDataSource routing = new ReplicationRoutingDataSource(router, nodes, listeners, monitor,
				(node) -> pool(details, node));
		// A dead node's pool would hand out broken connections and retry in the background with a
		// growing back-off: a fresh pool, started on first use, serves it best when it returns.
		monitor.setNodeDownCallback(routing::replacePool);
		monitor.setPools(routing::getNode);
		monitor.start();
		logger.info("Routing writes to " + describe(details.getPrimary()) + " and reads to "
				+ (details.getReplicas().isEmpty() ? "the primary (no replica configured)"
						: details.getReplicas().stream().map(ReplicationDataSourceFactory::describe).toList() + " ("
								+ this.properties.getLoadBalancing() + ")"));
		return new ReplicationDataSource(routing, primary.isAutoCommit(), isolation(primary));
	}

	private HikariDataSource pool(ReplicationConnectionDetails details, String name) {
		// Replacement pools come through here too, so customizers see every pool a node ever has.
		HikariDataSource pool = pool(this.pools, this.properties, details, name);
		for (NodePoolCustomizer customizer : this.customizers) {
			customizer.customize(name, pool);
		}
		return pool;
	}

	/**
	 * Return a new pool for the node called {@code name}, configured but not started.
	 */
	static HikariDataSource pool(NodePoolFactory pools, ReplicationProperties properties,
			ReplicationConnectionDetails details, String name) {
		if (details.getPrimary().name().equals(name)) {
			return pools.create(details.getPrimary(), "replication.primary.hikari");
		}
		ReplicationConnectionDetails.Node replica = details.getReplicas()
			.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.orElseThrow();
		int index = NodeNames.indexOfReplica(properties, name);
		return pools.create(replica, (index >= 0) ? "replication.replicas[" + index + "].hikari" : null);
	}

	private static List<ReplicationConnectionDetails.Node> all(ReplicationConnectionDetails details) {
		List<ReplicationConnectionDetails.Node> nodes = new java.util.ArrayList<>();
		nodes.add(details.getPrimary());
		nodes.addAll(details.getReplicas());
		return nodes;
	}

	private static int isolation(HikariDataSource primary) {
		String value = primary.getTransactionIsolation();
		if (value == null) {
			return Connection.TRANSACTION_READ_COMMITTED;
		}
		String name = value.trim().toUpperCase(Locale.ROOT);
		for (IsolationLevel level : IsolationLevel.values()) {
			if (level.name().equals(name) || level.name().equals("TRANSACTION_" + name)
					|| String.valueOf(level.getLevelId()).equals(name)) {
				return level.getLevelId();
			}
		}
		throw new InvalidReplicationConfigurationException("replication.hikari.transaction-isolation",
				"has the unknown value [" + value + "]",
				"Set 'replication.hikari.transaction-isolation' to TRANSACTION_READ_COMMITTED, "
						+ "TRANSACTION_REPEATABLE_READ or TRANSACTION_SERIALIZABLE, or leave it unset.");
	}

	private static String describe(ReplicationConnectionDetails.Node node) {
		return node.name() + " (" + JdbcUrls.mask(node.jdbcUrl()) + ")";
	}

}
