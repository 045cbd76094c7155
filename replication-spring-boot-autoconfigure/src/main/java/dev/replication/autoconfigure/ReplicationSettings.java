package dev.replication.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.context.WriteHistoryScope;
import dev.replication.health.HealthSettings;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationRouter;

import org.springframework.util.unit.DataSize;

/**
 * Reads the routing and health settings out of {@link ReplicationProperties}, checking each where
 * it is used: a value that cannot work fails start-up naming the property and the fix.
 */
final class ReplicationSettings {

	/**
	 * Weights are shares: a cap keeps the balancer's cycle small.
	 */
	private static final int MAX_WEIGHT = 1000;

	private final ReplicationProperties properties;

	ReplicationSettings(ReplicationProperties properties) {
		this.properties = properties;
	}

	ReplicationRouter router(ReplicationConnectionDetails details, WriteHistoryScope writeHistoryScope) {
		NodeNames.checkUnique(details);
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (ReplicationConnectionDetails.Node replica : details.getReplicas()) {
			weights.put(replica.name(), weight(replica.name()));
		}
		return new ReplicationRouter(details.getPrimary().name(), weights, loadBalancing(), writeHistoryScope,
				readYourWritesWindow(), this.properties.isFallbackToPrimary(), failoverMaxWait());
	}

	private Duration failoverMaxWait() {
		Duration maxWait = this.properties.getFailover().getMaxWait();
		if (maxWait == null || maxWait.isNegative()) {
			throw new InvalidReplicationConfigurationException("replication.failover.max-wait", "must not be negative",
					"Set 'replication.failover.max-wait' to a duration such as 5s (the default), "
							+ "or to 0 to fail at once when no primary is available.");
		}
		return maxWait;
	}

	/**
	 * Return a monitor of every node that logs in the way the node's pool does.
	 */
	ReplicationHealthMonitor healthMonitor(ReplicationConnectionDetails details, ReplicationRouter router,
			NodePoolFactory pools) {
		List<ReplicationHealthMonitor.MonitoredNode> nodes = new ArrayList<>();
		nodes.add(monitored(pools, details, details.getPrimary()));
		details.getReplicas().forEach((replica) -> nodes.add(monitored(pools, details, replica)));
		return new ReplicationHealthMonitor(nodes, router, healthSettings());
	}

	HealthSettings healthSettings() {
		ReplicationProperties.Health health = this.properties.getHealth();
		return new HealthSettings(positive("replication.health.interval", health.getInterval(), "1s"),
				positive("replication.health.connect-timeout", health.getConnectTimeout(), "1s"),
				positive("replication.health.max-lag", health.getMaxLag(), "10s"),
				maxLagBytes(health.getMaxLagBytes()),
				atLeastOne("replication.health.failure-threshold", health.getFailureThreshold(), 2),
				atLeastOne("replication.health.recovery-threshold", health.getRecoveryThreshold(), 2));
	}

	private static long maxLagBytes(DataSize maxLagBytes) {
		if (maxLagBytes == null) {
			return -1;
		}
		if (maxLagBytes.isNegative()) {
			throw new InvalidReplicationConfigurationException("replication.health.max-lag-bytes",
					"must not be negative", "Set 'replication.health.max-lag-bytes' to a size such as 16MB, "
							+ "or leave it unset for no limit.");
		}
		return maxLagBytes.toBytes();
	}

	private int weight(String replicaName) {
		int index = NodeNames.indexOfReplica(this.properties, replicaName);
		if (index < 0) {
			return 1;
		}
		int weight = this.properties.getReplicas().get(index).getWeight();
		if (weight <= 0 || weight > MAX_WEIGHT) {
			String property = "replication.replicas[" + index + "].weight";
			throw new InvalidReplicationConfigurationException(property,
					"must be between 1 and " + MAX_WEIGHT + " but was " + weight,
					"Set '" + property + "' to a share between 1 and " + MAX_WEIGHT
							+ " (the default is 1), or remove the replica.");
		}
		return weight;
	}

	private ReplicaLoadBalancer.Factory loadBalancing() {
		String value = this.properties.getLoadBalancing();
		String normalized = (value != null) ? value.trim().toLowerCase().replace('_', '-') : "";
		return switch (normalized) {
			case "round-robin" -> ReplicaLoadBalancer::roundRobin;
			case "random" -> ReplicaLoadBalancer::random;
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

	private static Duration positive(String property, Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidReplicationConfigurationException(property, "must be a positive duration",
					"Set '" + property + "' to a duration such as " + example + " (the default).");
		}
		return value;
	}

	private static int atLeastOne(String property, int value, int defaultValue) {
		if (value < 1) {
			throw new InvalidReplicationConfigurationException(property, "must be at least 1 but was " + value,
					"Set '" + property + "' to 1 or more (the default is " + defaultValue + ").");
		}
		return value;
	}

	private ReplicationHealthMonitor.MonitoredNode monitored(NodePoolFactory pools,
			ReplicationConnectionDetails details, ReplicationConnectionDetails.Node node) {
		// Configured like the node's pool, never started: only its settings are read.
		HikariDataSource pool = ReplicationDataSourceFactory.pool(pools, this.properties, details, node.name());
		return new ReplicationHealthMonitor.MonitoredNode(node.name(), pool.getJdbcUrl(),
				NodePoolFactory.connectionProperties(pool));
	}

}
