package dev.replication.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.replication.context.WriteHistoryScope;
import dev.replication.health.HealthSettings;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReadYourWritesMode;
import dev.replication.routing.ReadYourWritesPolicy;
import dev.replication.routing.ReplicaLoadBalancer;
import dev.replication.routing.ReplicationRouter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

	private static final Log logger = LogFactory.getLog(ReplicationSettings.class);

	/**
	 * An HMAC-SHA256 key shorter than the hash (32 bytes) is weaker than it needs to be.
	 */
	static final int MIN_COOKIE_SECRET_LENGTH = 32;

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
				readYourWrites(), this.properties.isFallbackToPrimary(), failoverMaxWait());
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

	ReadYourWritesPolicy readYourWrites() {
		ReplicationProperties.ReadYourWrites settings = this.properties.getReadYourWrites();
		ReadYourWritesMode mode = readYourWritesMode(settings.getMode());
		Duration window = readYourWritesWindow();
		Duration maxWait = settings.getMaxWait();
		if (maxWait == null || maxWait.isNegative()) {
			throw new InvalidReplicationConfigurationException("replication.read-your-writes.max-wait",
					"must not be negative", "Set 'replication.read-your-writes.max-wait' to a duration such as 50ms, "
							+ "or to 0 (the default) to send the read to the primary without waiting.");
		}
		if (settings.isMonotonicReads() && mode != ReadYourWritesMode.LSN) {
			throw new InvalidReplicationConfigurationException("replication.read-your-writes.monotonic-reads",
					"needs 'replication.read-your-writes.mode' lsn but it is " + mode.name().toLowerCase(Locale.ROOT),
					"Set 'replication.read-your-writes.mode' to lsn, or 'replication.read-your-writes.monotonic-reads' "
							+ "to false.");
		}
		return switch (mode) {
			case LSN -> ReadYourWritesPolicy.lsn(maxWait, settings.isMonotonicReads());
			case NONE -> ReadYourWritesPolicy.window(Duration.ZERO);
			case WINDOW -> {
				Duration maxLag = this.properties.getHealth().getMaxLag();
				if (!window.isZero() && maxLag != null && window.compareTo(maxLag) < 0) {
					logger.warn("'replication.read-your-writes.window' (" + window.toMillis()
							+ " ms) is shorter than 'replication.health.max-lag' (" + maxLag.toMillis()
							+ " ms): a replica up to " + (maxLag.minus(window).toMillis())
							+ " ms behind still serves a caller after its window ends, which may then not see "
							+ "its own writes. Use 'replication.read-your-writes.mode=lsn', or a window of at least "
							+ maxLag.toMillis() + " ms.");
				}
				yield ReadYourWritesPolicy.window(window);
			}
		};
	}

	private static ReadYourWritesMode readYourWritesMode(String value) {
		String normalized = (value != null) ? value.trim().toUpperCase(Locale.ROOT) : "";
		for (ReadYourWritesMode mode : ReadYourWritesMode.values()) {
			if (mode.name().equals(normalized)) {
				return mode;
			}
		}
		throw new InvalidReplicationConfigurationException("replication.read-your-writes.mode",
				"has the unknown value [" + value + "]",
				"Set 'replication.read-your-writes.mode' to 'lsn' (the default), 'window' or 'none'.");
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

	/**
	 * Return the read-your-writes scope: 'request', 'session' or 'cookie'.
	 */
	String readYourWritesScope() {
		String value = this.properties.getReadYourWrites().getScope();
		String normalized = (value != null) ? value.trim().toLowerCase() : "";
		return switch (normalized) {
			case "request", "session", "cookie" -> normalized;
			default -> throw new InvalidReplicationConfigurationException("replication.read-your-writes.scope",
					"has the unknown value [" + value + "]",
					"Set 'replication.read-your-writes.scope' to 'request' (the default), 'session' or 'cookie'.");
		};
	}

	/**
	 * Return the cookie secret, which the 'cookie' scope needs long enough to resist guessing.
	 * The secret itself never appears in a message.
	 */
	String cookieSecret() {
		String secret = this.properties.getReadYourWrites().getCookie().getSecret();
		if (secret == null || secret.isBlank() || secret.length() < MIN_COOKIE_SECRET_LENGTH) {
			throw new InvalidReplicationConfigurationException("replication.read-your-writes.cookie.secret",
					((secret == null || secret.isBlank()) ? "is required" : "is too short")
							+ " with 'replication.read-your-writes.scope' set to 'cookie'",
					"Set 'replication.read-your-writes.cookie.secret' to a random value of at least "
							+ MIN_COOKIE_SECRET_LENGTH + " characters, the same on every instance and kept out of "
							+ "source control (for example the output of 'openssl rand -base64 48'), or set "
							+ "'replication.read-your-writes.scope' to 'request' or 'session'.");
		}
		return secret;
	}

	/**
	 * Return the cookie's max age, positive.
	 */
	Duration cookieMaxAge() {
		return positive("replication.read-your-writes.cookie.max-age",
				this.properties.getReadYourWrites().getCookie().getMaxAge(), "5m");
	}

	/**
	 * Return the cookie's name, a valid cookie name.
	 */
	String cookieName() {
		String name = this.properties.getReadYourWrites().getCookie().getName();
		if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
			throw new InvalidReplicationConfigurationException("replication.read-your-writes.cookie.name",
					"is not a valid cookie name", "Set 'replication.read-your-writes.cookie.name' to letters, "
							+ "digits and dashes, such as 'replication-token' (the default).");
		}
		return name;
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
