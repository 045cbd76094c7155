package dev.replication.autoconfigure;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.IsolationLevel;
import dev.replication.context.WriteHistoryScope;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationDataSource;
import dev.replication.routing.ReplicationRouter;
import dev.replication.routing.ReplicationRoutingDataSource;
import dev.replication.routing.RoutingListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Assembles the {@link ReplicationDataSource} from the connection details and the properties,
 * checking the routing settings on the way.
 */
final class ReplicationDataSourceFactory {

	private static final Log logger = LogFactory.getLog(ReplicationDataSourceFactory.class);

	private final ReplicationProperties properties;

	private final NodePoolFactory pools;

	ReplicationDataSourceFactory(ReplicationProperties properties, NodePoolFactory pools) {
		this.properties = properties;
		this.pools = pools;
	}

	ReplicationDataSource create(ReplicationConnectionDetails details, WriteHistoryScope writeHistoryScope,
			List<RoutingListener> listeners) {
		NodeNames.checkUnique(details);
		Duration window = readYourWritesWindow();
		List<String> replicaNames = new ArrayList<>();
		int[] weights = new int[details.getReplicas().size()];
		for (int i = 0; i < weights.length; i++) {
			String name = details.getReplicas().get(i).name();
			replicaNames.add(name);
			weights[i] = weight(name);
		}
		ReplicaLoadBalancer loadBalancer = (weights.length > 0) ? loadBalancer(weights) : null;
		Map<String, DataSource> nodes = new LinkedHashMap<>();
		HikariDataSource primary = this.pools.create(details.getPrimary(), "replication.primary.hikari", false);
		nodes.put(details.getPrimary().name(), primary);
		for (ReplicationConnectionDetails.Node replica : details.getReplicas()) {
			int index = NodeNames.indexOfReplica(this.properties, replica.name());
			nodes.put(replica.name(),
					this.pools.create(replica, (index >= 0) ? "replication.replicas[" + index + "].hikari" : null, true));
		}
		ReplicationRouter router = new ReplicationRouter(details.getPrimary().name(), replicaNames, loadBalancer,
				writeHistoryScope, window);
		logger.info("Routing writes to " + describe(details.getPrimary()) + " and reads to "
				+ (replicaNames.isEmpty() ? "the primary (no replica configured)"
						: details.getReplicas().stream().map(ReplicationDataSourceFactory::describe).toList() + " ("
								+ this.properties.getLoadBalancing() + ")"));
		return new ReplicationDataSource(new ReplicationRoutingDataSource(router, nodes, listeners),
				primary.isAutoCommit(), isolation(primary));
	}

	private int weight(String replicaName) {
		int index = NodeNames.indexOfReplica(this.properties, replicaName);
		if (index < 0) {
			return 1;
		}
		int weight = this.properties.getReplicas().get(index).getWeight();
		if (weight <= 0) {
			String property = "replication.replicas[" + index + "].weight";
			throw new InvalidReplicationConfigurationException(property,
					"must be positive but was " + weight,
					"Set '" + property + "' to 1 or more (the default is 1), or remove the replica.");
		}
		return weight;
	}

	private ReplicaLoadBalancer loadBalancer(int[] weights) {
		String value = this.properties.getLoadBalancing();
		String normalized = (value != null) ? value.trim().toLowerCase().replace('_', '-') : "";
		return switch (normalized) {
			case "round-robin" -> ReplicaLoadBalancer.roundRobin(weights);
			case "random" -> ReplicaLoadBalancer.random(weights);
			default -> throw new InvalidReplicationConfigurationException("replication.load-balancing",
					"has the unknown value [" + value + "]",
					"Set 'replication.load-balancing' to 'round-robin' (the default) or 'random'.");
		};
	}

	private Duration readYourWritesWindow() {
		Duration window = this.properties.getReadYourWrites().getWindow();
		if (window == null || window.isNegative()) {
			throw new InvalidReplicationConfigurationException("replication.read-your-writes.window",
					"must not be negative", "Set 'replication.read-your-writes.window' to a duration such as 2s, "
							+ "or to 0 to turn read-your-writes off.");
		}
		return window;
	}

	private static int isolation(HikariDataSource primary) {
		String name = primary.getTransactionIsolation();
		return (name != null) ? IsolationLevel.valueOf(name).getLevelId() : Connection.TRANSACTION_READ_COMMITTED;
	}

	private static String describe(ReplicationConnectionDetails.Node node) {
		return node.name() + " (" + JdbcUrls.mask(node.jdbcUrl()) + ")";
	}

}
