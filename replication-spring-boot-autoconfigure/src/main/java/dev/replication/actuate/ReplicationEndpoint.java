package dev.replication.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.replication.cluster.ClusterView;
import dev.replication.cluster.NodeStatus;
import dev.replication.health.ReplicationHealthMonitor;
import dev.replication.routing.ReadYourWritesPolicy;
import dev.replication.routing.ReadYourWritesStats;
import dev.replication.routing.ReplicationRouter;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code replication} actuator endpoint: reading it shows the topology as the health monitor
 * last saw it, how many connections went to each node and why, and the read-your-writes settings
 * and counters; writing to {@code replication/{node}} takes a replica out of rotation for
 * maintenance ({@code {"rotation": "out"}}) and puts it back ({@code "in"}). Secured like every
 * actuator write operation: exposed only where the application exposes it.
 */
@Endpoint(id = "replication")
public class ReplicationEndpoint {

	private final ReplicationHealthMonitor monitor;

	private final ReplicationRouter router;

	private final RoutingCounts routingCounts;

	/**
	 * Create an endpoint over {@code monitor}'s view, {@code router}'s read-your-writes settings
	 * and the routing counts of {@code routingCounts}.
	 */
	public ReplicationEndpoint(ReplicationHealthMonitor monitor, ReplicationRouter router,
			RoutingCounts routingCounts) {
		this.monitor = monitor;
		this.router = router;
		this.routingCounts = routingCounts;
	}

	/**
	 * Return the topology, the routing counts per node and reason, and read-your-writes.
	 */
	@ReadOperation
	public Map<String, Object> replication() {
		ClusterView view = this.monitor.getView();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("primary", view.primary());
		result.put("timeline", view.timeline());
		result.put("readable", view.readable());
		result.put("heldOut", view.heldOut());
		result.put("failovers", this.monitor.primaryChanges());
		result.put("nodes", NodeDescriptions.describe(view));
		result.put("routing", this.routingCounts.counts());
		result.put("readYourWrites", readYourWrites());
		return result;
	}

	/**
	 * Take the node called {@code node} out of rotation ({@code rotation} {@code out}) or put it
	 * back ({@code in}), and return how it stands now. A node held out serves no new reads, and
	 * is still checked meanwhile.
	 */
	@WriteOperation
	public Map<String, Object> rotation(@Selector String node, String rotation) {
		boolean out = switch (rotation) {
			case "out" -> true;
			case "in" -> false;
			default -> throw new InvalidEndpointRequestException(
					"Rotation [" + rotation + "] is neither 'in' nor 'out'", "Rotation must be 'in' or 'out'");
		};
		ClusterView view = this.monitor.getView();
		if (view.node(node) == null) {
			String message = "No node named [" + node + "]; configured nodes are "
					+ view.nodes().stream().map(NodeStatus::name).toList();
			throw new InvalidEndpointRequestException(message, message);
		}
		if (out && node.equals(view.primary())) {
			String message = "Node [" + node + "] is the primary: it takes the writes and cannot be held out";
			throw new InvalidEndpointRequestException(message, message);
		}
		this.monitor.holdOut(node, out);
		ClusterView now = this.monitor.getView();
		return NodeDescriptions.describe(now, now.node(node));
	}

	private Map<String, Object> readYourWrites() {
		ReadYourWritesPolicy policy = this.router.readYourWrites();
		ReadYourWritesStats stats = this.router.readYourWritesStats();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("mode", policy.mode().name().toLowerCase(java.util.Locale.ROOT));
		settings.put("window", policy.window().toString());
		settings.put("maxWait", policy.maxWait().toString());
		settings.put("monotonicReads", policy.monotonicReads());
		Map<String, Object> counters = new LinkedHashMap<>();
		counters.put("replicaReads", stats.replicaReads());
		counters.put("primaryReadsForToken", stats.primaryReadsForToken());
		counters.put("replayChecks", stats.replayChecks());
		counters.put("waits", stats.waits());
		counters.put("waitMillis", stats.waitNanos() / 1_000_000);
		counters.put("tokensTaken", stats.tokensTaken());
		settings.put("stats", counters);
		return settings;
	}

}
